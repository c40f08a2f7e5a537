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
    /// belongs. Absent optional values (`NSNull`) match anything.
    func mismatches(in value: Any, path: String = "") -> [String] {
        if value is NSNull { return [] }
        switch self {
        case .value:
            return value is TemplateObject || value is [Any] ? ["\(path.isEmpty ? "." : path) should be a single value"] : []
        case let .object(fields):
            guard let object = value as? TemplateObject else { return ["\(path) should be an object"] }
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
        case let .list(element):
            guard let items = value as? [Any] else { return ["\(path) should be a list"] }
            return items.enumerated().flatMap { element.mismatches(in: $1, path: "\(path)[\($0)]") }
        }
    }
}

import Foundation
