/// Indicators against target: for each row a label with its status in words, a bar for the result,
/// a black marker at the target and the result written at the end of the row; one shared value axis.
enum TargetChart {
    struct Bar: Equatable {
        var row: Int
        /// Where the bar starts (the zero line) and its signed length along the axis.
        var x: Double
        var width: Double
        var value: Double
    }

    struct Layout {
        var drawing: Drawing
        var bars: [Bar]
        var scale: ValueScale
        var targetXs: [Double]

        var axis: Axis { scale.axis }
        var zeroX: Double { scale.x(0) }
    }

    static func render(_ data: TargetData, id: String) -> RenderedChart {
        let svg = layout(data, id: id).drawing.svg(id: id, kind: "target", title: title(data), description: description(data))
        return RenderedChart(svg: svg, table: table(data).html)
    }

    static func actual(_ row: TargetData.Row) -> Double? { row.actual.flatMap { $0.isChartValue ? $0 : nil } }
    static func target(_ row: TargetData.Row) -> Double? { row.target.isChartValue ? row.target : nil }

    static func layout(_ data: TargetData, id: String) -> Layout {
        guard !data.rows.isEmpty else {
            let none = ValueScale(axis: Axis(lower: 0, upper: 1, ticks: []), start: 0, end: 0)
            return Layout(drawing: .empty(id: id), bars: [], scale: none, targetXs: [])
        }
        let left = Metrics.pad, right = Metrics.width - Metrics.pad
        var layout = Layout(drawing: Drawing(width: Metrics.width, id: id), bars: [], scale: scale(data, right: right), targetXs: [])
        legend(left: left, into: &layout.drawing)
        let beside = data.rows.indices.allSatisfy {
            RowHeader.besideFits(label: data.rows[$0].label, note: data.rows[$0].status?.words, swatch: hasSwatch(data.rows[$0]),
                                 width: right - left)
        }
        var bands: [(top: Double, bottom: Double)] = []
        var y = 34.0
        for index in data.rows.indices {
            let band = row(index, of: data, top: y, beside: beside, left: left, right: right, into: &layout)
            bands.append(band)
            y = band.bottom + Metrics.rowGap + 4
        }
        layout.drawing.height = RowAxis.draw(layout.scale, bands: bands, label: { Format.value($0, unit: data.unit) },
                                             left: left, right: right, into: &layout.drawing)
        return layout
    }

    /// The scale leaves room on the right for the results, written out.
    private static func scale(_ data: TargetData, right: Double) -> ValueScale {
        let values = data.rows.compactMap(actual) + data.rows.compactMap(target)
        let valueWidth = data.rows.compactMap(actual).map { TextFit.width(Format.value($0, unit: data.unit), size: Metrics.labelSize, bold: true) }.max() ?? 0
        let start = Metrics.pad + 2, end = right - valueWidth - 12
        let axis = Axis.fitting(values, unit: data.unit, zero: true, length: end - start) { Format.value($0, unit: data.unit) }
        return ValueScale(axis: axis, start: start, end: end)
    }

    /// What the marker means.
    private static func legend(left: Double, into drawing: inout Drawing) {
        drawing.add(.line(left + 5, 3, left + 5, 21, stroke: Palette.text, width: 3, className: "chart-target"))
        drawing.add(Label("Target", x: left + 16, top: 2, size: Metrics.smallSize))
    }

    private static func hasSwatch(_ row: TargetData.Row) -> Bool { row.status != nil && actual(row) != nil }

    /// One indicator: label and status, then the bar, the result and the target marker. Returns the bar's band.
    private static func row(_ index: Int, of data: TargetData, top: Double, beside: Bool, left: Double, right: Double,
                            into layout: inout Layout) -> (top: Double, bottom: Double) {
        let row = data.rows[index]
        let scale = layout.scale
        let header = RowHeader.layout(label: row.label, note: row.status?.words, swatch: hasSwatch(row), beside: beside,
                                      top: top, left: left, right: right)
        header.labels.forEach { layout.drawing.add($0) }
        let style = row.status.map { Palette.style(status: $0.key, index: index) } ?? Palette.plain
        if let swatch = header.swatch { layout.drawing.mark(swatch, style: style) }
        let barTop = top + header.height + 6, barHeight = Metrics.barHeight
        let zero = scale.x(0)
        if let result = actual(row) {
            let end = scale.x(result)
            layout.drawing.mark(Rect(x: min(zero, end), y: barTop, width: abs(end - zero), height: barHeight), style: style)
            layout.bars.append(Bar(row: index, x: zero, width: end - zero, value: result))
            layout.drawing.add(Label(Format.value(result, unit: data.unit), x: right,
                                     top: barTop + (barHeight - Label.lineHeight(Metrics.labelSize)) / 2,
                                     size: Metrics.labelSize, bold: true, anchor: .end))
        } else {
            layout.drawing.add(Label("no result", x: max(zero, scale.start) + 6,
                                     top: barTop + (barHeight - Label.lineHeight(Metrics.smallSize)) / 2,
                                     size: Metrics.smallSize, italic: true, colour: Palette.secondaryText))
        }
        if let goal = target(row) {
            let tx = scale.x(goal)
            layout.targetXs.append(tx)
            layout.drawing.add(.line(tx, barTop - 5, tx, barTop + barHeight + 5, stroke: Palette.background, width: 7, className: "chart-halo-line"))
            layout.drawing.add(.line(tx, barTop - 5, tx, barTop + barHeight + 5, stroke: Palette.text, width: 3, className: "chart-target"))
        }
        return (top: barTop, bottom: barTop + barHeight)
    }

    // MARK: Words

    private static let targetKeys: Set<String> = ["exceeded", "met", "near", "missed"]

    static func title(_ data: TargetData) -> String {
        guard !data.rows.isEmpty else { return "\(data.title): no data" }
        let statuses = data.rows.compactMap(\.status)
        if !statuses.isEmpty && statuses.allSatisfy({ targetKeys.contains($0.key) }) {
            let good = statuses.filter { $0.key == "exceeded" || $0.key == "met" }.count
            return "\(data.title): \(good) of \(Format.count(data.rows.count, "target", "targets")) met or exceeded"
        }
        // Unfamiliar statuses: count each in the order first seen.
        var order: [ChartStatus] = []
        var counts: [ChartStatus: Int] = [:]
        for status in statuses {
            if counts[status] == nil { order.append(status) }
            counts[status, default: 0] += 1
        }
        let missing = data.rows.filter { actual($0) == nil }.count
        var parts = order.map { "\(counts[$0]!) \(Format.inSentence($0.words))" }
        if missing > 0 { parts.append("\(missing) with no result") }
        return parts.isEmpty
            ? "\(data.title): \(Format.count(data.rows.count, "result", "results")) against target"
            : "\(data.title): " + parts.joined(separator: ", ")
    }

    static func description(_ data: TargetData) -> String {
        guard !data.rows.isEmpty else { return "There is no data to show." }
        return data.rows.map { row in
            let goal = target(row).map { "a target of \(Format.value($0, unit: data.unit))" } ?? "no target"
            let status = row.status.map { " (\(Format.inSentence($0.words)))" } ?? ""
            guard let result = actual(row) else { return "\(row.label): no result, against \(goal)\(status)." }
            return "\(row.label): \(Format.value(result, unit: data.unit)) against \(goal)\(status)."
        }.joined(separator: " ")
    }

    static func table(_ data: TargetData) -> DataTable {
        let rows = data.rows.map { row in
            [row.label,
             actual(row).map { Format.value($0, unit: data.unit) } ?? "No result",
             target(row).map { Format.value($0, unit: data.unit) } ?? "–",
             row.status?.words ?? ""]
        }
        return DataTable(caption: data.title, columns: [.text("Indicator"), .number("Result"), .number("Target"), .text("Status")], rows: rows)
    }
}
