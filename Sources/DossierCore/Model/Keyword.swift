/// A value written as one of a fixed set of words (`status: in-hand`, `unit: percent`).
/// Decoding names the words allowed when the value is not one of them.
public protocol Keyword: RawRepresentable<String>, CaseIterable, Decodable, Sendable, Hashable {}

extension Keyword {
    public init(from decoder: Decoder) throws {
        self = try decoder.decodeText({ Self(rawValue: $0) }, problem: Self.notOneOf)
    }

    /// Why `text` is not one of the words.
    static func notOneOf(_ text: String) -> String {
        "'\(text)' is not one of: \(allCases.map(\.rawValue).joined(separator: ", "))"
    }
}
