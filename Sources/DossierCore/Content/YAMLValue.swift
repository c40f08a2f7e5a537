import Foundation
import Yams

/// Typed values read straight from composed YAML nodes, without Codable. Each reader gives the
/// value, or the `DecodingError`, that Yams' `YAMLDecoder` gives for the same node and type, so
/// `YAMLReader` turns a failure into the same diagnostic whichever way the value was read.
/// `path` is where the node sits, as the decoder's coding path would name it.
enum YAMLValue {
    /// What `decodeIfPresent` reads as absent: a plain `~`, `null` or nothing at all.
    static func isNull(_ node: Node) -> Bool {
        guard case let .scalar(scalar) = node else { return false }
        return NSNull.construct(from: scalar) != nil
    }

    /// The node's value, nil when the key is absent or null (as `decodeIfPresent`).
    static func optional<T>(_ node: Node?, at path: [CodingKey],
                            _ read: (Node, [CodingKey]) throws(DecodingError) -> T) throws(DecodingError) -> T? {
        guard let node, !isNull(node) else { return nil }
        return try read(node, path)
    }

    /// The value of a required key (as `decode(_:forKey:)`); `parent` is the mapping's path.
    static func required<T>(_ node: Node?, key: CodingKey, in parent: [CodingKey],
                            _ read: (Node, [CodingKey]) throws(DecodingError) -> T) throws(DecodingError) -> T {
        guard let node else {
            throw .keyNotFound(key, .init(codingPath: parent,
                                          debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return try read(node, parent + [key])
    }

    static func string(_ node: Node, at path: [CodingKey]) throws(DecodingError) -> String {
        try scalar(node, at: path).string
    }

    /// Yams' own reading of whole numbers: `0x1F`, `0o17`, `1_000` and `1:30` (sexagesimal) included.
    static func int(_ node: Node, at path: [CodingKey]) throws(DecodingError) -> Int {
        let scalar = try scalar(node, at: path)
        guard let value = Int.construct(from: scalar) else { throw mismatch(Int.self, path) }
        guard NumberLimits.problem(value) == nil else {
            throw .dataCorrupted(.init(codingPath: path, debugDescription: NumberLimits.marker + NumberLimits.wholeRange))
        }
        return value
    }

    /// Yams' own reading of numbers, limited to `NumberLimits` (so never NaN or infinite).
    static func double(_ node: Node, at path: [CodingKey]) throws(DecodingError) -> Double {
        let scalar = try scalar(node, at: path)
        guard let value = Double.construct(from: scalar) else { throw mismatch(Double.self, path) }
        guard NumberLimits.problem(value) == nil else {
            throw .dataCorrupted(.init(codingPath: path, debugDescription: NumberLimits.marker + NumberLimits.numberRange))
        }
        return value
    }

    /// Text that a page links to: refused unless `URLPolicy` allows it.
    static func url(_ node: Node, at path: [CodingKey]) throws(DecodingError) -> String {
        let text = try string(node, at: path)
        if let problem = URLPolicy.problem(text) {
            throw .dataCorrupted(.init(codingPath: path, debugDescription: URLPolicy.marker + problem))
        }
        return text
    }

    /// Yams' own reading of true/false: `yes`, `On`, `FALSE`… but not a quoted or `!!str` scalar.
    static func bool(_ node: Node, at path: [CodingKey]) throws(DecodingError) -> Bool {
        let scalar = try scalar(node, at: path)
        guard let value = Bool.construct(from: scalar) else { throw mismatch(Bool.self, path) }
        return value
    }

    static func day(_ node: Node, at path: [CodingKey]) throws(DecodingError) -> Day {
        let text = try string(node, at: path)
        guard let day = Day(iso: text) else { throw .dataCorrupted(.init(codingPath: path, debugDescription: Day.notADate(text))) }
        return day
    }

    static func keyword<Word: Keyword>(_ node: Node, at path: [CodingKey]) throws(DecodingError) -> Word {
        let text = try string(node, at: path)
        guard let word = Word(rawValue: text) else {
            throw .dataCorrupted(.init(codingPath: path, debugDescription: Word.notOneOf(text)))
        }
        return word
    }

    /// A list of text; each item is text, whatever it looks like (`~` included), as `[String]`
    /// decodes. Every item that is not text is recorded in `errors`, as `CheckedDecoder` records
    /// bad list items when gathering errors; then nil.
    static func strings(_ node: Node, at path: [CodingKey], errors: inout [DecodingError]) throws(DecodingError) -> [String]? {
        guard case let .sequence(items) = node else { throw mismatch(Node.Sequence.self, path) }
        var strings: [String] = []
        strings.reserveCapacity(items.count)
        var failed = false
        for (index, item) in items.enumerated() {
            // The item's path is made only for an error: most lists have none.
            guard case let .scalar(scalar) = item else {
                errors.append(mismatch(Node.Scalar.self, path + [ListIndexKey(index)]))
                failed = true
                continue
            }
            strings.append(scalar.string)
        }
        return failed ? nil : strings
    }

    private static func scalar(_ node: Node, at path: [CodingKey]) throws(DecodingError) -> Node.Scalar {
        guard case let .scalar(scalar) = node else { throw mismatch(Node.Scalar.self, path) }
        return scalar
    }

    private static func mismatch(_ expected: Any.Type, _ path: [CodingKey]) -> DecodingError {
        .typeMismatch(expected, .init(codingPath: path, debugDescription: "Expected to decode \(expected)."))
    }
}

/// A position in a YAML list as a coding key, counted from 0 as the decoder counts.
struct ListIndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }

    init(_ index: Int) { intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}
