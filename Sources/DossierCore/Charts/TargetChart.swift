/// Indicators against target as distances from the target: one vertical line is the target, each
/// result is a bar from it, to the right when better and to the left when worse, with the difference
/// written at the bar's end ("+3 points", "−1 point") and a result exactly on target drawn as a mark
/// on the line ("On target"). One key of the statuses at the top; rows worst first (missed, just
/// missed, not yet measured, met, exceeded), so the exceptions come first; the axis shows only what
/// matters: the target, and how far worse and better its ends are.
enum TargetChart {
    struct Bar: Equatable {
        var row: Int
        /// Where the bar starts (the target line) and its signed length along the axis.
        var x: Double
        var width: Double
        /// How much better than the target the result is (negative: worse), in the unit.
        var value: Double
    }

    struct Layout {
        var drawing: Drawing
        var bars: [Bar]
        var scale: ValueScale
        /// The rows in the order drawn: indices into the data's rows.
        var order: [Int]
        /// Rows exactly on target, drawn as a mark on the line.
        var onTarget: [Int]

        var axis: Axis { scale.axis }
        var targetX: Double { scale.x(0) }
    }

    static func render(_ data: TargetData, id: String) -> RenderedChart {
        let svg = layout(data, id: id).drawing.svg(id: id, kind: "target", title: title(data), description: description(data))
        return RenderedChart(svg: svg, table: table(data).html)
    }

    static func actual(_ row: TargetData.Row) -> Double? { row.actual.flatMap { $0.isChartValue ? $0 : nil } }
    static func target(_ row: TargetData.Row) -> Double? { row.target.isChartValue ? row.target : nil }

    /// How much better than its target a result is, in the unit; nil without both.
    static func better(_ row: TargetData.Row) -> Double? {
        guard let actual = actual(row), let target = target(row) else { return nil }
        let difference = row.direction == .higher ? actual - target : target - actual
        return difference.isChartValue ? difference : nil
    }

    /// Worst first: missed, just missed, not yet measured, then met and exceeded; within a status
    /// the furthest below the target first; ties keep the data's order.
    static func order(_ data: TargetData) -> [Int] {
        func rank(_ row: TargetData.Row) -> Int {
            switch row.status?.key {
            case "missed"?: return 0
            case "near"?: return 1
            case nil where better(row) == nil: return 2
            case "met"?: return 3
            case "exceeded"?: return 4
            default: return better(row) == nil ? 2 : 3
            }
        }
        return data.rows.indices.sorted { a, b in
            let (ra, rb) = (rank(data.rows[a]), rank(data.rows[b]))
            if ra != rb { return ra < rb }
            let (da, db) = (better(data.rows[a]) ?? 0, better(data.rows[b]) ?? 0)
            return da != db ? da < db : a < b
        }
    }

    static func layout(_ data: TargetData, id: String) -> Layout {
        guard !data.rows.isEmpty else {
            let none = ValueScale(axis: Axis(lower: -1, upper: 1, ticks: []), start: 0, end: 0)
            return Layout(drawing: .empty(id: id), bars: [], scale: none, order: [], onTarget: [])
        }
        let left = Metrics.pad, right = Metrics.width - Metrics.pad
        let order = order(data)
        var layout = Layout(drawing: Drawing(width: Metrics.width, id: id), bars: [], scale: scale(data, left: left, right: right),
                            order: order, onTarget: [])
        let legendBottom = Legend.layout(keyItems(data), top: Metrics.pad, left: left, right: right, into: &layout.drawing)
        let notes = data.rows.map { note($0, unit: data.unit) }
        let beside = data.rows.indices.allSatisfy {
            RowHeader.besideFits(label: data.rows[$0].label, note: notes[$0], swatch: false, width: right - left)
        }
        var bands: [(top: Double, bottom: Double)] = []
        var y = legendBottom + 14
        for index in order {
            let band = row(index, of: data, note: notes[index], top: y, beside: beside, left: left, right: right, into: &layout)
            bands.append(band)
            y = band.bottom + Metrics.rowGap + 4
        }
        layout.drawing.height = axis(layout.scale, bands: bands, unit: data.unit, left: left, right: right, into: &layout.drawing)
        return layout
    }

    /// The statuses in the rows, once each, worst first as the rows are.
    static func keyItems(_ data: TargetData) -> [(words: String, style: MarkStyle)] {
        var seen: [ChartStatus] = []
        for index in order(data) {
            guard let status = data.rows[index].status, better(data.rows[index]) != nil, !seen.contains(status) else { continue }
            seen.append(status)
        }
        return seen.enumerated().map { index, status in (words: status.words, style: Palette.style(status: status.key, index: index)) }
    }

    /// From the worst distance (or the target) to the best (or the target), leaving room at each
    /// end for the words written there: the target line sits where the results put it.
    private static func scale(_ data: TargetData, left: Double, right: Double) -> ValueScale {
        let distances = data.rows.compactMap(better)
        let lower = min(0, distances.min() ?? 0)
        var upper = max(0, distances.max() ?? 0)
        if lower == 0 && upper == 0 { upper = 1 }
        func widest(_ texts: [String]) -> Double { texts.map { TextFit.width($0, size: Metrics.smallSize, bold: true) }.max() ?? 0 }
        let texts = data.rows.compactMap { row in better(row).map { (value: $0, text: difference($0, unit: data.unit, direction: row.direction)) } }
        let worse = widest(texts.filter { $0.value < 0 }.map(\.text))
        var after = texts.filter { $0.value > 0 }.map(\.text)
        if distances.contains(0) { after.append("On target") }
        var room = widest(after)
        if data.rows.contains(where: { better($0) == nil }) {
            room = max(room, TextFit.width(StatusLook.noData.words, size: Metrics.smallSize))
        }
        let start = left + (worse > 0 ? worse + 8 : 0) + 1, end = right - (room > 0 ? room + 8 : 0) - 1
        return ValueScale(axis: Axis(lower: lower, upper: upper, ticks: [lower, 0, upper]),
                          start: start, end: max(start + 40, end))
    }

    /// "93% against a target of 90%", beside or under the label.
    private static func note(_ row: TargetData.Row, unit: ChartUnit) -> String? {
        guard let goal = target(row) else { return nil }
        let result = actual(row).map { Format.value($0, unit: unit) }
        return result.map { "\($0), target \(Format.value(goal, unit: unit))" } ?? "target \(Format.value(goal, unit: unit))"
    }

    /// A distance from the target in the unit: "+3 points", "−1 point"; where lower is better, the
    /// way the result lies from the target in words, "1 hour under", "2 hours over", since "+1 hour"
    /// would read as worse.
    static func difference(_ better: Double, unit: ChartUnit, direction: Direction = .higher) -> String {
        let size = better.magnitude
        let words = unit == .percent ? Format.number(size) + (size == 1 ? " point" : " points") : Format.value(size, unit: unit)
        if direction == .lower && better != 0 { return words + (better > 0 ? " under" : " over") }
        return (better > 0 ? "+" : better < 0 ? "\u{2212}" : "") + words
    }

    /// One indicator: its label and figures, then its bar from the target line. Returns the bar's band.
    private static func row(_ index: Int, of data: TargetData, note: String?, top: Double, beside: Bool, left: Double, right: Double,
                            into layout: inout Layout) -> (top: Double, bottom: Double) {
        let row = data.rows[index]
        let scale = layout.scale
        let header = RowHeader.layout(label: row.label, note: note, swatch: false, beside: beside, top: top, left: left, right: right)
        header.labels.forEach { layout.drawing.add($0) }
        let barTop = top + header.height + 6, barHeight = Metrics.barHeight
        let centre = scale.x(0)
        let textTop = barTop + (barHeight - Label.lineHeight(Metrics.smallSize)) / 2
        let style = row.status.map { Palette.style(status: $0.key, index: index) } ?? Palette.plain
        guard let distance = better(row) else {
            layout.drawing.add(Label(StatusLook.noData.words, x: centre + 8, top: textTop, size: Metrics.smallSize,
                                     italic: true, colour: Palette.secondaryText))
            return (top: barTop, bottom: barTop + barHeight)
        }
        if distance == 0 {
            // On target: a square on the line, as wide as the bar is tall, so it never reads as a short bar.
            layout.drawing.mark(Rect(x: centre - barHeight / 2, y: barTop, width: barHeight, height: barHeight), style: style)
            layout.onTarget.append(index)
            layout.drawing.add(Label("On target", x: centre + barHeight / 2 + 6, top: textTop, size: Metrics.smallSize, bold: true))
        } else {
            let end = scale.x(distance)
            layout.drawing.mark(Rect(x: min(centre, end), y: barTop, width: abs(end - centre), height: barHeight), style: style)
            layout.bars.append(Bar(row: index, x: centre, width: end - centre, value: distance))
            layout.drawing.add(Label(difference(distance, unit: data.unit, direction: row.direction), x: distance > 0 ? end + 6 : end - 6, top: textTop,
                                     size: Metrics.smallSize, bold: true, anchor: distance > 0 ? .start : .end))
        }
        return (top: barTop, bottom: barTop + barHeight)
    }

    /// The target line through every band, over the bars, the ends of the scale faintly, and under
    /// the last row the points that matter: "Target", and how far worse and better the ends are.
    /// Returns where the chart ends.
    private static func axis(_ scale: ValueScale, bands: [(top: Double, bottom: Double)], unit: ChartUnit,
                             left: Double, right: Double, into drawing: inout Drawing) -> Double {
        let centre = scale.x(0)
        let (lower, upper) = (scale.axis.lower, scale.axis.upper)
        let line = bands.map { "M\(centre.svg) \(($0.top - 5).svg)V\(($0.bottom + 5).svg)" }.joined()
        drawing.add(SVGNode("path", ["d": line, "fill": "none", "stroke": Palette.text, "stroke-width": "2", "class": "chart-target"]))
        let top = (bands.last?.bottom ?? 0) + 8
        func words(_ value: Double) -> String {
            unit == .percent ? String(difference(value.magnitude, unit: unit).dropFirst()) : Format.value(value.magnitude, unit: unit)
        }
        var ticks = [(x: centre, text: "Target")]
        if lower < 0 { ticks.append((x: scale.x(lower), text: "\u{2190} \(words(lower)) worse")) }
        if upper > 0 { ticks.append((x: scale.x(upper), text: "\(words(upper)) better \u{2192}")) }
        var labels = AxisLabels.horizontal(ticks, top: top, left: left, right: right)
        if !labels.isEmpty { labels[0].bold = true; labels[0].colour = Palette.text }
        labels.forEach { drawing.add($0) }
        // A faint line at each end of the scale whose label has room; an unlabelled one would only puzzle.
        let ends = ticks.dropFirst().filter { tick in labels.contains { $0.lines == [tick.text] } }.map(\.x)
        drawing.marks.insert(contentsOf: RowAxis.gridlines(ends, zero: nil, bands: bands), at: 0)
        return top + Label.lineHeight(Metrics.smallSize) + Metrics.pad
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
        if missing > 0 { parts.append("\(missing) not yet measured") }
        return parts.isEmpty
            ? "\(data.title): \(Format.count(data.rows.count, "result", "results")) against target"
            : "\(data.title): " + parts.joined(separator: ", ")
    }

    /// Each row in the order drawn, worst first.
    static func description(_ data: TargetData) -> String {
        guard !data.rows.isEmpty else { return "There is no data to show." }
        return order(data).map { data.rows[$0] }.map { row in
            let goal = target(row).map { "a target of \(Format.value($0, unit: data.unit))" } ?? "no target"
            let status = row.status.map { " (\(Format.inSentence($0.words)))" } ?? ""
            guard let result = actual(row) else { return "\(row.label): not yet measured, against \(goal)\(status)." }
            return "\(row.label): \(Format.value(result, unit: data.unit)) against \(goal)\(status)."
        }.joined(separator: " ")
    }

    static func table(_ data: TargetData) -> DataTable {
        let rows = order(data).map { data.rows[$0] }.map { row in
            [row.label,
             actual(row).map { Format.value($0, unit: data.unit) } ?? StatusLook.noData.words,
             target(row).map { Format.value($0, unit: data.unit) } ?? "–",
             better(row).map { $0 == 0 ? "On target" : difference($0, unit: data.unit, direction: row.direction) } ?? "–",
             row.status?.words ?? ""]
        }
        return DataTable(caption: data.title, columns: [.text("Indicator"), .number("Result"), .number("Target"),
                                                        .number("From target"), .text("Status")], rows: rows)
    }
}
