import Foundation

/// Wraps the YAML decoder so that every number and every URL any model reads is checked as it is
/// decoded, whichever document it belongs to: a number must be finite and within `NumberLimits`,
/// a URL (a value under a key `URLPolicy.isURLKey` names) must pass `URLPolicy`. A failure is a
/// `DecodingError.dataCorrupted` at the value's coding path, which `YAMLReader` reports at the
/// value's line, naming the key.
struct CheckedDecoder: Decoder {
    let base: Decoder

    var codingPath: [CodingKey] { base.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { base.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(CheckedKeyedContainer(base: try base.container(keyedBy: type)))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        CheckedUnkeyedContainer(base: try base.unkeyedContainer())
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer {
        CheckedSingleValueContainer(base: try base.singleValueContainer(), key: base.codingPath.last)
    }

    /// Decodes `T` through the checking decoder.
    struct Checked<T: Decodable>: Decodable {
        let value: T
        init(from decoder: Decoder) throws { value = try T(from: CheckedDecoder(base: decoder)) }
    }

    static func check(_ value: Double, at path: [CodingKey]) throws -> Double {
        if let range = NumberLimits.problem(value) { throw outOfRange(range, path) }
        return value
    }

    static func check(_ value: Int, at path: [CodingKey]) throws -> Int {
        if let range = NumberLimits.problem(value) { throw outOfRange(range, path) }
        return value
    }

    static func check(_ text: String, key: CodingKey?, at path: [CodingKey]) throws -> String {
        guard let key, key.intValue == nil || path.count > 1 else { return text }
        // A list item (`links[2]`) is a URL when its list's key names one.
        let name = key.intValue == nil ? key.stringValue : path[path.count - 2].stringValue
        guard URLPolicy.isURLKey(name) else { return text }
        let problem = name == "base_url" ? URLPolicy.baseURLProblem(text) : URLPolicy.problem(text)
        if let problem {
            throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: URLPolicy.marker + problem))
        }
        return text
    }

    private static func outOfRange(_ range: String, _ path: [CodingKey]) -> DecodingError {
        .dataCorrupted(.init(codingPath: path, debugDescription: NumberLimits.marker + range))
    }
}

private struct CheckedKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let base: KeyedDecodingContainer<Key>

    var codingPath: [CodingKey] { base.codingPath }
    var allKeys: [Key] { base.allKeys }
    func contains(_ key: Key) -> Bool { base.contains(key) }
    func decodeNil(forKey key: Key) throws -> Bool { try base.decodeNil(forKey: key) }

    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try CheckedDecoder.check(base.decode(type, forKey: key), at: codingPath + [key])
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        Float(try CheckedDecoder.check(Double(base.decode(type, forKey: key)), at: codingPath + [key]))
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        try CheckedDecoder.check(base.decode(type, forKey: key), at: codingPath + [key])
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try CheckedDecoder.check(base.decode(type, forKey: key), key: key, at: codingPath + [key])
    }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try base.decode(type, forKey: key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try base.decode(type, forKey: key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try base.decode(type, forKey: key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try base.decode(type, forKey: key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try base.decode(type, forKey: key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try base.decode(type, forKey: key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try base.decode(type, forKey: key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try base.decode(type, forKey: key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try base.decode(type, forKey: key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try base.decode(type, forKey: key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        if T.self == Double.self { return try decode(Double.self, forKey: key) as! T }
        if T.self == Int.self { return try decode(Int.self, forKey: key) as! T }
        if T.self == String.self { return try decode(String.self, forKey: key) as! T }
        return try base.decode(CheckedDecoder.Checked<T>.self, forKey: key).value
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(CheckedKeyedContainer<NestedKey>(base: try base.nestedContainer(keyedBy: type, forKey: key)))
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        CheckedUnkeyedContainer(base: try base.nestedUnkeyedContainer(forKey: key))
    }
    func superDecoder() throws -> Decoder { CheckedDecoder(base: try base.superDecoder()) }
    func superDecoder(forKey key: Key) throws -> Decoder { CheckedDecoder(base: try base.superDecoder(forKey: key)) }
}

private struct CheckedUnkeyedContainer: UnkeyedDecodingContainer {
    var base: UnkeyedDecodingContainer

    var codingPath: [CodingKey] { base.codingPath }
    var count: Int? { base.count }
    var isAtEnd: Bool { base.isAtEnd }
    var currentIndex: Int { base.currentIndex }

    mutating func decodeNil() throws -> Bool { try base.decodeNil() }

    mutating func decode(_ type: Double.Type) throws -> Double {
        let path = codingPath + [ListIndexKey(currentIndex)]
        return try CheckedDecoder.check(base.decode(type), at: path)
    }
    mutating func decode(_ type: Int.Type) throws -> Int {
        let path = codingPath + [ListIndexKey(currentIndex)]
        return try CheckedDecoder.check(base.decode(type), at: path)
    }
    mutating func decode(_ type: String.Type) throws -> String {
        let path = codingPath + [ListIndexKey(currentIndex)]
        return try CheckedDecoder.check(base.decode(type), key: path.last, at: path)
    }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try base.decode(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try base.decode(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try base.decode(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try base.decode(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try base.decode(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try base.decode(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try base.decode(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try base.decode(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try base.decode(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try base.decode(type) }
    mutating func decode(_ type: Float.Type) throws -> Float {
        let path = codingPath + [ListIndexKey(currentIndex)]
        return Float(try CheckedDecoder.check(Double(base.decode(type)), at: path))
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == Double.self { return try decode(Double.self) as! T }
        if T.self == Int.self { return try decode(Int.self) as! T }
        if T.self == String.self { return try decode(String.self) as! T }
        return try base.decode(CheckedDecoder.Checked<T>.self).value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(CheckedKeyedContainer<NestedKey>(base: try base.nestedContainer(keyedBy: type)))
    }
    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        CheckedUnkeyedContainer(base: try base.nestedUnkeyedContainer())
    }
    mutating func superDecoder() throws -> Decoder { CheckedDecoder(base: try base.superDecoder()) }
}

private struct CheckedSingleValueContainer: SingleValueDecodingContainer {
    let base: SingleValueDecodingContainer
    let key: CodingKey?

    var codingPath: [CodingKey] { base.codingPath }
    func decodeNil() -> Bool { base.decodeNil() }
    func decode(_ type: Double.Type) throws -> Double { try CheckedDecoder.check(base.decode(type), at: codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try CheckedDecoder.check(base.decode(type), at: codingPath) }
    func decode(_ type: String.Type) throws -> String { try CheckedDecoder.check(base.decode(type), key: key, at: codingPath) }
    func decode(_ type: Bool.Type) throws -> Bool { try base.decode(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try base.decode(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try base.decode(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try base.decode(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try base.decode(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try base.decode(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try base.decode(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try base.decode(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try base.decode(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try base.decode(type) }
    func decode(_ type: Float.Type) throws -> Float { Float(try CheckedDecoder.check(Double(base.decode(type)), at: codingPath)) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == Double.self { return try decode(Double.self) as! T }
        if T.self == Int.self { return try decode(Int.self) as! T }
        if T.self == String.self { return try decode(String.self) as! T }
        return try base.decode(CheckedDecoder.Checked<T>.self).value
    }
}
