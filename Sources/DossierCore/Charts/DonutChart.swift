import Foundation

/// The completion donut: parts of a whole around a ring, the first part's share in the middle, and
/// a legend of every part with its number and share underneath (or only its name, when the page
/// has the figures in a table: `DonutData.keyHasFigures`).
enum DonutChart {
    static let width = 320.0
    static let outerRadius = 96.0
    static let innerRadius = 62.0

    struct Segment: Equatable {
        var part: Int
        /// Degrees clockwise from twelve o'clock.
        var start: Double
        var end: Double
        var sweep: Double { end - start }
    }

    struct Layout {
        var drawing: Drawing
        var segments: [Segment]
    }

    static func render(_ data: DonutData, id: String) -> RenderedChart {
        let svg = layout(data, id: id).drawing.svg(id: id, kind: "donut", title: title(data), description: description(data))
        return RenderedChart(svg: svg, table: table(data).html)
    }

    /// Values as drawn: negative and non-numbers count as nothing.
    static func values(_ data: DonutData) -> [Double] {
        data.parts.map { $0.value.isChartValue ? max(0, $0.value) : 0 }
    }

    /// A value as written: as given, unless it is not a number at all.
    static func given(_ part: DonutData.Part) -> Double { part.value.isChartValue ? part.value : 0 }

    static func segments(_ values: [Double]) -> [Segment] {
        let total = values.reduce(0, +)
        guard total > 0 else { return [] }
        let last = values.lastIndex { $0 > 0 }
        var running = 0.0
        var result: [Segment] = []
        for (index, value) in values.enumerated() where value > 0 {
            let start = running / total * 360
            running += value
            let end = index == last ? 360 : running / total * 360
            result.append(Segment(part: index, start: start, end: end))
        }
        return result
    }

    static func layout(_ data: DonutData, id: String) -> Layout {
        guard !data.parts.isEmpty else { return Layout(drawing: .empty(width: width, id: id), segments: []) }
        let values = values(data)
        let total = values.reduce(0, +)
        var drawing = Drawing(width: width, id: id)
        let cx = width / 2, cy = Metrics.pad + outerRadius + 2
        let segments = segments(values)
        if segments.isEmpty {
            drawing.add(.circle(cx, cy, r: outerRadius, fill: "none", stroke: Palette.grid, strokeWidth: 1.5, className: "chart-track"))
            drawing.add(.circle(cx, cy, r: innerRadius, fill: "none", stroke: Palette.grid, strokeWidth: 1.5, className: "chart-track"))
        }
        for segment in segments {
            let style = style(data, part: segment.part)
            drawing.add(SVGNode("path", [
                "d": path(segment, cx: cx, cy: cy),
                "fill": drawing.patterns.fill(for: style),
                "fill-rule": segment.sweep >= 360 ? "evenodd" : nil,
                "stroke": style.colour, "stroke-width": "1.5", "stroke-linejoin": "round",
                "class": style.className,
            ]))
        }
        centre(data, values: values, total: total, cx: cx, cy: cy, into: &drawing)
        drawing.height = legend(data, values: values, total: total, top: cy + outerRadius + 18, into: &drawing)
        return Layout(drawing: drawing, segments: segments)
    }

    /// The first part's share, large, with its label under it; "No data" when there is no whole.
    private static func centre(_ data: DonutData, values: [Double], total: Double, cx: Double, cy: Double, into drawing: inout Drawing) {
        guard total > 0 else {
            drawing.add(Label("No data", x: cx, top: cy - Label.lineHeight(Metrics.labelSize) / 2,
                              size: Metrics.labelSize, colour: Palette.secondaryText, anchor: .middle))
            return
        }
        let bigSize = 36.0
        let share = Label(Format.share(values[0], of: total), x: cx, top: 0, size: bigSize, bold: true, anchor: .middle)
        var caption = Label.fitted(data.parts[0].label, width: innerRadius * 1.6, x: cx, top: 0,
                                   size: Metrics.smallSize, anchor: .middle)
        let blockHeight = share.height + caption.height
        var figure = share
        figure.top = cy - blockHeight / 2
        caption.top = figure.bottom
        drawing.add(figure)
        drawing.add(caption)
    }

    /// One legend row per part: swatch, label, then "219 (73%)" on the right; and the total.
    /// Without figures, the swatches and labels only.
    private static func legend(_ data: DonutData, values: [Double], total: Double, top: Double, into drawing: inout Drawing) -> Double {
        let left = Metrics.pad, right = width - Metrics.pad
        let figures = data.parts.indices.map { index in data.keyHasFigures ? figure(given(data.parts[index]), values[index], total) : "" }
        let figureWidth = figures.map { TextFit.width($0, size: Metrics.labelSize) }.max() ?? 0
        let labelLeft = left + Metrics.swatch + 8
        let labelWidth = max(40, right - figureWidth - 12 - labelLeft)
        var y = top
        for (index, part) in data.parts.enumerated() {
            let label = Label.fitted(part.label, width: labelWidth, x: labelLeft, top: y, size: Metrics.labelSize)
            let lineHeight = label.lineHeight
            drawing.mark(Rect(x: left, y: y + (lineHeight - Metrics.swatch) / 2, width: Metrics.swatch, height: Metrics.swatch),
                         style: style(data, part: index))
            drawing.add(label)
            if data.keyHasFigures { drawing.add(Label(figures[index], x: right, top: y, size: Metrics.labelSize, anchor: .end)) }
            y = label.bottom + 6
        }
        guard data.keyHasFigures else { return y - 6 + Metrics.pad }
        drawing.add(.line(left, y + 1, right, y + 1, stroke: Palette.grid, width: 1, className: "chart-grid"))
        y += 6
        drawing.add(Label("Total", x: labelLeft, top: y, size: Metrics.labelSize, bold: true))
        drawing.add(Label(Format.number(total), x: right, top: y, size: Metrics.labelSize, bold: true, anchor: .end))
        return y + Label.lineHeight(Metrics.labelSize) + Metrics.pad
    }

    /// A part's look: its status's, or the part's place in the palette.
    static func style(_ data: DonutData, part index: Int) -> MarkStyle {
        data.parts[index].status.flatMap { StatusLook.named($0)?.mark } ?? Palette.style(part: index)
    }

    private static func figure(_ given: Double, _ value: Double, _ total: Double) -> String {
        total > 0 ? "\(Format.number(given)) (\(Format.share(value, of: total)))" : Format.number(given)
    }

    /// An annular sector; a whole ring is two circles (an SVG arc cannot sweep 360°).
    static func path(_ segment: Segment, cx: Double, cy: Double) -> String {
        let (outer, inner) = (outerRadius, innerRadius)
        if segment.sweep >= 360 {
            func circle(_ r: Double, _ sweep: Int) -> String {
                "M\(cx.svg) \((cy - r).svg)A\(r.svg) \(r.svg) 0 1 \(sweep) \(cx.svg) \((cy + r).svg)A\(r.svg) \(r.svg) 0 1 \(sweep) \(cx.svg) \((cy - r).svg)Z"
            }
            return circle(outer, 1) + circle(inner, 0)
        }
        func point(_ degrees: Double, _ r: Double) -> String {
            let radians = degrees * Double.pi / 180
            return "\((cx + r * sin(radians)).svg) \((cy - r * cos(radians)).svg)"
        }
        let large = segment.sweep > 180 ? 1 : 0
        return "M\(point(segment.start, outer))A\(outer.svg) \(outer.svg) 0 \(large) 1 \(point(segment.end, outer))"
            + "L\(point(segment.end, inner))A\(inner.svg) \(inner.svg) 0 \(large) 0 \(point(segment.start, inner))Z"
    }

    // MARK: Words

    static func title(_ data: DonutData) -> String {
        let values = values(data)
        let total = values.reduce(0, +)
        guard let first = data.parts.first, total > 0 else { return "\(data.title): no data" }
        let share = Format.share(values[0], of: total)
        let counts = "(\(Format.number(values[0])) of \(Format.number(total)))"
        // "Milestones completed" and "Completed" make "73% of milestones completed".
        if data.title.lowercased().hasSuffix(" " + first.label.lowercased()) {
            return "\(share) of \(Format.inSentence(data.title)) \(counts)"
        }
        return "\(data.title): \(share) \(Format.inSentence(first.label)) \(counts)"
    }

    static func description(_ data: DonutData) -> String {
        let values = values(data)
        let total = values.reduce(0, +)
        guard !data.parts.isEmpty else { return "There is no data to show." }
        let parts = data.parts.enumerated().map { index, part in "\(part.label): \(figure(given(part), values[index], total))." }
        let end = total > 0 ? "Total: \(Format.number(total))." : "The total is 0, so there are no shares to show."
        return (parts + [end]).joined(separator: " ")
    }

    static func table(_ data: DonutData) -> DataTable {
        let values = values(data)
        let total = values.reduce(0, +)
        let rows = data.parts.enumerated().map { index, part in
            [part.label, Format.number(given(part)), total > 0 ? Format.share(values[index], of: total) : "–"]
        }
        return DataTable(caption: data.title, columns: [.text("Part"), .number("Number"), .number("Share")], rows: rows,
                         footer: data.parts.isEmpty ? [] : [["Total", Format.number(total), total > 0 ? "100%" : "–"]])
    }
}
