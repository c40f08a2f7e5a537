import Mustache

/// A mapping of names to values for templates. swift-mustache looks values up through
/// `MustacheParent`; a final class conforms without the conditional-conformance check that a
/// `[String: Any]` costs on every lookup, which dominates the rendering of long lists.
final class TemplateObject: MustacheParent, @unchecked Sendable {
    let fields: [String: Any]

    init(_ fields: [String: Any]) {
        self.fields = fields
    }

    func child(named name: String) -> Any? { fields[name] }
}
