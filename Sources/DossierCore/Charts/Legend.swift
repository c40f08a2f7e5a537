/// A key of swatches and words, flowing onto more lines when it is wider than the chart.
enum Legend {
    /// Lays out the items from `top` and returns where the legend ends.
    static func layout(_ items: [(words: String, style: MarkStyle)], top: Double, left: Double, right: Double,
                       into drawing: inout Drawing) -> Double {
        let size = Metrics.smallSize
        let lineHeight = Label.lineHeight(size)
        var x = left, y = top
        for item in items {
            let label = Label.fitted(item.words, width: right - left - Metrics.swatch - 6, maxLines: 1, x: 0, top: 0, size: size)
            let itemWidth = Metrics.swatch + 6 + label.width
            if x > left && x + itemWidth > right {
                x = left
                y += lineHeight + 4
            }
            drawing.mark(Rect(x: x, y: y + (lineHeight - Metrics.swatch) / 2, width: Metrics.swatch, height: Metrics.swatch), style: item.style)
            var placed = label
            placed.x = x + Metrics.swatch + 6
            placed.top = y
            drawing.add(placed)
            x += itemWidth + 16
        }
        return y + lineHeight
    }
}
