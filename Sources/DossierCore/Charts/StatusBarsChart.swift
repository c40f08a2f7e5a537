/// Action status: one stacked bar per row (theme, objective) with segments in the order of the
/// statuses, a key of the statuses at the top, and each row's counts in words beside its label.
enum StatusBarsChart {
    struct Segment: Equatable {
        var row: Int
        var status: Int
        var x: Double
        var width: Double
        var count: Int
    }

    struct Layout {
        var drawing: Drawing
        var segments: [Segment]
        var scale: ValueScale

        var axis: Axis { scale.axis }
    }

    static func render(_ data: StatusBarsData, id: String) -> RenderedChart {
        let svg = layout(data, id: id).drawing.svg(id: id, kind: "status-bars", title: title(data), description: description(data))
        return RenderedChart(svg: svg, table: table(data).html)
    }

    /// A row's counts in the order of the statuses; statuses not listed are not counted.
    static func counts(_ row: StatusBarsData.Row, _ statuses: [ChartStatus]) -> [Int] {
        statuses.map { max(0, row.counts[$0.key] ?? 0) }
    }

    /// "3 complete, 6 in hand, 1 overdue"; "none" when every count is 0. For the chart, each count
    /// and its words are held together with no-break spaces, so wrapping breaks only after commas.
    static func breakdown(_ counts: [Int], _ statuses: [ChartStatus], unbroken: Bool = false) -> String {
        let parts = zip(counts, statuses).filter { $0.0 > 0 }.map { count, status in
            let text = "\(Format.grouped(count)) \(Format.inSentence(status.words))"
            return unbroken ? String(text.map { $0 == " " ? "\u{00A0}" : $0 }) : text
        }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    /// The statuses that some row has, by index: the key and the table leave out the others.
    static func inUse(_ data: StatusBarsData) -> [Int] {
        let used = data.statuses.indices.filter { index in data.rows.contains { counts($0, data.statuses)[index] > 0 } }
        return used.isEmpty ? Array(data.statuses.indices) : used
    }

    static func layout(_ data: StatusBarsData, id: String) -> Layout {
        let left = Metrics.pad, right = Metrics.width - Metrics.pad
        guard !data.rows.isEmpty, !data.statuses.isEmpty else {
            let none = ValueScale(axis: Axis(lower: 0, upper: 1, ticks: []), start: 0, end: 0)
            return Layout(drawing: .empty(id: id), segments: [], scale: none)
        }
        let totals = data.rows.map { Double(counts($0, data.statuses).reduce(0, +)) }
        let axis = Axis.fitting(totals, unit: .count, zero: true, length: right - 2 - left) { Format.number($0) }
        var layout = Layout(drawing: Drawing(width: Metrics.width, id: id), segments: [],
                            scale: ValueScale(axis: axis, start: left, end: right - 2))
        let styles = data.statuses.enumerated().map { Palette.style(status: $1.key, index: $0) }
        let legendBottom = Legend.layout(inUse(data).map { (words: data.statuses[$0].words, style: styles[$0]) },
                                         top: Metrics.pad, left: left, right: right, into: &layout.drawing)
        let notes = data.rows.map { breakdown(counts($0, data.statuses), data.statuses, unbroken: true) }
        let beside = data.rows.indices.allSatisfy {
            RowHeader.besideFits(label: data.rows[$0].label, note: notes[$0], swatch: false, width: right - left)
        }
        var bands: [(top: Double, bottom: Double)] = []
        var y = legendBottom + 14
        for (index, row) in data.rows.enumerated() {
            let header = RowHeader.layout(label: row.label, note: notes[index], swatch: false, beside: beside,
                                          top: y, left: left, right: right)
            header.labels.forEach { layout.drawing.add($0) }
            let band = (top: y + header.height + 6, bottom: y + header.height + 6 + Metrics.barHeight)
            stack(counts(row, data.statuses), row: index, styles: styles, band: band, into: &layout)
            bands.append(band)
            y = band.bottom + Metrics.rowGap + 4
        }
        layout.drawing.height = RowAxis.draw(layout.scale, bands: bands, label: { Format.number($0) },
                                             left: left, right: right, into: &layout.drawing)
        return layout
    }

    /// One row's segments, end to end from 0, in the order of the statuses.
    private static func stack(_ counts: [Int], row: Int, styles: [MarkStyle], band: (top: Double, bottom: Double),
                              into layout: inout Layout) {
        var running = 0
        for (status, count) in counts.enumerated() where count > 0 {
            let start = layout.scale.x(Double(running)), end = layout.scale.x(Double(running + count))
            layout.drawing.mark(Rect(x: start, y: band.top, width: end - start, height: band.bottom - band.top), style: styles[status])
            layout.segments.append(Segment(row: row, status: status, x: start, width: end - start, count: count))
            running += count
        }
    }

    // MARK: Words

    static func title(_ data: StatusBarsData) -> String {
        guard !data.rows.isEmpty, !data.statuses.isEmpty else { return "\(data.title): no data" }
        let totals = data.statuses.indices.map { index in data.rows.map { counts($0, data.statuses)[index] }.reduce(0, +) }
        let all = totals.reduce(0, +)
        return "\(data.title): \(Format.grouped(all)) in all, \(breakdown(totals, data.statuses))"
    }

    static func description(_ data: StatusBarsData) -> String {
        guard !data.rows.isEmpty, !data.statuses.isEmpty else { return "There is no data to show." }
        return data.rows.map { row in
            let counts = counts(row, data.statuses)
            return "\(row.label): \(breakdown(counts, data.statuses)) (\(Format.grouped(counts.reduce(0, +))) in all)."
        }.joined(separator: " ")
    }

    static func table(_ data: StatusBarsData) -> DataTable {
        let used = inUse(data)
        let columns: [DataTable.Column] = [.text("Group")] + used.map { .number(data.statuses[$0].words) } + [.number("Total")]
        let rows = data.rows.map { row -> [String] in
            let counts = counts(row, data.statuses)
            return [row.label] + used.map { Format.grouped(counts[$0]) } + [Format.grouped(counts.reduce(0, +))]
        }
        let totals = data.statuses.indices.map { index in data.rows.map { counts($0, data.statuses)[index] }.reduce(0, +) }
        let footer = data.rows.count > 1 ? [["Total"] + used.map { Format.grouped(totals[$0]) } + [Format.grouped(totals.reduce(0, +))]] : []
        return DataTable(caption: data.title, columns: columns, rows: rows, footer: footer)
    }
}
