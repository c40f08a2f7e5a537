/// Tick labels along a horizontal axis: centred on their ticks, but anchored to the edge when
/// centring would spill out of the chart; a label that would touch one already placed is left out.
enum AxisLabels {
    static func horizontal(_ ticks: [(x: Double, text: String)], top: Double, left: Double, right: Double,
                           bold: Bool = false, colour: String = Palette.secondaryText) -> [Label] {
        var kept: [Label] = []
        for tick in ticks {
            let label = placed(tick, top: top, left: left, right: right, bold: bold, colour: colour)
            let box = label.box
            let room = Rect(x: box.x - 4, y: box.y, width: box.width + 8, height: box.height)
            if !kept.contains(where: { $0.box.intersects(room) }) { kept.append(label) }
        }
        return kept
    }

    private static func placed(_ tick: (x: Double, text: String), top: Double, left: Double, right: Double,
                               bold: Bool, colour: String) -> Label {
        let half = TextFit.width(tick.text, size: Metrics.smallSize, bold: bold) / 2
        let (x, anchor): (Double, Label.Anchor) =
            tick.x - half < left ? (left, .start) : tick.x + half > right ? (right, .end) : (tick.x, .middle)
        return Label(tick.text, x: x, top: top, size: Metrics.smallSize, bold: bold, colour: colour, anchor: anchor)
    }

    /// The widest of some tick labels.
    static func widest(_ texts: [String]) -> Double {
        texts.map { TextFit.width($0, size: Metrics.smallSize) }.max() ?? 0
    }
}
