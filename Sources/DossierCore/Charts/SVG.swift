/// A tiny XML builder for SVG: elements with ordered attributes, escaped text, and stable,
/// line-per-element output (no blank lines, so the markup survives inside Markdown HTML blocks).
struct SVGNode: Sendable, Equatable {
    var name: String
    var attributes: [Attribute]
    var children: [SVGNode]
    var text: String?

    struct Attribute: Sendable, Equatable {
        var name: String
        var value: String
    }

    /// Attributes whose value is nil are left out, so optional ones read inline.
    init(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], text: String? = nil, children: [SVGNode] = []) {
        self.name = name
        self.attributes = attributes.compactMap { pair in pair.value.map { Attribute(name: pair.key, value: $0) } }
        self.children = children
        self.text = text
    }

    /// Text content elements are written on one line: whitespace between `<tspan>`s would be drawn.
    private var isInline: Bool { ["text", "tspan", "title", "desc"].contains(name) }

    func xml(indent: Int = 0) -> String {
        var out = ""
        write(into: &out, indent: indent)
        return out
    }

    private func write(into out: inout String, indent: Int) {
        for _ in 0..<indent { out += "  " }
        writeOpenTag(into: &out)
        if children.isEmpty && text == nil {
            out += "/>"
        } else if isInline || children.isEmpty {
            out += ">"
            writeInline(into: &out)
            out += "</" + name + ">"
        } else {
            out += ">"
            for child in children {
                out += "\n"
                child.write(into: &out, indent: indent + 1)
            }
            if let text {
                out += "\n"
                for _ in 0...indent { out += "  " }
                out += XML.escape(text)
            }
            out += "\n"
            for _ in 0..<indent { out += "  " }
            out += "</" + name + ">"
        }
    }

    private func writeInline(into out: inout String) {
        for child in children {
            child.writeOpenTag(into: &out)
            if child.children.isEmpty && child.text == nil {
                out += "/>"
            } else {
                out += ">"
                child.writeInline(into: &out)
                out += "</" + child.name + ">"
            }
        }
        if let text { out += XML.escape(text) }
    }

    private func writeOpenTag(into out: inout String) {
        out += "<"
        out += name
        for attribute in attributes {
            out += " "
            out += attribute.name
            out += "=\""
            out += XML.escape(attribute.value, attribute: true)
            out += "\""
        }
    }
}

extension Double {
    /// A coordinate for SVG: at most two decimals, no exponent, no "-0".
    var svg: String { Format.coordinate(self) }
}

// Shapes used by every chart.
extension SVGNode {
    static func rect(_ r: Rect, fill: String, stroke: String? = nil, strokeWidth: Double? = nil, className: String? = nil) -> SVGNode {
        SVGNode("rect", [
            "x": r.x.svg, "y": r.y.svg, "width": max(0, r.width).svg, "height": max(0, r.height).svg,
            "fill": fill, "stroke": stroke, "stroke-width": strokeWidth?.svg, "class": className,
        ])
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double,
                     dash: String? = nil, className: String? = nil) -> SVGNode {
        SVGNode("line", [
            "x1": x1.svg, "y1": y1.svg, "x2": x2.svg, "y2": y2.svg,
            "stroke": stroke, "stroke-width": width.svg, "stroke-dasharray": dash, "class": className,
        ])
    }

    static func circle(_ cx: Double, _ cy: Double, r: Double, fill: String, stroke: String? = nil,
                       strokeWidth: Double? = nil, className: String? = nil) -> SVGNode {
        SVGNode("circle", [
            "cx": cx.svg, "cy": cy.svg, "r": r.svg, "fill": fill,
            "stroke": stroke, "stroke-width": strokeWidth?.svg, "class": className,
        ])
    }

    /// A bar, segment or swatch in a status style: its fill (colour or pattern) and an outline in
    /// the style's colour, so its edge keeps 3:1 contrast even where a pattern lightens it.
    static func mark(_ r: Rect, style: MarkStyle, patterns: inout PatternSet) -> SVGNode {
        .rect(r, fill: patterns.fill(for: style), stroke: style.colour, strokeWidth: 1.5, className: style.className)
    }
}
