/// A laid-out chart before it becomes SVG: its size, the marks (drawn first), the labels (drawn on
/// top, and checked for overlaps by the tests) and the patterns the marks use.
struct Drawing: Sendable {
    var width: Double
    var height: Double
    var marks: [SVGNode] = []
    var labels: [Label] = []
    var patterns: PatternSet

    init(width: Double, height: Double = 0, id: String) {
        self.width = width
        self.height = height
        self.patterns = PatternSet(prefix: id)
    }

    mutating func add(_ node: SVGNode) { marks.append(node) }
    mutating func add(_ label: Label) { labels.append(label) }

    /// A bar or swatch in a status style.
    mutating func mark(_ rect: Rect, style: MarkStyle) {
        marks.append(.mark(rect, style: style, patterns: &patterns))
    }

    /// The text boxes, for overlap checks.
    var textBoxes: [Rect] { labels.map(\.box) }

    /// The `<svg>` element: accessible name from `<title>` and description from `<desc>`, sized by
    /// its viewBox only, styled by the `chart-svg` classes with attribute fallbacks.
    func svg(id: String, kind: String, title: String, description: String) -> String {
        var children = [
            SVGNode("title", ["id": "\(id)-title"], text: title),
            SVGNode("desc", ["id": "\(id)-desc"], text: description),
        ]
        let defs = patterns.defs
        if !defs.isEmpty { children.append(SVGNode("defs", children: defs)) }
        children += marks
        children += labels.map(\.node)
        return SVGNode("svg", [
            "xmlns": "http://www.w3.org/2000/svg",
            "role": "img",
            "aria-labelledby": "\(id)-title \(id)-desc",
            "viewBox": "0 0 \(width.svg) \(height.rounded(.up).svg)",
            "class": "chart-svg chart-\(kind)",
            "font-family": Metrics.fontFamily,
        ], children: children).xml()
    }

    /// A small chart that says "No data", still with its title and description.
    static func empty(width: Double = Metrics.width, height: Double = 48, size: Double = Metrics.labelSize, id: String) -> Drawing {
        var drawing = Drawing(width: width, height: height, id: id)
        drawing.add(.rect(Rect(x: 1, y: 1, width: width - 2, height: height - 2), fill: Palette.background,
                          stroke: Palette.grid, strokeWidth: 1, className: "chart-frame"))
        drawing.add(Label("No data", x: width / 2, top: (height - Label.lineHeight(size)) / 2, size: size,
                          colour: Palette.secondaryText, anchor: .middle))
        return drawing
    }
}
