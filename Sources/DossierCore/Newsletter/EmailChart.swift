/// A chart as an email can show it without images: bars drawn as table cells of a width, or a
/// plain table of the figures.
struct EmailChart: Sendable, Equatable {
    struct Bar: Sendable, Equatable {
        var label: String
        /// 0…1 of the bar's full width.
        var fraction: Double
        /// The figure written beside the bar: "73%", "93% (target 90%)".
        var value: String
        /// The status in words, when there is one.
        var note: String?
    }

    enum Body: Sendable, Equatable {
        case bars([Bar])
        /// The first row is the header.
        case table([[String]])
    }

    var title: String
    var body: Body

    init(title: String, body: Body) {
        self.title = title
        self.body = body
    }

    init(_ request: ChartRequest) {
        title = request.title
        switch request {
        case let .donut(data):
            let total = data.parts.reduce(0) { $0 + $1.value }
            body = .bars(data.parts.map { part in
                let share = total > 0 ? part.value / total : 0
                return Bar(label: part.label, fraction: share,
                           value: "\(Int((share * 100).rounded()))% (\(Format.number(part.value)))", note: nil)
            })
        case let .target(data):
            // A plain table, worst first as in the chart: bars in table cells cannot draw a target
            // tick, and bars scaled to the largest value made 92 of 95 look nearly full. The result
            // and its target share a column, so the table fits a 320 px screen with the status
            // words on no more than two lines at 375 px.
            body = .table([["Indicator", "Result (target)", "Status"]] + TargetChart.order(data).map { data.rows[$0] }.map { row in
                let target = Format.value(row.target, unit: data.unit)
                let result = TargetChart.actual(row).map { "\(Format.value($0, unit: data.unit)) (\(target))" }
                return [row.label, result ?? "\(StatusLook.noData.words) (\(target))", row.status?.words ?? ""]
            })
        case let .status(data):
            body = .table([[""] + data.statuses.map(\.words)]
                + data.rows.map { row in [row.label] + data.statuses.map { String(row.counts[$0.key] ?? 0) } })
        case let .trend(data):
            body = .table([["Period", "Result", "Target"]] + data.points.map { point in
                [point.label, point.value.map { Format.value($0, unit: data.unit) } ?? StatusLook.noData.words,
                 point.target.map { Format.value($0, unit: data.unit) } ?? "–"]
            })
        case let .measure(data):
            let rows: [(String, MeasureData.Point?)] = [("Baseline", data.baseline), ("Latest", data.latest), ("Target", data.target)]
            body = .table([["", "Value", "When"]] + rows.compactMap { name, point in
                point.map { [name, Format.value($0.value, unit: data.unit), $0.label ?? ""] }
            })
        case let .timeline(data):
            body = .table([["Stage", "Start", "End", "Status"]] + data.stages.map { stage in
                [stage.label, stage.start.long, stage.end.long, stage.status?.words ?? ""]
            })
        }
    }
}
