/// The `<pattern>`s a chart uses, defined once each in `<defs>` with ids from the chart's prefix
/// ("chart-3-pattern-0"), so charts on one page never share or clash.
struct PatternSet: Sendable {
    let prefix: String
    private(set) var styles: [MarkStyle] = []

    init(prefix: String) { self.prefix = prefix }

    /// The `fill` for a style: its colour, white, or a reference to its pattern.
    mutating func fill(for style: MarkStyle) -> String {
        switch style.pattern {
        case .solid: return style.colour
        case .empty: return Palette.background
        default:
            if let index = styles.firstIndex(of: style) { return "url(#\(id(index)))" }
            styles.append(style)
            return "url(#\(id(styles.count - 1)))"
        }
    }

    private func id(_ index: Int) -> String { "\(prefix)-pattern-\(index)" }

    var defs: [SVGNode] {
        styles.enumerated().map { index, style in pattern(style, id: id(index)) }
    }

    private func pattern(_ style: MarkStyle, id: String) -> SVGNode {
        let white = Palette.background
        let background = SVGNode("rect", ["width": "8", "height": "8", "fill": style.colour, "class": "chart-pattern-bg"])
        func stripe(_ x: String, _ y: String, _ w: String, _ h: String, fill: String = white) -> SVGNode {
            SVGNode("rect", ["x": x, "y": y, "width": w, "height": h, "fill": fill, "class": "chart-pattern-mark"])
        }
        var rotate: String?
        var children: [SVGNode]
        switch style.pattern {
        case .dots:
            children = [background, SVGNode("circle", ["cx": "4", "cy": "4", "r": "1.6", "fill": white, "class": "chart-pattern-mark"])]
        case .hatch:
            rotate = "rotate(45)"
            children = [background, stripe("0", "0", "3", "8")]
        case .crossHatch:
            rotate = "rotate(45)"
            children = [background, stripe("0", "0", "2", "8"), stripe("0", "0", "8", "2")]
        case .verticalLines:
            children = [background, stripe("0", "0", "2.5", "8")]
        case .horizontalLines:
            children = [background, stripe("0", "0", "8", "1.5")]
        case .lightHatch:
            rotate = "rotate(-45)"
            children = [SVGNode("rect", ["width": "8", "height": "8", "fill": white, "class": "chart-pattern-bg"]),
                        stripe("0", "0", "1.5", "8", fill: style.colour)]
        case .solid, .empty:
            children = [background]
        }
        return SVGNode("pattern", [
            "id": id, "width": "8", "height": "8", "patternUnits": "userSpaceOnUse", "patternTransform": rotate,
        ], children: children)
    }
}
