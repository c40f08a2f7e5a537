/// A trend small enough for a table cell: the line with gaps for missing values, a dot on the latest
/// value and the target as a dashed line; no axes and no text (its title and table carry the words).
enum SparklineChart {
    static let width = 120.0
    static let height = 32.0

    struct Layout {
        var drawing: Drawing
        var points: [(x: Double, y: Double)?]
    }

    static func render(_ data: TrendData, id: String) -> RenderedChart {
        let svg = layout(data, id: id).drawing.svg(id: id, kind: "sparkline", title: TrendWords.title(data),
                                                    description: TrendWords.description(data))
        return RenderedChart(svg: svg, table: TrendWords.table(data).html)
    }

    static func layout(_ data: TrendData, id: String) -> Layout {
        let values = data.points.compactMap(TrendWords.value)
        guard !values.isEmpty else {
            return Layout(drawing: .empty(width: width, height: height, size: 13, id: id), points: [])
        }
        var drawing = Drawing(width: width, height: height, id: id)
        let all = values + data.points.compactMap(TrendWords.target)
        var low = all.min() ?? 0, high = all.max() ?? 0
        if low == high { low -= 1; high += 1 }
        let inset = 7.0
        func y(_ value: Double) -> Double { (height - inset) - (value - low) / (high - low) * (height - 2 * inset) }
        let count = data.points.count
        let step = count > 1 ? (width - 2 * inset) / Double(count - 1) : 0
        func x(_ index: Int) -> Double { count > 1 ? inset + Double(index) * step : width / 2 }

        for run in TrendWords.targetRuns(data.points) {
            let from = run.first == run.last ? x(run.first) - max(step / 2, 6) : x(run.first)
            let to = run.first == run.last ? x(run.last) + max(step / 2, 6) : x(run.last)
            drawing.add(.line(max(1, from), y(run.target), min(width - 1, to), y(run.target), stroke: Palette.text,
                              width: 1.5, dash: "4 3", className: "chart-target"))
        }
        let positions = data.points.enumerated().map { index, point in TrendWords.value(point).map { (x: x(index), y: y($0)) } }
        for run in TrendWords.runs(data.points) where run.count > 1 {
            drawing.add(SVGNode("path", [
                "d": TrendWords.path(run.compactMap { positions[$0] }), "fill": "none", "stroke": Palette.blue,
                "stroke-width": "2", "stroke-linejoin": "round", "stroke-linecap": "round", "class": "chart-line",
            ]))
        }
        // Lone values between gaps would vanish without a dot; the latest always has one.
        let lastIndex = positions.lastIndex { $0 != nil }
        for run in TrendWords.runs(data.points) where run.count == 1 && run[0] != lastIndex {
            if let p = positions[run[0]] { drawing.add(.circle(p.x, p.y, r: 2.5, fill: Palette.blue, className: "chart-dot")) }
        }
        if let lastIndex, let p = positions[lastIndex] {
            drawing.add(.circle(p.x, p.y, r: 3.5, fill: Palette.blue, stroke: Palette.background, strokeWidth: 1, className: "chart-dot"))
        }
        return Layout(drawing: drawing, points: positions)
    }
}
