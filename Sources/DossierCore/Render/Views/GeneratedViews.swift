/// The `doc` data of the pages Dossier makes itself: the dashboard, indicator pages, the
/// indicators index, the action tracker and the archive.

struct IndicatorView: Codable, Sendable, Equatable {
    let id: String
    let name: String
    let group: String?
    let description: String?
    let unit: String
    let direction: String
    let standard: String?
    let target: String
    let tolerance: String
    let results: [ResultView]
    let hasResults: Bool
    let trend: String?
}

struct IndicatorsView: Codable, Sendable, Equatable {
    /// An indicator with its latest result and a sparkline of its results.
    struct Entry: Codable, Sendable, Equatable {
        let latest: ResultView
        let sparkline: String?

        private enum CodingKeys: String, CodingKey { case sparkline }

        init(latest: ResultView, sparkline: String?) {
            self.latest = latest
            self.sparkline = sparkline
        }

        init(from decoder: Decoder) throws {
            latest = try ResultView(from: decoder)
            sparkline = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .sparkline)
        }

        func encode(to encoder: Encoder) throws {
            try latest.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(sparkline, forKey: .sparkline)
        }
    }

    struct Group: Codable, Sendable, Equatable {
        let name: String
        let indicators: [Entry]
    }

    let groups: [Group]
}

struct ActionsView: Codable, Sendable, Equatable {
    let groups: [ActionGroupView]
    let statusCounts: [StatusCountView]
    let actionCount: Int
    /// The build date: each action is judged as at it, when its document is current.
    let asAt: DateView
    /// Overdue actions whose document is older than their due date ("no update since").
    let noUpdateCount: Int
    let statusChart: String?
}

struct ArchiveView: Codable, Sendable, Equatable {
    struct Report: Codable, Sendable, Equatable {
        let title: String
        let url: String
        let kind: String?
        let date: DateView
        let supersededBy: LinkView?
    }

    struct Quarter: Codable, Sendable, Equatable {
        let label: String
        let months: String
        let reports: [Report]
    }

    struct Year: Codable, Sendable, Equatable {
        let label: String
        let anchor: String
        let quarters: [Quarter]
    }

    let years: [Year]
}

struct DashboardView: Codable, Sendable, Equatable {
    /// One count of the first screen's answer: "8 of 9 indicators on target", "5 actions overdue".
    struct GlanceItem: Codable, Sendable, Equatable {
        let count: Int
        let words: String
        /// The status it counts (`met`, `near`, `missed`, `overdue`), for its style.
        let key: String
    }

    struct Quarterly: Codable, Sendable, Equatable {
        let title: String
        let url: String
        let period: String
        let date: DateView
        /// Indicators that missed their target or only just missed it, worst first.
        let exceptions: [ResultView]
        let hasExceptions: Bool
        let results: [ResultView]
        let statusCounts: [StatusCountView]
        let donut: String?
        let targetChart: String?
    }

    struct ReviewEntry: Codable, Sendable, Equatable {
        let title: String
        let url: String
        let stage: String
        let status: StatusView?
        /// The current stage's end has passed without it being marked complete.
        let late: Bool
        /// How many of the review's stages are late.
        let lateCount: Int
        let timeline: String?
    }

    struct Highlight: Codable, Sendable, Equatable {
        let title: String
        let url: String
        let date: DateView
    }

    let quarterly: Quarterly?
    /// The counts the home page opens with: indicators on target, near and missed in the latest
    /// quarterly report, and overdue actions. Zero counts other than "on target" are left out.
    let glance: [GlanceItem]
    let hasGlance: Bool
    let overdue: [ActionView]
    let overdueCount: Int
    let trackerURL: String?
    let reviews: [ReviewEntry]
    let hasReviews: Bool
    let highlights: [Highlight]
    let hasHighlights: Bool
    let archiveURL: String?
    let indicatorsURL: String?
}
