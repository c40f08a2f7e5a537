/// Turns a view-model struct into the value templates read. View models are plain `Codable`
/// structs; their synthesised `encode(to:)` drives this encoder, so a field's name in Swift is its
/// name in templates. A `nil` optional becomes `.null`, which Mustache treats as false and which
/// stops a name being looked up in an outer scope (the synthesised code skips nil fields, so the
/// keyed container overrides `encodeIfPresent` to keep them).
enum TemplateEncoder {
    static func value<T: Encodable>(_ model: T) -> TemplateValue {
        if let direct = directValue(model) { return direct }
        let encoder = ValueEncoder()
        // View models are plain data; encoding them cannot fail.
        try! model.encode(to: encoder)
        return encoder.storage.value
    }

    /// Scalars and strings without building a container.
    @inline(__always)
    fileprivate static func directValue<T: Encodable>(_ model: T) -> TemplateValue? {
        switch model {
        case let string as String: return .string(string)
        case let int as Int: return .int(int)
        case let bool as Bool: return .bool(bool)
        case let double as Double: return .double(double)
        case let encoded as any PreencodedValue: return encoded.templateValue
        default: return nil
        }
    }
}

/// A value encoded already, taken as it is.
private protocol PreencodedValue { var templateValue: TemplateValue { get } }
extension Encoded: PreencodedValue { var templateValue: TemplateValue { value } }

/// A value being built: a mapping or a list filled in place, or a finished value.
private final class Storage {
    enum Kind { case empty, object([String: TemplateValue]), list([TemplateValue]), value(TemplateValue) }
    var kind: Kind = .empty

    var value: TemplateValue {
        switch kind {
        case .empty: return .null
        case let .object(fields): return .object(TemplateValue.Object(fields))
        case let .list(items): return .list(items)
        case let .value(value): return value
        }
    }
}

private final class ValueEncoder: Encoder {
    let storage = Storage()
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .empty = storage.kind { storage.kind = .object(Dictionary(minimumCapacity: 16)) }
        return KeyedEncodingContainer(KeyedContainer<Key>(storage: storage))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .empty = storage.kind { storage.kind = .list([]) }
        return ListContainer(storage: storage)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleContainer(storage: storage) }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: Storage
    var codingPath: [CodingKey] { [] }

    private func set(_ value: TemplateValue, _ key: Key) {
        guard case var .object(fields) = storage.kind else { return }
        storage.kind = .empty
        fields[key.stringValue] = value
        storage.kind = .object(fields)
    }

    mutating func encodeNil(forKey key: Key) { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) { set(.string(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) { set(.int(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) { set(.double(value), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { set(TemplateEncoder.value(value), key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) { set(value.map(TemplateValue.bool) ?? .null, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) { set(value.map(TemplateValue.string) ?? .null, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) { set(value.map(TemplateValue.int) ?? .null, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) { set(value.map(TemplateValue.double) ?? .null, key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) { set(value.map(TemplateEncoder.value) ?? .null, key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        fatalError("view models nest other view models, not containers")
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        fatalError("view models nest other view models, not containers")
    }
    mutating func superEncoder() -> Encoder { fatalError("view models have no superclass") }
    mutating func superEncoder(forKey key: Key) -> Encoder { fatalError("view models have no superclass") }
}

private struct ListContainer: UnkeyedEncodingContainer {
    let storage: Storage
    var codingPath: [CodingKey] { [] }
    var count: Int {
        if case let .list(items) = storage.kind { return items.count }
        return 0
    }

    private func append(_ value: TemplateValue) {
        guard case var .list(items) = storage.kind else { return }
        storage.kind = .empty
        items.append(value)
        storage.kind = .list(items)
    }

    mutating func encodeNil() { append(.null) }
    mutating func encode(_ value: Bool) { append(.bool(value)) }
    mutating func encode(_ value: String) { append(.string(value)) }
    mutating func encode(_ value: Int) { append(.int(value)) }
    mutating func encode(_ value: Double) { append(.double(value)) }
    mutating func encode<T: Encodable>(_ value: T) { append(TemplateEncoder.value(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        fatalError("view models nest other view models, not containers")
    }
    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { fatalError("view models nest other view models, not containers") }
    mutating func superEncoder() -> Encoder { fatalError("view models have no superclass") }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let storage: Storage
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil() { storage.kind = .value(.null) }
    mutating func encode(_ value: Bool) { storage.kind = .value(.bool(value)) }
    mutating func encode(_ value: String) { storage.kind = .value(.string(value)) }
    mutating func encode(_ value: Int) { storage.kind = .value(.int(value)) }
    mutating func encode(_ value: Double) { storage.kind = .value(.double(value)) }
    mutating func encode<T: Encodable>(_ value: T) { storage.kind = .value(TemplateEncoder.value(value)) }
}

/// A view model encoded once and placed, as it is, in many pages' contexts: a page's list entry
/// appears on its section's list, its tags' pages and the home page; the site's settings on every
/// page. Its shape is its model's.
struct Encoded<Model: Codable & Sendable>: Codable, Sendable, Equatable {
    let value: TemplateValue

    init(_ model: Model) { value = TemplateEncoder.value(model) }
    init(value: TemplateValue) { self.value = value }

    init(from decoder: Decoder) throws {
        _ = try Model(from: decoder)
        value = .null
    }

    /// Only `TemplateEncoder` encodes view models, and it takes the value without calling this.
    func encode(to encoder: Encoder) throws {
        preconditionFailure("Encoded values are read by TemplateEncoder directly")
    }
}
