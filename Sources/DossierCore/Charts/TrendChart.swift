/// A trend: one indicator across periods as a line with a dot for each result, the target as a
/// dashed line, period labels under the axis and the first and latest results written by their dots. A period
/// without a result is a gap in the line, marked "no result", never a zero.
enum TrendChart {
    static let plotHeight = 180.0

    struct Layout {
        var drawing: Drawing
        var axis: Axis
        /// Where each point is, or nil for a missing value.
        var points: [(x: Double, y: Double)?]
        var plotTop: Double
        var plotBottom: Double
        /// The stretches of line drawn: indices into the data's points.
        var lines: [[Int]]
    }

    static func render(_ data: TrendData, id: String) -> RenderedChart {
        let svg = layout(data, id: id).drawing.svg(id: id, kind: "trend", title: TrendWords.title(data),
                                                    description: TrendWords.description(data))
        return RenderedChart(svg: svg, table: TrendWords.table(data).html)
    }

    /// Where things go: the value axis up the side, the periods along the bottom in equal bands.
    struct Plot {
        var axis: Axis
        var left: Double
        var right: Double
        var top: Double
        var bottom: Double
        var count: Int

        var band: Double { (right - left) / Double(count) }
        func x(_ index: Int) -> Double { left + (Double(index) + 0.5) * band }
        func y(_ value: Double) -> Double { axis.position(value, from: bottom, to: top) }
    }

    static func layout(_ data: TrendData, id: String) -> Layout {
        let values = data.points.compactMap(TrendWords.value)
        guard !values.isEmpty else {
            return Layout(drawing: .empty(id: id), axis: Axis(lower: 0, upper: 1, ticks: []), points: [],
                          plotTop: 0, plotBottom: 0, lines: [])
        }
        let left = Metrics.pad, right = Metrics.width - Metrics.pad
        var drawing = Drawing(width: Metrics.width, id: id)
        legend(hasTarget: data.points.contains { TrendWords.target($0) != nil }, left: left, into: &drawing)

        let axis = TrendWords.axis(data)
        let tickTexts = axis.ticks.map { Format.value($0, unit: data.unit) }
        let top = 48.0
        let plot = Plot(axis: axis, left: left + AxisLabels.widest(tickTexts) + 8, right: right - 4, top: top,
                        bottom: top + plotHeight, count: data.points.count)
        valueAxis(plot, texts: tickTexts, into: &drawing)
        let positions = data.points.enumerated().map { index, point in TrendWords.value(point).map { (x: plot.x(index), y: plot.y($0)) } }
        let lines = series(data, plot: plot, positions: positions, into: &drawing)
        for note in notes(data, plot: plot, positions: positions, left: left, right: right)
        where !drawing.labels.contains(where: { $0.box.intersects(note.box) }) {
            drawing.add(note)
        }
        let periods = periodLabels(data.points.map(\.label), x: plot.x, band: plot.band, top: plot.bottom + 6, left: left, right: right)
        periods.forEach { drawing.add($0) }
        drawing.height = (periods.map(\.bottom).max() ?? plot.bottom) + Metrics.pad
        return Layout(drawing: drawing, axis: axis, points: positions, plotTop: plot.top, plotBottom: plot.bottom, lines: lines)
    }

    /// Gridlines and tick labels; a darker line at 0 when the axis crosses it, and the baseline.
    private static func valueAxis(_ plot: Plot, texts: [String], into drawing: inout Drawing) {
        let size = Metrics.smallSize
        for (tick, text) in zip(plot.axis.ticks, texts) {
            let isZero = tick == 0 && plot.axis.lower < 0
            drawing.add(.line(plot.left, plot.y(tick), plot.right, plot.y(tick), stroke: isZero ? Palette.axis : Palette.grid,
                              width: isZero ? 1.5 : 1, className: isZero ? "chart-axis" : "chart-grid"))
            drawing.add(Label(text, x: plot.left - 8, top: plot.y(tick) - Label.lineHeight(size) / 2, size: size,
                              colour: Palette.secondaryText, anchor: .end))
        }
        drawing.add(.line(plot.left, plot.bottom, plot.right, plot.bottom, stroke: Palette.axis, width: 1, className: "chart-axis"))
    }

    /// The target as dashed steps, the results as lines broken at gaps, and a dot on every result
    /// (a larger one on the latest). Returns the stretches of line drawn.
    private static func series(_ data: TrendData, plot: Plot, positions: [(x: Double, y: Double)?], into drawing: inout Drawing) -> [[Int]] {
        for run in TrendWords.targetRuns(data.points) {
            let ty = plot.y(run.target)
            drawing.add(.line(plot.x(run.first) - plot.band / 2, ty, plot.x(run.last) + plot.band / 2, ty, stroke: Palette.text,
                              width: 2, dash: "6 4", className: "chart-target"))
        }
        let lines = TrendWords.runs(data.points).filter { $0.count > 1 }
        for run in lines {
            drawing.add(SVGNode("path", [
                "d": TrendWords.path(run.compactMap { positions[$0] }), "fill": "none", "stroke": Palette.blue,
                "stroke-width": "3", "stroke-linejoin": "round", "stroke-linecap": "round", "class": "chart-line",
            ]))
        }
        let lastIndex = positions.lastIndex { $0 != nil }
        for (index, position) in positions.enumerated() {
            guard let position else { continue }
            drawing.add(.circle(position.x, position.y, r: index == lastIndex ? 6 : 4.5, fill: Palette.blue,
                                stroke: Palette.background, strokeWidth: 1.5, className: "chart-dot"))
        }
        return lines
    }

    /// The first and the latest result by their dots, and "no result" where a period has none (when it fits).
    private static func notes(_ data: TrendData, plot: Plot, positions: [(x: Double, y: Double)?], left: Double, right: Double) -> [Label] {
        var notes: [Label] = []
        let lastIndex = positions.lastIndex(where: { $0 != nil })
        if let lastIndex, let position = positions[lastIndex], let value = TrendWords.value(data.points[lastIndex]) {
            notes.append(latestLabel(Format.value(value, unit: data.unit), at: position, plotTop: plot.top, left: left, right: right))
        }
        if let firstIndex = positions.firstIndex(where: { $0 != nil }), firstIndex != lastIndex, let position = positions[firstIndex],
           let value = TrendWords.value(data.points[firstIndex]) {
            var first = latestLabel(Format.value(value, unit: data.unit), at: position, plotTop: plot.top, left: left, right: right)
            first.bold = false
            if !notes.contains(where: { $0.box.intersects(first.box) }) { notes.append(first) }
        }
        let size = Metrics.smallSize
        for (index, point) in data.points.enumerated() where TrendWords.value(point) == nil {
            guard TextFit.width("no result", size: size) <= plot.band - 4 else { continue }
            notes.append(Label("no result", x: plot.x(index), top: plot.bottom - Label.lineHeight(size) - 4, size: size,
                               italic: true, colour: Palette.secondaryText, anchor: .middle, halo: true))
        }
        return notes
    }

    private static func legend(hasTarget: Bool, left: Double, into drawing: inout Drawing) {
        let size = Metrics.smallSize
        drawing.add(.line(left, 12, left + 24, 12, stroke: Palette.blue, width: 3, className: "chart-line"))
        drawing.add(.circle(left + 12, 12, r: 4.5, fill: Palette.blue, stroke: Palette.background, strokeWidth: 1.5, className: "chart-dot"))
        let result = Label("Result", x: left + 30, top: 3, size: size)
        drawing.add(result)
        guard hasTarget else { return }
        let start = result.box.maxX + 20
        drawing.add(.line(start, 12, start + 24, 12, stroke: Palette.text, width: 2, dash: "6 4", className: "chart-target"))
        drawing.add(Label("Target", x: start + 30, top: 3, size: size))
    }

    /// The latest result, above its dot, or below it when there is no room above.
    private static func latestLabel(_ text: String, at point: (x: Double, y: Double), plotTop: Double, left: Double, right: Double) -> Label {
        let size = Metrics.smallSize
        let height = Label.lineHeight(size)
        let above = point.y - 10 - height
        let top = above >= plotTop - 12 ? above : point.y + 10
        var label = Label(text, x: point.x, top: top, size: size, bold: true, anchor: .middle, halo: true)
        let width = label.width
        if point.x + width / 2 > right { label.anchor = .end; label.x = right }
        if point.x - width / 2 < left { label.anchor = .start; label.x = left }
        return label
    }

    /// Period labels under the axis: wrapped onto two lines in their band, and when even that will
    /// not do, every second (third …) label, always keeping the last; none may overlap.
    static func periodLabels(_ texts: [String], x: (Int) -> Double, band: Double, top: Double, left: Double, right: Double) -> [Label] {
        let size = Metrics.smallSize
        let count = texts.count
        var every = 1
        while every < count && texts.contains(where: { TextFit.wrap($0, width: Double(every) * band - 6, size: size).shortened }) {
            every += 1
        }
        var kept: [Label] = []
        for index in stride(from: count - 1, through: 0, by: -1) where (count - 1 - index) % every == 0 {
            var label = Label.fitted(texts[index], width: max(20, Double(every) * band - 6), x: x(index), top: top,
                                     size: size, colour: Palette.secondaryText, anchor: .middle)
            let half = label.width / 2
            if label.x + half > right { label.anchor = .end; label.x = right }
            if label.x - half < left { label.anchor = .start; label.x = left }
            let box = label.box
            if kept.contains(where: { $0.box.intersects(Rect(x: box.x - 4, y: box.y, width: box.width + 8, height: box.height)) }) { continue }
            kept.append(label)
        }
        return kept.reversed()
    }
}
