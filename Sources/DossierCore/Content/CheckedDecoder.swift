import Foundation

/// Wraps the YAML decoder so that every number and every URL any model reads is checked as it is
/// decoded, whichever document it belongs to: a number must be finite and within `NumberLimits`,
/// a URL (a value under a key `URLPolicy.isURLKey` names) must pass `URLPolicy`. A failure is a
/// `DecodingError.dataCorrupted` at the value's coding path, which `YAMLReader` reports at the
/// value's line, naming the key.
///
/// With `errors` (a decode run again after a file failed) it also goes past every error it can,
/// recording it there, so that all of a file's bad values are reported at once.
struct CheckedDecoder: Decoder {
    let base: Decoder
    var errors: DecodingErrors?

    var codingPath: [CodingKey] { base.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { base.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(CheckedKeyedContainer(base: try base.container(keyedBy: type), errors: errors))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        CheckedUnkeyedContainer(base: try base.unkeyedContainer(), errors: errors)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer {
        CheckedSingleValueContainer(base: try base.singleValueContainer(), key: base.codingPath.last)
    }

    /// Decodes `T` through the checking decoder; a list item by item when gathering errors.
    struct Checked<T: Decodable>: Decodable {
        let value: T
        init(from decoder: Decoder) throws {
            let errors = DecodingErrors.of(decoder)
            let checked = CheckedDecoder(base: decoder, errors: errors)
            if let errors, let list = T.self as? any ItemwiseDecodable.Type {
                value = try list.decodeItems(from: checked, recordingInto: errors) as! T
            } else {
                value = try T(from: checked)
            }
        }
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

/// A list decoded item by item: when gathering errors, a bad item is recorded and left out, and
/// the items after it are still decoded.
protocol ItemwiseDecodable {
    static func decodeItems(from decoder: Decoder, recordingInto errors: DecodingErrors) throws -> Self
}

extension Array: ItemwiseDecodable where Element: Decodable {
    static func decodeItems(from decoder: Decoder, recordingInto errors: DecodingErrors) throws -> Array {
        var container = try decoder.unkeyedContainer()
        var items: Array = []
        items.reserveCapacity(container.count ?? 0)
        while !container.isAtEnd {
            do {
                items.append(try container.decode(Element.self))
            } catch let error as DecodingError {
                errors.record(error)
                _ = try container.decode(PassedOver.self)
            }
        }
        return items
    }
}

/// Reads nothing: decoding it moves a list past an item that failed.
private struct PassedOver: Decodable {
    init(from decoder: Decoder) {}
}

private struct CheckedKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let base: KeyedDecodingContainer<Key>
    let errors: DecodingErrors?

    /// A required key's value. When gathering errors, a bad or missing one is recorded and its
    /// stand-in given, if its type has one; else the error ends this object.
    private func required<T>(_ read: () throws -> T) throws -> T {
        guard let errors else { return try read() }
        do {
            return try read()
        } catch let error as DecodingError {
            guard let standIn = StandIn.of(T.self) else { throw error }
            errors.record(error)
            return standIn
        }
    }

    /// An optional key's value, as `decodeIfPresent` reads it. When gathering errors, a bad one
    /// is recorded and read as absent.
    private func optional<T>(_ key: Key, _ read: () throws -> T) throws -> T? {
        guard try contains(key) && !decodeNil(forKey: key) else { return nil }
        guard let errors else { return try read() }
        do {
            return try read()
        } catch let error as DecodingError {
            errors.record(error)
            return nil
        }
    }

    var codingPath: [CodingKey] { base.codingPath }
    var allKeys: [Key] { base.allKeys }
    func contains(_ key: Key) -> Bool { base.contains(key) }
    func decodeNil(forKey key: Key) throws -> Bool { try base.decodeNil(forKey: key) }

    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try required { try CheckedDecoder.check(base.decode(type, forKey: key), at: codingPath + [key]) }
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        try required { Float(try CheckedDecoder.check(Double(base.decode(type, forKey: key)), at: codingPath + [key])) }
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        try required { try CheckedDecoder.check(base.decode(type, forKey: key), at: codingPath + [key]) }
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try required { try CheckedDecoder.check(base.decode(type, forKey: key), key: key, at: codingPath + [key]) }
    }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try required { try base.decode(type, forKey: key) } }
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
        return try required { try base.decode(CheckedDecoder.Checked<T>.self, forKey: key).value }
    }

    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optional(key) { try decode(type, forKey: key) } }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try optional(key) { try decode(type, forKey: key) } }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optional(key) { try decode(type, forKey: key) } }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optional(key) { try decode(type, forKey: key) } }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optional(key) { try decode(type, forKey: key) } }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try optional(key) { try decode(type, forKey: key) } }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(CheckedKeyedContainer<NestedKey>(base: try base.nestedContainer(keyedBy: type, forKey: key), errors: errors))
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        CheckedUnkeyedContainer(base: try base.nestedUnkeyedContainer(forKey: key), errors: errors)
    }
    func superDecoder() throws -> Decoder { CheckedDecoder(base: try base.superDecoder(), errors: errors) }
    func superDecoder(forKey key: Key) throws -> Decoder { CheckedDecoder(base: try base.superDecoder(forKey: key), errors: errors) }
}

private struct CheckedUnkeyedContainer: UnkeyedDecodingContainer {
    var base: UnkeyedDecodingContainer
    let errors: DecodingErrors?

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
        KeyedDecodingContainer(CheckedKeyedContainer<NestedKey>(base: try base.nestedContainer(keyedBy: type), errors: errors))
    }
    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        CheckedUnkeyedContainer(base: try base.nestedUnkeyedContainer(), errors: errors)
    }
    mutating func superDecoder() throws -> Decoder { CheckedDecoder(base: try base.superDecoder(), errors: errors) }
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
