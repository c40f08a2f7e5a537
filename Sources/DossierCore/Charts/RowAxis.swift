/// The value axis of a row chart (indicators, statuses): gridlines drawn only across the bars'
/// bands, so they never run through labels, a darker line at 0, and tick labels under the last row.
enum RowAxis {
    /// Draws the axis under the bands and returns where the chart ends.
    static func draw(_ scale: ValueScale, bands: [(top: Double, bottom: Double)], label: (Double) -> String,
                     left: Double, right: Double, into drawing: inout Drawing) -> Double {
        let zero = scale.x(0)
        drawing.marks.insert(contentsOf: gridlines(scale.axis.ticks.map(scale.x), zero: zero, bands: bands), at: 0)
        let top = (bands.last?.bottom ?? 0) + 6
        let ticks = scale.axis.ticks.map { (x: scale.x($0), text: label($0)) }
        AxisLabels.horizontal(ticks, top: top, left: left, right: right).forEach { drawing.add($0) }
        return top + Label.lineHeight(Metrics.smallSize) + Metrics.pad
    }

    /// One path for the grid and one for the zero line.
    static func gridlines(_ xs: [Double], zero: Double?, bands: [(top: Double, bottom: Double)]) -> [SVGNode] {
        func path(_ x: Double) -> String {
            bands.map { "M\(x.svg) \(($0.top - 4).svg)V\(($0.bottom + 4).svg)" }.joined()
        }
        var nodes: [SVGNode] = []
        let grid = xs.filter { $0 != zero }.map(path).joined()
        if !grid.isEmpty {
            nodes.append(SVGNode("path", ["d": grid, "fill": "none", "stroke": Palette.grid, "stroke-width": "1", "class": "chart-grid"]))
        }
        if let zero {
            nodes.append(SVGNode("path", ["d": path(zero), "fill": "none", "stroke": Palette.axis, "stroke-width": "1.5", "class": "chart-axis"]))
        }
        return nodes
    }
}
