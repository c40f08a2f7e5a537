/// The line above a bar: the row's label on the left and a note (a status in words, counts) on the
/// right, beside it when both fit and under it when they do not. A chart decides once for all its
/// rows (`besideFits`), so the notes line up.
struct RowHeader {
    var labels: [Label] = []
    var swatch: Rect?
    var height: Double

    private static let gap = 12.0

    private static func noteWidth(_ note: String, swatch: Bool) -> Double {
        TextFit.width(note, size: Metrics.smallSize) + (swatch ? Metrics.swatch + 6 : 0)
    }

    /// True when the label fits beside the note: on one line, or on two when that leaves it at
    /// least 40% of the width (a narrower column of wrapped words reads badly).
    static func besideFits(label: String, note: String?, swatch: Bool, width: Double, maxLines: Int = 2) -> Bool {
        guard let note, !note.isEmpty else { return true }
        let beside = width - noteWidth(note, swatch: swatch) - gap
        if TextFit.width(label, size: Metrics.labelSize) <= beside { return true }
        return beside >= width * 0.4 && !TextFit.wrap(label, width: beside, size: Metrics.labelSize, maxLines: maxLines).shortened
    }

    static func layout(label: String, note: String?, swatch: Bool, beside: Bool, top: Double, left: Double, right: Double,
                       maxLines: Int = 2) -> RowHeader {
        let labelSize = Metrics.labelSize, noteSize = Metrics.smallSize
        let full = right - left
        guard let note, !note.isEmpty else {
            let text = Label.fitted(label, width: full, maxLines: maxLines, x: left, top: top, size: labelSize, halo: true)
            return RowHeader(labels: [text], height: text.height)
        }
        let swatchRoom = swatch ? Metrics.swatch + 6 : 0
        let noteWidth = min(noteWidth(note, swatch: swatch), full)
        let text: Label
        let noteTop: Double
        let noteLeft: Double
        if beside {
            text = Label.fitted(label, width: full - noteWidth - gap, maxLines: maxLines, x: left, top: top, size: labelSize, halo: true)
            noteTop = top + (Label.lineHeight(labelSize) - Label.lineHeight(noteSize)) / 2
            noteLeft = right - noteWidth
        } else {
            text = Label.fitted(label, width: full, maxLines: maxLines, x: left, top: top, size: labelSize, halo: true)
            noteTop = text.bottom
            noteLeft = left
        }
        let noteLabel = Label.fitted(note, width: full - swatchRoom, maxLines: beside ? 1 : 2, x: noteLeft + swatchRoom,
                                     top: noteTop, size: noteSize, halo: true)
        let lineHeight = Label.lineHeight(noteSize)
        let box = swatch ? Rect(x: noteLeft, y: noteTop + (lineHeight - Metrics.swatch) / 2,
                                width: Metrics.swatch, height: Metrics.swatch) : nil
        let height = max(text.bottom, noteLabel.bottom) - top
        return RowHeader(labels: [text, noteLabel], swatch: box, height: height)
    }
}
