import Yams

/// The keys a YAML mapping may hold, and the schemas of the mappings nested under some of them.
struct KeySchema: Sendable {
    let keys: [String]
    let nested: [String: KeySchema]

    init<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type, nested: [String: KeySchema] = [:]) {
        self.init(keys: Keys.allCases.map(\.stringValue), nested: nested)
    }

    init(keys: [String], nested: [String: KeySchema] = [:]) {
        self.keys = keys
        self.nested = nested
    }

    /// Both schemas' keys: the common front matter plus a document kind's.
    func adding(_ other: KeySchema) -> KeySchema {
        KeySchema(keys: keys + other.keys.filter { !keys.contains($0) }, nested: nested.merging(other.nested) { a, _ in a })
    }
}

/// A model decoded from YAML whose unknown keys are errors, not silently ignored.
protocol StrictDecodable: Decodable {
    static var keySchema: KeySchema { get }
}

/// YAML text and where it sits in its file, so every error can name the file's own line.
struct YAMLSource {
    var text: String
    var file: String
    /// Lines of the file before the YAML's first line (1 for front matter after its `---` fence).
    var lineOffset: Int = 0
    /// Columns of the file before the YAML's own column 1: the indentation of a chart block inside
    /// Markdown held in a block scalar (a newsletter article's `body: |`).
    var columnOffset: Int = 0
    /// What the document is called in messages ("front matter", "site configuration").
    var role: String
    /// No longer read: true/false values decode without tag patterns (see `YAMLReader.resolver`).
    var hasBooleans = true
}

/// A decoded model and where each of its values sits, for errors found after decoding.
struct Located<Value> {
    var value: Value
    var file: String
    /// Where each value is written, by path (`navigation[1].link`).
    var locations: ValueLocations

    /// Where the value at `path` is written, or the start of the document.
    func location(of path: String) -> SourceLocation {
        locations[path] ?? locations[""] ?? SourceLocation(file: file)
    }
}

enum YAMLReader {
    /// No tag patterns, which typed models do not need: Yams reads numbers, null and dates from a
    /// scalar's text, and true/false from the text of any scalar not tagged str (as quoted ones and
    /// `!!str` are); nothing resolves a value's tag before it is decoded. Each pattern would be an
    /// NSRegularExpression run on every key as it is composed (duplicates are found by hashing keys
    /// with their resolved tags) and looked up. So keys differ by text alone: `yes:` is `"yes":`.
    private static let resolver = Resolver.basic
    /// Made once: `Constructor.default` builds its three tables anew on every use. Nothing
    /// changes a constructor after it is made, so threads can share it.
    nonisolated(unsafe) private static let constructor = Constructor.default
    /// Made once: creating a decoder reads the process environment (for YAMS_DEFAULT_ENCODING).
    /// Decoding only reads its options, so threads can share it.
    nonisolated(unsafe) private static let decoder = YAMLDecoder(encoding: .utf8)
    /// Decodes `T`, reporting YAML syntax errors, unknown keys and wrong types with their file positions.
    static func decode<T: StrictDecodable>(_ type: T.Type, from source: YAMLSource) -> Result<Located<T>, DiagnosticList> {
        compose(source, expecting: T.self).flatMap { node in
            let unknown = unknownKeys(in: node, schema: T.keySchema, source: source, path: "")
            switch decode(T.self, from: node, source: source) {
            case let .success(value) where unknown.isEmpty:
                return .success(Located(value: value, file: source.file, locations: locations(in: node, source: source)))
            case .success:
                return .failure(DiagnosticList(unknown))
            case let .failure(problems):
                return .failure(DiagnosticList(unknown + problems.items))
            }
        }
    }

    /// Parses the YAML into a node tree, which must be a mapping.
    static func compose<T: StrictDecodable>(_ source: YAMLSource, expecting type: T.Type) -> Result<Node, DiagnosticList> {
        if YAMLExpansion.needsScan(source.text), let problem = YAMLExpansion.scan(source.text) {
            return .failure(DiagnosticList([expansionError(problem, source)]))
        }
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: source.text, resolver, constructor, .utf8) else {
                return .failure(DiagnosticList([emptyDocument(T.self, source)]))
            }
            node = composed
        } catch {
            return .failure(DiagnosticList([syntaxError(error, source)]))
        }
        guard case .mapping = node else {
            return .failure(DiagnosticList([.error("\(source.role) must be a mapping of keys to values",
                                                   at: location(of: node, in: source),
                                                   hint: "write one `key: value` per line")]))
        }
        return .success(node)
    }

    /// Decodes a model from an already composed node; other keys in the mapping are ignored.
    /// A model that fails is decoded again gathering its errors, so that every bad value is
    /// reported, in the order they are written; a valid one is decoded once, at no extra cost.
    static func decode<T: Decodable>(_ type: T.Type, from node: Node, source: YAMLSource) -> Result<T, DiagnosticList> {
        do {
            return .success(try decoder.decode(CheckedDecoder.Checked<T>.self, from: node).value)
        } catch let error as DecodingError {
            let errors = allErrors(T.self, from: node, first: error)
            return .failure(DiagnosticList(errors.map { decodingError($0, root: node, source: source) }.sortedForReport()))
        } catch {
            return .failure(DiagnosticList([.error("\(error)", at: location(of: node, in: source))]))
        }
    }

    /// Every error of a model that failed with `first`: those gathered on the way, and the one
    /// that ended the decode, if one did.
    private static func allErrors<T: Decodable>(_ type: T.Type, from node: Node, first: DecodingError) -> [DecodingError] {
        let gathered = DecodingErrors()
        do {
            _ = try decoder.decode(CheckedDecoder.Checked<T>.self, from: node, userInfo: [DecodingErrors.userInfoKey: gathered])
        } catch let error as DecodingError {
            gathered.record(error)
        } catch {}
        return gathered.errors.isEmpty ? [first] : gathered.errors
    }

    /// Reads a model from an already composed node without Codable (see `FrontMatterFields`);
    /// its errors, all recorded by `read`, are described as `decode`'s would be.
    static func read<T>(from node: Node, source: YAMLSource,
                        _ read: (inout [DecodingError]) -> T?) -> Result<T, DiagnosticList> {
        var errors: [DecodingError] = []
        if let value = read(&errors), errors.isEmpty { return .success(value) }
        return .failure(DiagnosticList(errors.map { decodingError($0, root: node, source: source) }.sortedForReport()))
    }

    static func locations(in node: Node, source: YAMLSource) -> ValueLocations {
        ValueLocations(node, source: source)
    }

    private static func emptyDocument<T: StrictDecodable>(_ type: T.Type, _ source: YAMLSource) -> Diagnostic {
        let required = T.keySchema.keys.first ?? "title"
        return .error("\(source.role) is empty", at: SourceLocation(file: source.file, line: source.lineOffset + 1),
                      hint: "add at least `\(required): …`")
    }

    private static func syntaxError(_ error: Error, _ source: YAMLSource) -> Diagnostic {
        let at = { (mark: Mark) in
            SourceLocation(file: source.file, line: source.lineOffset + mark.line, column: source.columnOffset + mark.column)
        }
        switch error as? YamlError {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return .error("YAML syntax error in \(source.role): \(detail)", at: at(mark),
                          hint: "quote values that contain ': ' or start with a special character")
        case let .duplicatedKeysInMapping(duplicates, context):
            if case let .duplicateKey(key, line, column)? = YAMLExpansion.scan(source.text, findDuplicates: true) {
                return .error("duplicate key '\(key)' in \(source.role)",
                              at: SourceLocation(file: source.file, line: source.lineOffset + line, column: column),
                              hint: "each key may appear once; remove this one or the first")
            }
            return .error("duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in \(source.role)",
                          at: at(context.mark), hint: "each key may appear once")
        default:
            return .error("cannot read \(source.role): \(error)", at: SourceLocation(file: source.file, line: source.lineOffset + 1))
        }
    }

    private static func expansionError(_ problem: YAMLExpansion.Problem, _ source: YAMLSource) -> Diagnostic {
        switch problem {
        case let .expansion(message, line, column), let .duplicateKey(message, line, column):
            return .error("\(source.role): \(message)",
                          at: SourceLocation(file: source.file, line: source.lineOffset + line, column: column),
                          hint: "Dossier limits one file to \(YAMLExpansion.grouped(YAMLExpansion.maximumAliases)) aliases standing for at most "
                              + "\(YAMLExpansion.grouped(YAMLExpansion.maximumAliasedValues)) values and "
                              + "\(YAMLExpansion.grouped(YAMLExpansion.maximumAliasedBytes)) characters, "
                              + "nested at most \(YAMLExpansion.maximumDepth) deep; write the values out instead")
        }
    }

    static func unknownKeys(in node: Node, schema: KeySchema, source: YAMLSource, path: String) -> [Diagnostic] {
        guard case let .mapping(mapping) = node else { return [] }
        var found: [Diagnostic] = []
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? "\(keyNode)"
            guard schema.keys.contains(key) else {
                var hint = "expected one of: \(schema.keys.joined(separator: ", "))"
                if let near = Suggestion.nearest(to: key, in: schema.keys) { hint = "did you mean '\(near)'? " + hint }
                found.append(.error("unknown key '\(path)\(key)' in \(source.role)",
                                    at: location(of: keyNode, in: source), hint: hint))
                continue
            }
            guard let nested = schema.nested[key] else { continue }
            switch value {
            case .mapping:
                found += unknownKeys(in: value, schema: nested, source: source, path: "\(path)\(key).")
            case let .sequence(items):
                for (index, item) in items.enumerated() {
                    found += unknownKeys(in: item, schema: nested, source: source, path: "\(path)\(key)[\(index + 1)].")
                }
            default: break
            }
        }
        return found
    }

    private static func decodingError(_ error: DecodingError, root: Node, source: YAMLSource) -> Diagnostic {
        switch error {
        case let .typeMismatch(type, context):
            let node = self.node(at: context.codingPath, in: root)
            return .error("'\(keyPath(context.codingPath))' must be \(describe(type)), found \(describe(node))",
                          at: location(of: node, in: source), hint: hint(for: type))
        case let .valueNotFound(type, context):
            let node = self.node(at: context.codingPath, in: root)
            return .error("'\(keyPath(context.codingPath))' needs a value (\(describe(type)))",
                          at: location(of: node, in: source))
        case let .keyNotFound(key, context):
            let node = self.node(at: context.codingPath, in: root)
            let missing = keyPath(context.codingPath + [key])
            return .error("missing required key '\(missing)' in \(source.role)", at: location(of: node, in: source),
                          hint: "add `\(key.stringValue): …`")
        case let .dataCorrupted(context):
            let node = self.node(at: context.codingPath, in: root)
            if context.debugDescription.hasPrefix(NumberLimits.marker) {
                let range = context.debugDescription.dropFirst(NumberLimits.marker.count)
                return .error("'\(keyPath(context.codingPath))' must be \(range), found \(describe(node))",
                              at: location(of: node, in: source))
            }
            if context.debugDescription.hasPrefix(URLPolicy.marker) {
                let problem = context.debugDescription.dropFirst(URLPolicy.marker.count)
                let isBase = context.codingPath.last?.stringValue == "base_url"
                return .error("'\(keyPath(context.codingPath))' \(problem)", at: location(of: node, in: source),
                              hint: isBase ? "write the address the site is published at, e.g. https://intranet.example.gov.uk/ict/ or /ict/"
                                  : "write an https:// address, a mailto: address, or a path inside the site")
            }
            var hint: String?
            if context.debugDescription.hasSuffix("is not a date") {
                // Keys typed as a day: say which keys also take a month, as the author may have written one.
                hint = "write dates as YYYY-MM-DD, for example 2007-01-29 (`\(context.codingPath.last?.stringValue ?? "date")` takes a day; `due`, `start` and `end` also take a month, YYYY-MM)"
            } else if context.debugDescription.hasSuffix("is not a date or a month") {
                hint = "write a day as YYYY-MM-DD (2003-07-31) or a month as YYYY-MM (2003-07)"
            }
            return .error("'\(keyPath(context.codingPath))': \(context.debugDescription)",
                          at: location(of: node, in: source), hint: hint)
        @unknown default:
            return .error("\(error)", at: location(of: root, in: source))
        }
    }

    /// The deepest node that `path` reaches; where a key is missing, its parent mapping.
    private static func node(at path: [CodingKey], in root: Node) -> Node {
        var current = root
        for key in path {
            if let index = key.intValue, case let .sequence(items) = current, items.indices.contains(index) {
                current = items[index]
            } else if case let .mapping(mapping) = current, let child = mapping[key.stringValue] {
                current = child
            } else {
                break
            }
        }
        return current
    }

    static func location(of node: Node, in source: YAMLSource) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: source.file, line: source.lineOffset + (mark?.line ?? 1), column: source.columnOffset + (mark?.column ?? 1))
    }

    private static func keyPath(_ path: [CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue { text += "[\(index + 1)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
        return text
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is Day.Type: return "a date"
        case is [String].Type: return "a list of text"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") || name.hasPrefix("Sequence") { return "a list" }
            if name.hasPrefix("Mapping") || name.hasPrefix("Dictionary") { return "a mapping of keys to values" }
            if name.hasPrefix("Scalar") { return "a single value" }
            return "a mapping of keys to values"
        }
    }

    private static func describe(_ node: Node) -> String {
        switch node {
        case let .scalar(scalar): return "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    private static func hint(for type: Any.Type) -> String? {
        switch type {
        case is Int.Type: return "write digits only, for example 3"
        case is Bool.Type: return "write true or false"
        case is [String].Type: return "write a list, for example [performance, faults]"
        default: return nil
        }
    }
}
