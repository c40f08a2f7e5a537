/// A value written as one of a fixed set of words (`status: in-hand`, `unit: percent`).
/// Decoding names the words allowed when the value is not one of them.
public protocol Keyword: RawRepresentable<String>, CaseIterable, Decodable, Sendable, Hashable {}

extension Keyword {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: Self.notOneOf(text))
        }
        self = value
    }

    /// Why `text` is not one of the words.
    static func notOneOf(_ text: String) -> String {
        "'\(text)' is not one of: \(allCases.map(\.rawValue).joined(separator: ", "))"
    }
}
