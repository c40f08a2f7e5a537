/// Text width estimates for a system sans-serif, and fitting labels into a width: wrapping onto
/// at most two lines, or shortening with an ellipsis (the caller keeps the full text for a `<title>`).
///
/// Widths are DejaVu Sans advances (em), the widest of the common system sans-serifs, so labels laid
/// out with them also fit in Segoe UI, San Francisco, Roboto, Helvetica and Arial.
enum TextFit {
    static let ellipsis = "…"

    /// The width of `text` at `size` user units.
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars { ems += advance(scalar, bold: bold) }
        return ems * size
    }

    /// `text` broken at spaces into at most `maxLines` lines no wider than `width`; the last line
    /// ends in an ellipsis when the text does not fit.
    static func wrap(_ text: String, width: Double, size: Double, bold: Bool = false, maxLines: Int = 2) -> Fitted {
        // Break at ordinary spaces only: a no-break space holds its words together.
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).map(String.init)
        guard !words.isEmpty else { return Fitted(lines: [""], shortened: false) }
        var lines: [String] = []
        var current = ""
        for (index, word) in words.enumerated() {
            let candidate = current.isEmpty ? word : current + " " + word
            if self.width(candidate, size: size, bold: bold) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = word
            if lines.count == maxLines - 1 {
                // The last line takes the rest of the text, shortened if it must be.
                let rest = words[index...].joined(separator: " ")
                let last = shorten(rest, width: width, size: size, bold: bold)
                return Fitted(lines: lines + [last], shortened: last != rest)
            }
            if self.width(word, size: size, bold: bold) > width {
                // A single word wider than the line: shorten it, and the label is shortened.
                let short = shorten(word, width: width, size: size, bold: bold)
                let rest = words[(index + 1)...].joined(separator: " ")
                let tail = rest.isEmpty ? [] : [shorten(rest, width: width, size: size, bold: bold)]
                let all = Array((lines + [short] + tail).prefix(maxLines))
                return Fitted(lines: all, shortened: true)
            }
        }
        lines.append(current)
        let normalised = words.joined(separator: " ")
        return Fitted(lines: lines, shortened: lines.joined(separator: " ") != normalised)
    }

    /// `text` on one line no wider than `width`, cut at a character and ended with "…" if needed.
    static func shorten(_ text: String, width: Double, size: Double, bold: Bool = false) -> String {
        if self.width(text, size: size, bold: bold) <= width { return text }
        var kept = Array(text)
        while !kept.isEmpty {
            kept.removeLast()
            while let last = kept.last, last.isWhitespace || last == "," || last == ";" || last == ":" { kept.removeLast() }
            let candidate = String(kept) + ellipsis
            if self.width(candidate, size: size, bold: bold) <= width { return candidate }
        }
        return ellipsis
    }

    struct Fitted: Equatable {
        var lines: [String]
        var shortened: Bool
    }

    // MARK: Advances

    private static func advance(_ scalar: Unicode.Scalar, bold: Bool) -> Double {
        let value = Int(scalar.value)
        if (32...126).contains(value) {
            return (bold ? boldASCII : regularASCII)[value - 32]
        }
        switch value {
        case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: return 0             // combining, zero width
        case 0x00A0: return bold ? 0.348 : 0.318                                    // no-break space
        case 0x2018, 0x2019, 0x00B7: return bold ? 0.380 : 0.318                    // ‘ ’ ·
        case 0x201C, 0x201D: return bold ? 0.657 : 0.518                            // “ ”
        case 0x2013: return 0.5                                                     // –
        case 0x2014, 0x2026: return 1.0                                             // — …
        case 0x2212, 0x00D7, 0x2192: return 0.838                                   // − × →
        case 0x00A3, 0x20AC: return bold ? 0.696 : 0.636                            // £ €
        case 0x1100...0x11FF, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFF00...0xFF60, 0x1F300...0x1FAFF, 0x20000...0x3FFFD: return 1.0      // CJK, emoji
        default: return bold ? 0.74 : 0.68                                          // other letters
        }
    }

    /// DejaVu Sans advances for U+0020…U+007E, in em.
    private static let regularASCII: [Double] = [
        0.318, 0.401, 0.460, 0.838, 0.636, 0.950, 0.780, 0.275, 0.390, 0.390, 0.500, 0.838, 0.318, 0.361, 0.318, 0.337,
        0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.337, 0.337, 0.838, 0.838, 0.838, 0.531,
        1.000, 0.684, 0.686, 0.698, 0.770, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787,
        0.603, 0.787, 0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685, 0.390, 0.337, 0.390, 0.838, 0.500,
        0.500, 0.613, 0.635, 0.550, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612,
        0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525, 0.636, 0.337, 0.636, 0.838,
    ]

    /// DejaVu Sans Bold advances for U+0020…U+007E, in em.
    private static let boldASCII: [Double] = [
        0.348, 0.456, 0.521, 0.838, 0.696, 1.002, 0.872, 0.306, 0.457, 0.457, 0.523, 0.838, 0.380, 0.415, 0.380, 0.365,
        0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.400, 0.400, 0.838, 0.838, 0.838, 0.580,
        1.000, 0.774, 0.762, 0.734, 0.830, 0.683, 0.683, 0.821, 0.837, 0.372, 0.372, 0.775, 0.637, 0.995, 0.837, 0.850,
        0.733, 0.850, 0.770, 0.720, 0.682, 0.812, 0.774, 1.103, 0.771, 0.724, 0.725, 0.457, 0.365, 0.457, 0.838, 0.500,
        0.500, 0.675, 0.716, 0.593, 0.716, 0.678, 0.435, 0.716, 0.712, 0.343, 0.343, 0.665, 0.343, 1.042, 0.712, 0.687,
        0.716, 0.716, 0.493, 0.595, 0.478, 0.712, 0.652, 0.924, 0.645, 0.652, 0.582, 0.712, 0.365, 0.712, 0.838,
    ]
}
