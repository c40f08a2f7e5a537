import Foundation

/// Where a list section is in its list: what `first()`, `last()`, `index()`, `even()` and `odd()` read.
struct ListPosition: Sendable, Equatable {
    var index: Int
    var isFirst: Bool
    var isLast: Bool
}

extension MustacheTransform {
    /// The transform applied to `value`, as swift-mustache 2.1.1 applies it to the Swift value
    /// Dossier gave it; nil when it does not apply to that kind of value.
    func apply(to value: TemplateValue) -> TemplateValue? {
        switch value {
        case let .string(text):
            switch self {
            case .empty: return .bool(text.isEmpty)
            // Foundation's, as swift-mustache's: each word's first letter upper case, the rest lower.
            case .capitalized: return .string(text.capitalized)
            case .lowercased: return .string(text.lowercased())
            case .uppercased: return .string(text.uppercased())
            case .reversed: return .string(String(text.reversed()))
            default: return nil
            }
        case let .list(items):
            switch self {
            case .first: return items.first
            case .last: return items.last
            case .reversed: return .list(items.reversed())
            case .count: return .int(items.count)
            case .empty: return .bool(items.isEmpty)
            case .sorted: return Self.sorted(items)
            default: return nil
            }
        case let .int(number):
            switch self {
            case .equalzero: return .bool(number == 0)
            case .plusone: return .int(number &+ 1)
            case .minusone: return .int(number &- 1)
            case .even: return .bool(number & 1 == 0)
            case .odd: return .bool(number & 1 == 1)
            default: return nil
            }
        // swift-mustache has no transforms for decimals and true/false, and Dossier's objects
        // (its `TemplateObject` class) did not offer any.
        case .double, .bool, .object, .null:
            return nil
        }
    }

    /// The transform applied to the position in the list being rendered: `{{#first()}}`, `{{index()}}`.
    func apply(to position: ListPosition) -> TemplateValue? {
        switch self {
        case .first: .bool(position.isFirst)
        case .last: .bool(position.isLast)
        case .index: .int(position.index)
        case .even: .bool(position.index & 1 == 0)
        case .odd: .bool(position.index & 1 == 1)
        default: nil
        }
    }

    /// swift-mustache sorts arrays whose elements are `Comparable`: a list of only text, only
    /// integers or only decimals. A list of objects or a mixed one cannot be sorted.
    private static func sorted(_ items: [TemplateValue]) -> TemplateValue? {
        var strings: [String] = [], ints: [Int] = [], doubles: [Double] = []
        for item in items {
            switch item {
            case let .string(text) where ints.isEmpty && doubles.isEmpty: strings.append(text)
            case let .int(number) where strings.isEmpty && doubles.isEmpty: ints.append(number)
            case let .double(number) where strings.isEmpty && ints.isEmpty: doubles.append(number)
            default: return nil
            }
        }
        if !strings.isEmpty { return .list(strings.sorted().map(TemplateValue.string)) }
        if !ints.isEmpty { return .list(ints.sorted().map(TemplateValue.int)) }
        return .list(doubles.sorted().map(TemplateValue.double))
    }
}
