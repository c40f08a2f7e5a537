/// Measure progress: baseline, latest result and target on one scale. Three columns of words at the
/// top (each with the marker it uses), then a track with a bar from the baseline to the latest
/// result, the three markers, and a value axis under it.
enum MeasureChart {
    enum Kind: Int, CaseIterable {
        case baseline, latest, target

        var words: String { ["Baseline", "Latest", "Target"][rawValue] }
    }

    struct Layout {
        var drawing: Drawing
        var axis: Axis
        /// Marker positions along the track, by kind; no latest when there is no result.
        var markers: [Kind: Double]
        var plotLeft: Double
        var plotRight: Double
    }

    static func render(_ data: MeasureData, id: String) -> RenderedChart {
        let svg = layout(data, id: id).drawing.svg(id: id, kind: "measure", title: title(data), description: description(data))
        return RenderedChart(svg: svg, table: table(data).html)
    }

    static func point(_ data: MeasureData, _ kind: Kind) -> MeasureData.Point? {
        let point: MeasureData.Point? = switch kind {
        case .baseline: data.baseline
        case .latest: data.latest
        case .target: data.target
        }
        return point.flatMap { $0.value.isChartValue ? $0 : nil }
    }

    /// The columns left to right: in the order of the values, a missing latest result in the middle.
    static func order(_ data: MeasureData) -> [Kind] {
        let known = Kind.allCases.filter { point(data, $0) != nil }
        let sorted = known.sorted { a, b in
            let (va, vb) = (point(data, a)!.value, point(data, b)!.value)
            return va != vb ? va < vb : a.rawValue < b.rawValue
        }
        guard known.count == 2, !known.contains(.latest) else { return sorted }
        return [sorted[0], .latest, sorted[1]]
    }

    static func layout(_ data: MeasureData, id: String) -> Layout {
        let width = Metrics.width
        let left = Metrics.pad, right = width - Metrics.pad
        let values = Kind.allCases.compactMap { point(data, $0)?.value }
        guard !values.isEmpty else {
            return Layout(drawing: .empty(id: id), axis: Axis(lower: 0, upper: 1, ticks: []), markers: [:], plotLeft: 0, plotRight: 0)
        }
        var drawing = Drawing(width: width, id: id)
        let kinds = order(data)
        let columnWidth = (right - left - 2 * 12) / 3
        var bottom = 0.0
        for (column, kind) in kinds.enumerated() {
            let anchor: Label.Anchor = kinds.count == 1 ? .start : column == 0 ? .start : column == kinds.count - 1 ? .end : .middle
            let x = anchor == .start ? left : anchor == .end ? right : width / 2
            bottom = max(bottom, block(kind, data, x: x, anchor: anchor, width: columnWidth, into: &drawing))
        }

        let trackY = bottom + 20
        let plotLeft = left + 8, plotRight = right - 8
        let axis = Axis.fitting(values, unit: data.unit, zero: false, length: plotRight - plotLeft) { Format.value($0, unit: data.unit) }
        func x(_ value: Double) -> Double { axis.position(value, from: plotLeft, to: plotRight) }
        drawing.add(.rect(Rect(x: plotLeft, y: trackY - 5, width: plotRight - plotLeft, height: 10), fill: Palette.track,
                          stroke: Palette.grey, strokeWidth: 1, className: "chart-track"))
        var markers: [Kind: Double] = [:]
        for kind in Kind.allCases { if let p = point(data, kind) { markers[kind] = x(p.value) } }
        if let from = markers[.baseline], let to = markers[.latest] {
            drawing.add(.rect(Rect(x: min(from, to), y: trackY - 5, width: abs(to - from), height: 10), fill: Palette.blue,
                              stroke: Palette.blue, strokeWidth: 1, className: "chart-mark chart-solid"))
        }
        for kind in [Kind.target, .baseline, .latest] {
            if let mx = markers[kind] { drawing.add(contentsOf: marker(kind, x: mx, y: trackY)) }
        }

        let tickTop = trackY + 16
        for tick in axis.ticks {
            drawing.add(.line(x(tick), trackY + 6, x(tick), trackY + 11, stroke: Palette.axis, width: 1, className: "chart-axis"))
        }
        let ticks = axis.ticks.map { (x: x($0), text: Format.value($0, unit: data.unit)) }
        AxisLabels.horizontal(ticks, top: tickTop - 2, left: left, right: right).forEach { drawing.add($0) }
        drawing.height = tickTop - 2 + Label.lineHeight(Metrics.smallSize) + Metrics.pad
        return Layout(drawing: drawing, axis: axis, markers: markers, plotLeft: plotLeft, plotRight: plotRight)
    }

    /// A column: the marker and its name, the value large, and when (wrapped to two lines).
    private static func block(_ kind: Kind, _ data: MeasureData, x: Double, anchor: Label.Anchor, width: Double,
                              into drawing: inout Drawing) -> Double {
        let small = Metrics.smallSize
        var heading = Label(kind.words, x: x, top: Metrics.pad, size: small, bold: true, anchor: anchor)
        // Room for the key marker before the heading.
        let key = 18.0
        let textLeft = heading.box.x
        switch anchor {
        case .start: heading.x += key
        case .middle: heading.x += key / 2
        case .end: break
        }
        let keyX = (anchor == .start ? textLeft : anchor == .middle ? textLeft - key / 2 : textLeft - key) + 7
        drawing.add(contentsOf: marker(kind, x: keyX, y: heading.top + heading.lineHeight / 2, small: true))
        drawing.add(heading)
        let value = point(data, kind).map { Format.value($0.value, unit: data.unit) }
        let figure = Label.fitted(value ?? StatusLook.noData.words, width: width, maxLines: 1, x: x, top: heading.bottom + 2,
                                  size: value == nil ? Metrics.labelSize : 22, bold: value != nil, anchor: anchor)
        drawing.add(figure)
        guard let when = point(data, kind)?.label, !when.isEmpty else { return figure.bottom }
        let date = Label.fitted(when, width: width, x: x, top: figure.bottom, size: small, colour: Palette.secondaryText, anchor: anchor)
        drawing.add(date)
        return date.bottom
    }

    /// Baseline: a hollow circle. Latest: a filled circle. Target: an upright bar.
    private static func marker(_ kind: Kind, x: Double, y: Double, small: Bool = false) -> [SVGNode] {
        let scale = small ? 0.75 : 1
        switch kind {
        case .baseline:
            return [.circle(x, y, r: 6 * scale, fill: Palette.background, stroke: Palette.text, strokeWidth: 2.5, className: "chart-marker")]
        case .latest:
            return [.circle(x, y, r: 7 * scale, fill: Palette.blue, stroke: Palette.background, strokeWidth: small ? 0 : 2, className: "chart-mark chart-solid")]
        case .target:
            let half = 12 * scale
            return [
                .line(x, y - half, x, y + half, stroke: Palette.background, width: 8 * scale, className: "chart-halo-line"),
                .line(x, y - half, x, y + half, stroke: Palette.text, width: 4 * scale, className: "chart-target"),
            ]
        }
    }

    // MARK: Words

    static func title(_ data: MeasureData) -> String {
        guard let baseline = point(data, .baseline), let target = point(data, .target) else { return "\(data.title): no data" }
        let unit = data.unit
        func phrase(_ p: MeasureData.Point) -> String {
            Format.value(p.value, unit: unit) + (p.label.map { " (\($0))" } ?? "")
        }
        guard let latest = point(data, .latest) else {
            return "\(data.title): baseline \(phrase(baseline)), target \(phrase(target)); not yet measured"
        }
        let now = Format.value(latest.value, unit: unit) + (latest.label.map { " in \($0)" } ?? "")
        let distance = target.value - baseline.value
        guard distance != 0 else { return "\(data.title): \(now); baseline and target \(Format.value(target.value, unit: unit))" }
        let progress = (latest.value - baseline.value) / distance
        if progress >= 1 { return "\(data.title): \(now), the target of \(phrase(target)) reached" }
        if progress < 0 { return "\(data.title): \(now), further from the target of \(phrase(target)) than the baseline of \(phrase(baseline))" }
        let share = Format.share(latest.value - baseline.value, of: distance)
        return "\(data.title): \(now), \(share) of the way from the baseline of \(phrase(baseline)) to the target of \(phrase(target))"
    }

    static func description(_ data: MeasureData) -> String {
        Kind.allCases.map { kind in
            guard let p = point(data, kind) else { return "\(kind.words): not yet measured." }
            return "\(kind.words): \(Format.value(p.value, unit: data.unit))" + (p.label.map { ", \($0)" } ?? "") + "."
        }.joined(separator: " ")
    }

    static func table(_ data: MeasureData) -> DataTable {
        let rows = Kind.allCases.map { kind in
            [kind.words, point(data, kind).map { Format.value($0.value, unit: data.unit) } ?? StatusLook.noData.words, point(data, kind)?.label ?? ""]
        }
        return DataTable(caption: data.title, columns: [.text("Point"), .number("Value"), .text("When")], rows: rows)
    }
}

extension Drawing {
    mutating func add(contentsOf nodes: [SVGNode]) { marks.append(contentsOf: nodes) }
}
