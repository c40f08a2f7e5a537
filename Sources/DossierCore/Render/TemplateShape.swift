/// The shape of the data a template may use: which names exist and what they hold.
/// The template checker walks templates against it, so a misspelt variable is an error, not a blank.
indirect enum TemplateShape: Sendable {
    /// Text, a number, true/false or pre-rendered HTML.
    case value
    case object([String: TemplateShape])
    case list(TemplateShape)

    var fields: [String: TemplateShape]? {
        if case let .object(fields) = self { return fields }
        return nil
    }
}

extension TemplateShape {
    /// Where `value` differs from this shape: missing or extra names, a list where an object
    /// belongs. Absent optional values (`.null`) match anything.
    func mismatches(in value: TemplateValue, path: String = "") -> [String] {
        switch (self, value) {
        case (_, .null):
            return []
        case (.value, .object), (.value, .list):
            return ["\(path.isEmpty ? "." : path) should be a single value"]
        case (.value, _):
            return []
        case let (.object(fields), .object(object)):
            let prefix = path.isEmpty ? "" : path + "."
            var found = Set(object.fields.keys).subtracting(fields.keys).sorted().map { "\(prefix)\($0) is not in the shape" }
            for (name, shape) in fields.sorted(by: { $0.key < $1.key }) {
                guard let child = object.fields[name] else {
                    found.append("\(prefix)\(name) is missing")
                    continue
                }
                found += shape.mismatches(in: child, path: prefix + name)
            }
            return found
        case (.object, _):
            return ["\(path) should be an object"]
        case let (.list(element), .list(items)):
            return items.enumerated().flatMap { element.mismatches(in: $1, path: "\(path)[\($0)]") }
        case (.list, _):
            return ["\(path) should be a list"]
        }
    }
}
