/// The `doc` data of typed documents (`doc.*` in their templates), one view model per kind.
/// docs/templates.md lists the same names.

struct ActionView: Codable, Sendable, Equatable {
    let id: String
    let title: String
    let theme: String?
    let owner: String?
    let due: DateView?
    let status: StatusView
    /// On the tracker and the dashboard: overdue, but its document is older than its due date, so
    /// this is the last day anything was reported on it.
    let noUpdateSince: DateView?
    /// The plan's grouping of the action ("Short term"), when it has one.
    let group: String?
    let progress: String?
    let points: [String]
    let hasPoints: Bool
    /// The plan or scorecard the action comes from.
    let source: LinkView
}

/// Actions of one status.
struct ActionGroupView: Codable, Sendable, Equatable {
    let status: StatusView
    let count: Int
    let actions: [ActionView]
}

struct ScorecardView: Codable, Sendable, Equatable {
    struct MilestonesView: Codable, Sendable, Equatable {
        let total: String?
        let completed: String?
        let outstanding: String?
        let overdue: String?
        let completedPercent: String?
        let outstandingPercent: String?
    }

    let milestones: MilestonesView?
    let groups: [ActionGroupView]
    let hasActions: Bool
    let actionCount: Int
    let donut: String?
    let statusChart: String?
}

/// One indicator's result in one quarter (on a quarterly report and an indicator's page), or an
/// indicator's latest result (on the indicators index, where `period` and `report` may be absent).
struct ResultView: Codable, Sendable, Equatable {
    let id: String
    let name: String
    let url: String
    let group: String?
    let standard: String?
    let target: String
    let actual: String?
    let volume: String?
    let comment: String?
    let status: StatusView?
    let period: String?
    let report: LinkView?
}

struct QuarterlyView: Codable, Sendable, Equatable {
    struct Period: Codable, Sendable, Equatable {
        let label: String
        let months: String
        let year: String
        let quarter: Int
    }

    let period: Period
    let illustrative: Bool
    let headlines: [String]
    let hasHeadlines: Bool
    let results: [ResultView]
    let hasResults: Bool
    /// What the report's first screen says: indicators on target, just missed, missed, not yet
    /// measured ("8" "of 9 indicators on target").
    let glance: [DashboardView.GlanceItem]
    let hasGlance: Bool
    /// The results that missed their target or only just missed it, worst first.
    let exceptions: [ResultView]
    let hasExceptions: Bool
    let statusCounts: [StatusCountView]
    let scorecard: ScorecardView?
    let targetChart: String?
}

struct ScorecardDocumentView: Codable, Sendable, Equatable {
    let period: String?
    let scorecard: ScorecardView
}

struct ReviewView: Codable, Sendable, Equatable {
    struct Stage: Codable, Sendable, Equatable {
        let number: Int?
        let name: String
        let start: DateView?
        let end: DateView?
        /// The stage's dates in words: "July 2004" for one month, "June 2004 to March 2005".
        let period: String?
        let status: StatusView?
        /// Its end has passed, as at the build date, without it being marked complete.
        let late: Bool
        let activities: [String]
        let hasActivities: Bool
    }

    struct DocumentEntry: Codable, Sendable, Equatable {
        let title: String
        let url: String
        let kind: String
        let date: DateView?
    }

    let service: String
    let lead: String?
    let timeline: String?
    let stages: [Stage]
    let hasStages: Bool
    /// How many stages are late, as at `asAt` (the build date).
    let lateCount: Int
    let asAt: DateView
    let documents: [DocumentEntry]
    let hasDocuments: Bool
}

struct HighlightView: Codable, Sendable, Equatable {
    struct Item: Codable, Sendable, Equatable {
        let text: String
        let date: DateView?
        let status: StatusView?
    }

    struct List: Codable, Sendable, Equatable {
        let title: String
        let items: [Item]
    }

    let review: LinkView?
    let period: String?
    let timeline: String?
    let lists: [List]
}

struct PlanView: Codable, Sendable, Equatable {
    struct Measure: Codable, Sendable, Equatable {
        let description: String
        let baseline: String?
        let target: String?
        let latest: String?
        /// "Higher is better" or "Lower is better": as written, or from the baseline towards the target.
        let direction: String?
        /// The latest value against the baseline, the better way: "Improved", "Worse", "No change".
        let change: String?
        /// "50% of the way from the baseline to the target" (negative when it went the wrong way).
        let progress: String?
        let chart: String?
    }

    /// Actions under one of the plan's own headings ("Short term").
    struct ActionGroup: Codable, Sendable, Equatable {
        let name: String
        var actions: [ActionView]
    }

    struct Objective: Codable, Sendable, Equatable {
        let number: Int
        let title: String
        let anchor: String
        let outcomes: [String]
        let hasOutcomes: Bool
        let lead: String?
        let timescale: String?
        let costs: String?
        let savings: String?
        let progress: String?
        let actions: [ActionView]
        let hasActions: Bool
        /// The actions under their `group` headings, in order; set when every action has a group.
        let actionGroups: [ActionGroup]
        let hasActionGroups: Bool
        let measures: [Measure]
        let hasMeasures: Bool
    }

    let review: LinkView?
    let objectives: [Objective]
    let objectiveCount: Int
    let actionCount: Int
    let statusCounts: [StatusCountView]
    let statusChart: String?
}

struct CommitteeView: Codable, Sendable, Equatable {
    struct Declaration: Codable, Sendable, Equatable {
        let question: String
        let answer: String
    }

    struct Appendix: Codable, Sendable, Equatable {
        let title: String
        let url: String?
    }

    let review: LinkView?
    let reportOf: String?
    let reportTo: String?
    let meeting: DateView?
    let subject: String?
    let declarations: [Declaration]
    let hasDeclarations: Bool
    let recommendations: [String]
    let hasRecommendations: Bool
    let backgroundDocuments: [String]
    let hasBackgroundDocuments: Bool
    let appendices: [Appendix]
    let hasAppendices: Bool
}

struct NewsletterView: Codable, Sendable, Equatable {
    struct Article: Codable, Sendable, Equatable {
        let title: String
        let anchor: String
        let html: String
    }

    struct Gathered: Codable, Sendable, Equatable {
        struct Item: Codable, Sendable, Equatable {
            let text: String
            let isReport: Bool
            let date: DateView
            let source: LinkView
        }

        /// Items in a row from one source on one date, so the source is named once.
        struct Run: Codable, Sendable, Equatable {
            let source: LinkView
            let date: DateView
            let texts: [String]
        }

        struct Group: Codable, Sendable, Equatable {
            let title: String
            let items: [Item]
            /// The same items as runs, for groups that are not reports themselves.
            let runs: [Run]
            let areReports: Bool

            init(title: String, items: [Item]) {
                self.title = title
                self.items = items
                areReports = items.allSatisfy(\.isReport)
                var runs: [Run] = []
                for item in items {
                    if let last = runs.last, last.source == item.source, last.date == item.date {
                        runs[runs.count - 1] = Run(source: last.source, date: last.date, texts: last.texts + [item.text])
                    } else {
                        runs.append(Run(source: item.source, date: item.date, texts: [item.text]))
                    }
                }
                self.runs = runs
            }
        }

        let window: String
        let isEmpty: Bool
        let groups: [Group]
    }

    struct Email: Codable, Sendable, Equatable {
        let html: String
        let text: String
        let message: String
    }

    let issue: Int
    let editor: String?
    let intro: String
    let articles: [Article]
    let gathered: Gathered?
    let email: Email?
    let archiveURL: String
}
