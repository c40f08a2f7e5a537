/// Reads a view model's shape from its type: the synthesised `init(from:)` asks for every field by
/// name and type, which tells which names a template may use and what each holds. So the shape
/// the template checker uses can never drift from the data the renderer gives.
extension TemplateShape {
    static func of<T: Decodable>(_ type: T.Type) -> TemplateShape {
        if let direct = directShape(type) { return direct }
        let probe = ShapeDecoder()
        // The probe answers every question with a placeholder, so decoding cannot fail.
        _ = try! T(from: probe)
        return probe.recorded.shape
    }

    fileprivate static func directShape<T>(_ type: T.Type) -> TemplateShape? {
        if type == String.self || type == Int.self || type == Bool.self || type == Double.self {
            return .value
        }
        return nil
    }
}

/// What a probed type asked for.
private final class Recording {
    enum Kind { case unknown, object([String: TemplateShape]), list(TemplateShape?), value }
    var kind: Kind = .unknown

    var shape: TemplateShape {
        switch kind {
        case .unknown, .value: return .value
        case let .object(fields): return .object(fields)
        case let .list(element): return .list(element ?? .value)
        }
    }
}

private final class ShapeDecoder: Decoder {
    let recorded = Recording()
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
        if case .unknown = recorded.kind { recorded.kind = .object([:]) }
        return KeyedDecodingContainer(ShapeKeyedContainer<Key>(recorded: recorded))
    }

    func unkeyedContainer() -> UnkeyedDecodingContainer {
        if case .unknown = recorded.kind { recorded.kind = .list(nil) }
        return ShapeListContainer(recorded: recorded)
    }

    func singleValueContainer() -> SingleValueDecodingContainer {
        recorded.kind = .value
        return ShapeSingleContainer()
    }
}

/// A placeholder of any decodable type, and its shape.
private func probe<T: Decodable>(_ type: T.Type) -> (T, TemplateShape) {
    if type == String.self { return ("" as! T, .value) }
    if type == Int.self { return (0 as! T, .value) }
    if type == Bool.self { return (false as! T, .value) }
    if type == Double.self { return (0.0 as! T, .value) }
    let decoder = ShapeDecoder()
    let value = try! T(from: decoder)
    return (value, decoder.recorded.shape)
}

private struct ShapeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let recorded: Recording
    var codingPath: [CodingKey] { [] }
    var allKeys: [Key] { [] }

    private func record(_ key: Key, _ shape: TemplateShape) {
        guard case var .object(fields) = recorded.kind else { return }
        fields[key.stringValue] = shape
        recorded.kind = .object(fields)
    }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let (value, shape) = probe(type)
        record(key, shape)
        return value
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        record(key, probe(type).1)
        return nil
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        fatalError("view models nest other view models, not containers")
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        fatalError("view models nest other view models, not containers")
    }
    func superDecoder() throws -> Decoder { fatalError("view models have no superclass") }
    func superDecoder(forKey key: Key) throws -> Decoder { fatalError("view models have no superclass") }
}

/// Offers one element, to learn the element's shape, then ends.
private struct ShapeListContainer: UnkeyedDecodingContainer {
    let recorded: Recording
    var codingPath: [CodingKey] { [] }
    var count: Int? { 1 }
    var currentIndex = 0
    var isAtEnd: Bool { currentIndex > 0 }

    init(recorded: Recording) { self.recorded = recorded }

    mutating func decodeNil() throws -> Bool { false }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, shape) = probe(type)
        recorded.kind = .list(shape)
        currentIndex += 1
        return value
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        fatalError("view models nest other view models, not containers")
    }
    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer { fatalError("view models nest other view models, not containers") }
    mutating func superDecoder() throws -> Decoder { fatalError("view models have no superclass") }
}

private struct ShapeSingleContainer: SingleValueDecodingContainer {
    var codingPath: [CodingKey] { [] }
    func decodeNil() -> Bool { false }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { probe(type).0 }
}
