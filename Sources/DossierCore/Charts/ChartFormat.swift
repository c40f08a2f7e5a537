/// Chart additions to `Format`: SVG coordinates, shares of a whole, and words inside sentences.
extension Format {
    /// A number for SVG markup: rounded to two decimals and trimmed, ASCII minus, no grouping,
    /// no exponent and never "-0", so output is byte-for-byte stable.
    static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = (min(max(value, -1e9), 1e9) * 100).rounded()
        guard hundredths != 0 else { return "0" }
        let magnitude = Int(abs(hundredths))
        var text = String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
        }
        return hundredths < 0 ? "-" + text : text
    }

    /// A part's share of a whole in whole per cent: "73%". A share that is not the whole never
    /// reads "100%", and a share that is not nothing never reads "0%" ("<1%" instead).
    static func share(_ part: Double, of whole: Double) -> String {
        guard whole > 0, part.isChartValue, whole.isChartValue else { return "0%" }
        let exact = part / whole * 100
        var rounded = exact.rounded()
        if rounded >= 100 && part < whole { rounded = 99 }
        if rounded <= 0 && part > 0 { return "<1%" }
        return number(rounded) + "%"
    }

    /// A label inside a sentence: "In hand" → "in hand", but "ICT" and "Q3" stay as written.
    static func inSentence(_ words: String) -> String {
        guard let first = words.first, first.isUppercase else { return words }
        let second = words.dropFirst().first
        if let second, !second.isLowercase { return words }
        return first.lowercased() + words.dropFirst()
    }

    /// "3 of 4", "1 stage", "7 stages".
    static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(grouped(n)) \(n == 1 ? singular : plural)"
    }
}

extension Double {
    /// A value a chart can draw and write: a number, and small enough for `Format` (under 10¹³).
    /// Anything else counts as missing.
    var isChartValue: Bool { isFinite && magnitude < 1e13 }
}
