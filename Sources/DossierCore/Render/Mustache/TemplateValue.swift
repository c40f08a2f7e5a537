/// The data a template reads: text, numbers, true/false, lists and objects of named values.
///
/// `.null` is an absent optional. It is false in a section, renders as nothing, and, because a
/// frame that holds the name *has* it, it stops the look-up from reaching outer frames.
enum TemplateValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([TemplateValue])
    case object(Object)

    /// Named values; a class so that a page's context and its lists share one copy of each object.
    final class Object: Sendable, Equatable {
        let fields: [String: TemplateValue]

        init(_ fields: [String: TemplateValue]) {
            self.fields = fields
        }

        subscript(name: String) -> TemplateValue? { fields[name] }

        static func == (lhs: Object, rhs: Object) -> Bool {
            lhs === rhs || lhs.fields == rhs.fields
        }
    }

    /// An object value made from `fields`.
    static func object(_ fields: [String: TemplateValue]) -> TemplateValue {
        .object(Object(fields))
    }

    /// `value`, or `.null` when it is absent.
    static func optional(_ value: String?) -> TemplateValue {
        value.map(TemplateValue.string) ?? .null
    }

    /// `value`, or `.null` when it is absent.
    static func optional(_ value: TemplateValue?) -> TemplateValue {
        value ?? .null
    }

    /// The value of `name` in this object; nil when this is not an object or has no such name.
    subscript(name: String) -> TemplateValue? {
        if case let .object(object) = self { return object.fields[name] }
        return nil
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(floatLiteral value: Double) { self = .double(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    init(nilLiteral: ()) { self = .null }

    /// A later duplicate key replaces an earlier one.
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Object(Dictionary(elements, uniquingKeysWith: { _, last in last })))
    }
}
