/// A piece of text placed in a chart: its lines, where it sits, and the box it takes up, so layouts
/// can keep text apart and tests can check that no two labels overlap.
struct Label: Sendable, Equatable {
    enum Anchor: String, Sendable { case start, middle, end }

    var lines: [String]
    /// The whole text when the lines shorten it; written as a `<title>` the reader can hover.
    var full: String?
    /// The anchor point: `x` is the start, middle or end of each line, `top` the top of the first.
    var x: Double
    var top: Double
    var size: Double
    var bold = false
    var italic = false
    var colour = Palette.text
    var anchor = Anchor.start
    /// A white outline under the glyphs, for text drawn over lines.
    var halo = false

    init(_ lines: [String], full: String? = nil, x: Double, top: Double, size: Double, bold: Bool = false,
         italic: Bool = false, colour: String = Palette.text, anchor: Anchor = .start, halo: Bool = false) {
        self.lines = lines
        self.full = full
        self.x = x
        self.top = top
        self.size = size
        self.bold = bold
        self.italic = italic
        self.colour = colour
        self.anchor = anchor
        self.halo = halo
    }

    /// One line of text.
    init(_ text: String, x: Double, top: Double, size: Double, bold: Bool = false, italic: Bool = false,
         colour: String = Palette.text, anchor: Anchor = .start, halo: Bool = false) {
        self.init([text], x: x, top: top, size: size, bold: bold, italic: italic, colour: colour, anchor: anchor, halo: halo)
    }

    /// Text fitted into `width`: wrapped onto up to `maxLines` lines, shortened with "…" beyond.
    static func fitted(_ text: String, width: Double, maxLines: Int = 2, x: Double, top: Double, size: Double,
                       bold: Bool = false, colour: String = Palette.text, anchor: Anchor = .start, halo: Bool = false) -> Label {
        let fit = TextFit.wrap(text, width: width, size: size, bold: bold, maxLines: maxLines)
        return Label(fit.lines, full: fit.shortened ? text : nil, x: x, top: top, size: size, bold: bold,
                     colour: colour, anchor: anchor, halo: halo)
    }

    static func lineHeight(_ size: Double) -> Double { (size * 1.25).rounded() }

    var lineHeight: Double { Self.lineHeight(size) }
    var width: Double { lines.map { TextFit.width($0, size: size, bold: bold) }.max() ?? 0 }
    var height: Double { Double(lines.count) * lineHeight }
    var bottom: Double { top + height }

    var box: Rect {
        let w = width
        let left: Double
        switch anchor {
        case .start: left = x
        case .middle: left = x - w / 2
        case .end: left = x - w
        }
        return Rect(x: left, y: top, width: w, height: height)
    }

    /// The baseline of line `index`: the line box is centred on the glyphs' usual height.
    func baseline(_ index: Int) -> Double {
        top + Double(index) * lineHeight + (lineHeight - size) / 2 + size * 0.78
    }

    /// The label. A halo is a white outline under the text that keeps it legible over marks: drawn
    /// as a copy of the text beneath it, not with `paint-order`, which some renderers (WeasyPrint's,
    /// in PDFs) ignore and would then paint the outline over the letters.
    var node: SVGNode {
        let text = textNode(halo: false)
        guard halo else { return text }
        return SVGNode("g", ["class": "chart-haloed"], children: [textNode(halo: true), text])
    }

    private func textNode(halo outline: Bool) -> SVGNode {
        let titleChild = full.map { [SVGNode("title", text: $0)] } ?? []
        let single = lines.count == 1
        let spans = single ? [] : lines.enumerated().map { index, line in
            SVGNode("tspan", ["x": x.svg, "y": baseline(index).svg], text: line)
        }
        return SVGNode("text", [
            "x": x.svg, "y": baseline(0).svg,
            "font-size": size.svg,
            "font-weight": bold ? "700" : nil,
            "font-style": italic ? "italic" : nil,
            "fill": outline ? Palette.background : colour,
            "text-anchor": anchor == .start ? nil : anchor.rawValue,
            "stroke": outline ? Palette.background : nil,
            "stroke-width": outline ? "4" : nil,
            "stroke-linejoin": outline ? "round" : nil,
            "aria-hidden": outline ? "true" : nil,
            "class": outline ? "chart-text chart-halo" : "chart-text",
        ], text: single ? lines[0] : nil, children: (outline ? [] : titleChild) + spans)
    }
}
