/// The data each chart kind draws. Charts are pure functions from these values to SVG text
/// (see `Chart`), so they can be golden-tested; the site and the ```chart blocks in Markdown
/// both build these values.

/// How values are written: "93%", "1,684", "4 hours".
public typealias ChartUnit = IndicatorUnit

/// A status as a word and a key for its style: `("exceeded", "Target exceeded")`,
/// `("overdue", "Overdue")`. Charts never show status by colour alone.
public struct ChartStatus: Hashable, Sendable {
    public var key: String
    public var words: String

    public init(key: String, words: String) {
        self.key = key
        self.words = words
    }
}

/// 1. Completion donut: parts of a whole, the first part's share in the middle ("73%").
public struct DonutData: Sendable, Equatable {
    public struct Part: Sendable, Equatable {
        public var label: String
        public var value: Double
        /// A status key when the part is one ("complete"): the part then takes that status's look.
        public var status: String?
        public init(label: String, value: Double, status: String? = nil) {
            self.label = label
            self.value = value
            self.status = status
        }
    }

    public var title: String
    public var parts: [Part]
    /// False when the page shows the figures in a table of its own: the key then names the parts only.
    public var keyHasFigures: Bool

    public init(title: String, parts: [Part], keyHasFigures: Bool = true) {
        self.title = title
        self.parts = parts
        self.keyHasFigures = keyHasFigures
    }
}

/// 2. Indicators against target: one row per indicator, its distance from the target as a bar
/// from the target line (better to the right, worse to the left), the status keyed once.
public struct TargetData: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var label: String
        public var actual: Double?
        public var target: Double
        public var status: ChartStatus?
        /// Which way is better: a fault time under its target is to the right of the line.
        public var direction: Direction
        public init(label: String, actual: Double?, target: Double, status: ChartStatus?, direction: Direction = .higher) {
            self.label = label
            self.actual = actual
            self.target = target
            self.status = status
            self.direction = direction
        }
    }

    public var title: String
    public var unit: ChartUnit
    public var rows: [Row]

    public init(title: String, unit: ChartUnit, rows: [Row]) {
        self.title = title
        self.unit = unit
        self.rows = rows
    }
}

/// 3. Review timeline: a Gantt of stages on a month axis, with a marker at a day that is labelled
/// with what it is ("Site built 1 December 2026", "Latest report, 24 May 2004"), never "Now".
public struct TimelineData: Sendable, Equatable {
    public struct Stage: Sendable, Equatable {
        public var label: String
        public var start: Day
        public var end: Day
        public var status: ChartStatus?
        /// Its end has passed without it being complete.
        public var late: Bool
        public init(label: String, start: Day, end: Day, status: ChartStatus?, late: Bool = false) {
            self.label = label
            self.start = start
            self.end = end
            self.status = status
            self.late = late
        }

        /// What the chart says of the stage: "In hand", "Not started, late", "Late".
        var words: String? {
            guard late else { return status?.words }
            return status.map { "\($0.words), late" } ?? "Late"
        }
    }

    public var title: String
    public var stages: [Stage]
    /// The marked day.
    public var now: Day?
    /// What the marked day is; without it the marker is labelled with the date ("17 May 2004").
    public var nowLabel: String?

    public init(title: String, stages: [Stage], now: Day?, nowLabel: String? = nil) {
        self.title = title
        self.stages = stages
        self.now = now
        self.nowLabel = nowLabel
    }

    /// The marker's words: its label, or the date.
    var markerWords: String? { now.map { nowLabel ?? $0.long } }
}

/// 4. Trend: one indicator across periods with its target; a missing value is a gap, not zero.
public struct TrendData: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var label: String
        public var value: Double?
        public var target: Double?
        public init(label: String, value: Double?, target: Double?) {
            self.label = label
            self.value = value
            self.target = target
        }
    }

    public var title: String
    public var unit: ChartUnit
    public var points: [Point]

    public init(title: String, unit: ChartUnit, points: [Point]) {
        self.title = title
        self.unit = unit
        self.points = points
    }
}

/// 5. Action status: one stacked bar per row (theme, objective), segments in `statuses` order.
public struct StatusBarsData: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var label: String
        /// Counts by status key.
        public var counts: [String: Int]
        public init(label: String, counts: [String: Int]) {
            self.label = label
            self.counts = counts
        }
    }

    public var title: String
    /// The statuses in stacking order, with their words.
    public var statuses: [ChartStatus]
    public var rows: [Row]

    public init(title: String, statuses: [ChartStatus], rows: [Row]) {
        self.title = title
        self.statuses = statuses
        self.rows = rows
    }
}

/// 6. Measure progress: baseline → latest → target on one scale.
public struct MeasureData: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var value: Double
        /// When, in words: "December 2002".
        public var label: String?
        public init(value: Double, label: String?) {
            self.value = value
            self.label = label
        }
    }

    public var title: String
    public var unit: ChartUnit?
    public var baseline: Point
    public var latest: Point?
    public var target: Point

    public init(title: String, unit: ChartUnit?, baseline: Point, latest: Point?, target: Point) {
        self.title = title
        self.unit = unit
        self.baseline = baseline
        self.latest = latest
        self.target = target
    }
}

/// A chart ready for a page: the SVG, and the same data as an accessible HTML table.
public struct RenderedChart: Sendable, Equatable {
    public var svg: String
    public var table: String
    /// The chart's title, shown above it; the SVG's own `<title>` is only read out or shown on hover.
    public var caption: String?
    /// True when the page already shows the same data as a table: the figure leaves its own out.
    public var tableOnPage = false

    public init(svg: String, table: String, caption: String? = nil) {
        self.svg = svg
        self.table = table
        self.caption = caption
    }

    /// The chart in a `<figure>` under its caption, with its data table in a `<details>` right under
    /// it unless the page has the table already.
    public var html: String {
        let caption = self.caption.map { "<figcaption>\(HTML.escape($0))</figcaption>\n" } ?? ""
        let details = tableOnPage ? "" : "\n<details class=\"chart-data\">\n<summary>The data in this chart</summary>\n\(table)\n</details>"
        return "<figure class=\"chart\">\n\(caption)\(svg)\(details)\n</figure>"
    }
}
