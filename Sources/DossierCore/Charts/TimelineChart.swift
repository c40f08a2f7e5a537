/// The review timeline: a Gantt of stages on a month axis. Each row has the stage's label and status
/// in words above its bar; rows are the same height, so the chart grows with the stages; a dashed
/// line marks a day, labelled with what it is (`TimelineData.nowLabel`).
enum TimelineChart {
    static let barHeight = 16.0

    struct Bar: Equatable {
        var stage: Int
        var x: Double
        var width: Double
    }

    struct Layout {
        var drawing: Drawing
        var bars: [Bar]
        var axis: TimeAxis?
        var plotLeft: Double
        var plotRight: Double
        var rowHeight: Double
        var nowX: Double?
    }

    static func render(_ data: TimelineData, id: String) -> RenderedChart {
        let svg = layout(data, id: id).drawing.svg(id: id, kind: "timeline", title: title(data), description: description(data))
        return RenderedChart(svg: svg, table: table(data).html)
    }

    enum NotePlace { case none, after, before, header }

    /// A stage's last day, never before its first.
    static func end(_ stage: TimelineData.Stage) -> Day { max(stage.start, stage.end) }

    static func layout(_ data: TimelineData, id: String) -> Layout {
        guard !data.stages.isEmpty else {
            return Layout(drawing: .empty(id: id), bars: [], axis: nil, plotLeft: 0, plotRight: 0, rowHeight: 0, nowX: nil)
        }
        let left = Metrics.pad, right = Metrics.width - Metrics.pad
        var drawing = Drawing(width: Metrics.width, id: id)
        let days = data.stages.flatMap { [$0.start, end($0)] } + (data.now.map { [$0] } ?? [])
        let axis = TimeAxis.covering(days, length: right - left, labelSize: Metrics.smallSize)
        func x(_ day: Int) -> Double { axis.position(day, from: left, to: right) }

        // The marker is labelled in a band above the rows.
        let nowX = data.now.map { x($0.ordinal) }
        var top = Metrics.pad
        if let words = data.markerWords, let nowX {
            let label = AxisLabels.horizontal([(x: nowX, text: words)], top: top, left: left, right: right,
                                              bold: true, colour: Palette.text)[0]
            drawing.add(label)
            top += Label.lineHeight(Metrics.smallSize) + 4
        }

        let spans = data.stages.map { stage -> (start: Double, end: Double) in
            let start = x(stage.start.ordinal)
            return (start: start, end: max(start + 3, x(end(stage).ordinal + 1)))
        }
        let places = notePlaces(data, spans: spans, left: left, right: right)
        let headerNotes = data.stages.indices.map { places[$0] == .header ? data.stages[$0].words : nil }
        let beside = data.stages.indices.allSatisfy {
            RowHeader.besideFits(label: data.stages[$0].label, note: headerNotes[$0], swatch: true, width: right - left)
        }
        let headers = data.stages.indices.map { index in
            RowHeader.layout(label: data.stages[index].label, note: headerNotes[index], swatch: true, beside: beside,
                             top: 0, left: left, right: right)
        }

        // Every row is as tall as the tallest header needs; bars sit at the same place in each row,
        // with their headers just above them.
        let headerHeight = headers.map(\.height).max() ?? 0
        let rowHeight = headerHeight + 4 + barHeight + 14
        var bars: [Bar] = []
        for (index, stage) in data.stages.enumerated() {
            let barTop = top + Double(index) * rowHeight + headerHeight + 4
            let style = stage.status.map { Palette.style(status: $0.key, index: index) } ?? Palette.plain
            place(headers[index], bottom: barTop - 4, style: style, into: &drawing)
            let bar = Rect(x: spans[index].start, y: barTop, width: spans[index].end - spans[index].start, height: barHeight)
            drawing.mark(bar, style: style)
            bars.append(Bar(stage: index, x: bar.x, width: bar.width))
            if let words = stage.words, places[index] == .after || places[index] == .before {
                let after = places[index] == .after
                drawing.add(Label(words, x: after ? bar.maxX + 6 : bar.x - 6,
                                  top: barTop + (barHeight - Label.lineHeight(Metrics.smallSize)) / 2,
                                  size: Metrics.smallSize, anchor: after ? .start : .end, halo: true))
            }
        }

        let axisY = top + Double(data.stages.count) * rowHeight - 4
        drawing.height = drawAxis(axis, x: { x(Day.ordinal(monthIndex: $0)) }, top: top, axisY: axisY, nowX: nowX,
                                  left: left, right: right, into: &drawing)
        return Layout(drawing: drawing, bars: bars, axis: axis, plotLeft: left, plotRight: right, rowHeight: rowHeight, nowX: nowX)
    }

    /// A stage's status goes after its bar, or before it, or, when neither has room, above it by the label.
    private static func notePlaces(_ data: TimelineData, spans: [(start: Double, end: Double)], left: Double, right: Double) -> [NotePlace] {
        data.stages.indices.map { index in
            guard let words = data.stages[index].words else { return .none }
            let width = TextFit.width(words, size: Metrics.smallSize) + 6
            if spans[index].end + width <= right { return .after }
            if spans[index].start - width >= left { return .before }
            return .header
        }
    }

    /// A header laid out at the top moved down so that it ends at `bottom`.
    private static func place(_ header: RowHeader, bottom: Double, style: MarkStyle, into drawing: inout Drawing) {
        let shift = bottom - header.height
        for var label in header.labels {
            label.top += shift
            drawing.add(label)
        }
        if var swatch = header.swatch {
            swatch.y += shift
            drawing.mark(swatch, style: style)
        }
    }

    /// The month grid under the rows, the axis and its labels below them, and the marker's line over
    /// the bars. Returns where the chart ends.
    private static func drawAxis(_ axis: TimeAxis, x: (Int) -> Double, top: Double, axisY: Double, nowX: Double?,
                                 left: Double, right: Double, into drawing: inout Drawing) -> Double {
        let grid = axis.ticks.map { SVGNode.line(x($0), top, x($0), axisY + 5, stroke: Palette.grid, width: 1, className: "chart-grid") }
        drawing.marks.insert(contentsOf: grid, at: 0)
        drawing.add(.line(left, axisY, right, axisY, stroke: Palette.axis, width: 1, className: "chart-axis"))
        for month in axis.minorTicks {
            drawing.add(.line(x(month), axisY, x(month), axisY + 4, stroke: Palette.axis, width: 1, className: "chart-axis"))
        }
        if let nowX {
            drawing.add(.line(nowX, top - 2, nowX, axisY, stroke: Palette.background, width: 5, className: "chart-halo-line"))
            drawing.add(.line(nowX, top - 2, nowX, axisY, stroke: Palette.text, width: 2, dash: "5 3", className: "chart-now"))
        }
        let ticks = axis.ticks.map { (x: x($0), text: axis.label($0)) }
        AxisLabels.horizontal(ticks, top: axisY + 6, left: left, right: right).forEach { drawing.add($0) }
        return axisY + 6 + Label.lineHeight(Metrics.smallSize) + Metrics.pad
    }

    // MARK: Words

    static func title(_ data: TimelineData) -> String {
        guard let first = data.stages.map(\.start).min(), let last = data.stages.map(end).max() else {
            return "\(data.title): no data"
        }
        let span = first.monthIndex == last.monthIndex ? first.monthAndYear : "\(first.monthAndYear) to \(last.monthAndYear)"
        return "\(data.title): \(Format.count(data.stages.count, "stage", "stages")), \(span)"
    }

    static func description(_ data: TimelineData) -> String {
        guard !data.stages.isEmpty else { return "There is no data to show." }
        var sentences = data.stages.map { stage in
            let (start, finish) = dates(stage)
            let span = start == finish ? start : "\(start) to \(finish)"
            let status = stage.words.map { ", \(Format.inSentence($0))" } ?? ""
            return "\(stage.label): \(span)\(status)."
        }
        if let words = data.markerWords, let now = data.now {
            sentences.append(words.contains(now.long) ? "Marked: \(words)." : "Marked: \(words), \(now.long).")
        }
        return sentences.joined(separator: " ")
    }

    /// A stage's dates in words: months ("January 2004", "June 2004") when it runs from the first
    /// of a month to the last day of one, days ("17 May 2004") otherwise.
    static func dates(_ stage: TimelineData.Stage) -> (start: String, end: String) {
        let last = end(stage)
        let wholeMonths = stage.start.day == 1 && last.day == Day.daysIn(month: last.month, year: last.year)
        return wholeMonths ? (stage.start.monthAndYear, last.monthAndYear) : (stage.start.long, last.long)
    }

    static func table(_ data: TimelineData) -> DataTable {
        let rows = data.stages.map { stage in [stage.label, dates(stage).start, dates(stage).end, stage.words ?? ""] }
        let caption = data.now.map { "\(data.title), as at \($0.long)" } ?? data.title
        return DataTable(caption: caption, columns: [.text("Stage"), .text("Start"), .text("End"), .text("Status")], rows: rows)
    }
}
