/// The range every number read from YAML must fall in. A report's figures are far inside these
/// bounds; beyond them, arithmetic on a value (a chart's scale, a page count, the next issue's
/// number) could overflow or lose every digit, so the value is refused where it is written.
enum NumberLimits {
    /// The largest magnitude of a number with a fraction: 10^15 (a quadrillion).
    static let largest = 1e15
    /// The largest magnitude of a whole number: 10^9 (a thousand million).
    static let largestWhole = 1_000_000_000

    static let numberRange = "a number from -10^15 to 10^15"
    static let wholeRange = "a whole number from -10^9 to 10^9"

    /// Why `value` may not be used, as the end of "'key' must be …", or nil when it is in range.
    static func problem(_ value: Double) -> String? {
        value.isFinite && abs(value) <= largest ? nil : numberRange
    }

    static func problem(_ value: Int) -> String? {
        value.magnitude <= UInt(largestWhole) ? nil : wholeRange
    }

    /// The marker a `DecodingError.dataCorrupted` carries for a number out of range, so
    /// `YAMLReader` can name the key, the range and the text as written.
    static let marker = "number out of range: "
}
