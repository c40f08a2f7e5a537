import Foundation
import Mustache
@testable import DossierCore

/// Helpers shared by the Mustache tests.
enum MustacheTesting {
    static let specFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "MustacheSpec")

    /// JSON as template data: integers as `.int`, other numbers as `.double`, null as `.null`.
    struct JSONValue: Decodable {
        let value: TemplateValue

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                value = .null
            } else if let flag = try? container.decode(Bool.self) {
                value = .bool(flag)
            } else if let number = try? container.decode(Int.self) {
                value = .int(number)
            } else if let number = try? container.decode(Double.self) {
                value = .double(number)
            } else if let text = try? container.decode(String.self) {
                value = .string(text)
            } else if let items = try? container.decode([JSONValue].self) {
                value = .list(items.map(\.value))
            } else {
                value = .object(try container.decode([String: JSONValue].self).mapValues(\.value))
            }
        }
    }

    /// The same data as swift-mustache gets it from Dossier today: objects as Dossier's
    /// `TemplateObject` class, null as `NSNull`, lists as arrays (typed when all their items are
    /// text, integers or decimals, as a Swift `[String]` would be).
    static func swiftValue(_ value: TemplateValue, objectsAsDictionaries: Bool = false) -> Any {
        switch value {
        case .null: return NSNull()
        case let .bool(flag): return flag
        case let .int(number): return number
        case let .double(number): return number
        case let .string(text): return text
        case let .list(items):
            let strings = items.compactMap { item -> String? in if case let .string(text) = item { return text }; return nil }
            let ints = items.compactMap { item -> Int? in if case let .int(number) = item { return number }; return nil }
            let doubles = items.compactMap { item -> Double? in if case let .double(number) = item { return number }; return nil }
            if !items.isEmpty, strings.count == items.count { return strings }
            if !items.isEmpty, ints.count == items.count { return ints }
            if !items.isEmpty, doubles.count == items.count { return doubles }
            return items.map { swiftValue($0, objectsAsDictionaries: objectsAsDictionaries) }
        case let .object(object):
            let fields = object.fields.mapValues { swiftValue($0, objectsAsDictionaries: objectsAsDictionaries) }
            return objectsAsDictionaries ? fields as Any : ParentObject(fields) as Any
        }
    }

    /// A library of both engines holding the same templates.
    struct Pair {
        var ours = TemplateLibrary()
        var theirs = MustacheLibrary()

        init(_ templates: [String: String]) throws {
            for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
                try ours.add(text, named: name)
                theirs.register(try Mustache.MustacheTemplate(string: text), named: name)
            }
        }

        func render(_ name: String, _ context: TemplateValue, objectsAsDictionaries: Bool = false) -> (ours: String, theirs: String) {
            (ours.renderText(name, context: context),
             theirs.render(MustacheTesting.swiftValue(context, objectsAsDictionaries: objectsAsDictionaries), withTemplate: name) ?? "<no template>")
        }
    }
}

/// Named values as swift-mustache looks them up (`MustacheParent`), the way Dossier gave it its
/// data before it had its own engine.
final class ParentObject: MustacheParent, @unchecked Sendable {
    let fields: [String: Any]
    init(_ fields: [String: Any]) { self.fields = fields }
    func child(named name: String) -> Any? { fields[name] }
}
