/// A trend small enough for a table cell: the first result written on the left, the latest on the
/// right in bold, and between them the line with gaps for missing values, a dot on the latest value
/// and the target as a dashed line. The value axis follows the trend chart's rule
/// (`TrendWords.axis`), so a sparkline and the full chart of the same indicator have the same shape.
enum SparklineChart {
    static let width = 180.0
    static let height = 32.0
    static let textSize = 13.0

    struct Layout {
        var drawing: Drawing
        var points: [(x: Double, y: Double)?]
        var axis: Axis
    }

    static func render(_ data: TrendData, id: String) -> RenderedChart {
        let svg = layout(data, id: id).drawing.svg(id: id, kind: "sparkline", title: TrendWords.title(data),
                                                    description: TrendWords.description(data))
        return RenderedChart(svg: svg, table: TrendWords.table(data).html)
    }

    static func layout(_ data: TrendData, id: String) -> Layout {
        let values = data.points.compactMap(TrendWords.value)
        guard !values.isEmpty else {
            return Layout(drawing: .empty(width: width, height: height, size: textSize, id: id), points: [], axis: Axis(lower: 0, upper: 1, ticks: []))
        }
        var drawing = Drawing(width: width, height: height, id: id)
        let axis = TrendWords.axis(data)
        let known = data.points.indices.filter { TrendWords.value(data.points[$0]) != nil }
        let firstIndex = known.first!, lastIndex = known.last!
        let lastText = Format.value(values.last!, unit: data.unit)
        let firstText = known.count > 1 ? Format.value(values.first!, unit: data.unit) : nil
        let textTop = (height - Label.lineHeight(textSize)) / 2
        let right = width - 1 - TextFit.width(lastText, size: textSize, bold: true) - 6
        var left = 1.0
        if let firstText {
            drawing.add(Label(firstText, x: 1, top: textTop, size: textSize, colour: Palette.secondaryText))
            left += TextFit.width(firstText, size: textSize) + 6
        }
        drawing.add(Label(lastText, x: width - 1, top: textTop, size: textSize, bold: true, anchor: .end))

        let inset = 4.0
        func y(_ value: Double) -> Double { axis.position(value, from: height - inset, to: inset) }
        let count = data.points.count
        let step = count > 1 ? (right - left - 2 * inset) / Double(count - 1) : 0
        func x(_ index: Int) -> Double { count > 1 ? left + inset + Double(index) * step : (left + right) / 2 }

        for run in TrendWords.targetRuns(data.points) {
            let from = run.first == run.last ? x(run.first) - max(step / 2, 6) : x(run.first)
            let to = run.first == run.last ? x(run.last) + max(step / 2, 6) : x(run.last)
            drawing.add(.line(max(left, from), y(run.target), min(right, to), y(run.target), stroke: Palette.text,
                              width: 1.5, dash: "4 3", className: "chart-target"))
        }
        let positions = data.points.enumerated().map { index, point in TrendWords.value(point).map { (x: x(index), y: y($0)) } }
        for run in TrendWords.runs(data.points) where run.count > 1 {
            drawing.add(SVGNode("path", [
                "d": TrendWords.path(run.compactMap { positions[$0] }), "fill": "none", "stroke": Palette.blue,
                "stroke-width": "2", "stroke-linejoin": "round", "stroke-linecap": "round", "class": "chart-line",
            ]))
        }
        // Lone values between gaps would vanish without a dot; the first and the latest, written out, have one.
        for run in TrendWords.runs(data.points) where run.count == 1 && run[0] != lastIndex && run[0] != firstIndex {
            if let p = positions[run[0]] { drawing.add(.circle(p.x, p.y, r: 2.5, fill: Palette.blue, className: "chart-dot")) }
        }
        if firstText != nil, let p = positions[firstIndex] {
            drawing.add(.circle(p.x, p.y, r: 2.5, fill: Palette.blue, className: "chart-dot"))
        }
        if let p = positions[lastIndex] {
            drawing.add(.circle(p.x, p.y, r: 3.5, fill: Palette.blue, stroke: Palette.background, strokeWidth: 1, className: "chart-dot"))
        }
        return Layout(drawing: drawing, points: positions, axis: axis)
    }
}
