/// A template's text, where it came from, and its tags as a tree.
struct TemplateSource: Sendable {
    let name: String
    /// Path printed in diagnostics: `templates/page.mustache`.
    let file: String
    let text: String
    let isBuiltIn: Bool
}

/// Checks, before anything is rendered, that every variable a template uses exists in the data it
/// is given and that every partial and parent it names exists. swift-mustache itself renders a
/// missing variable or partial as nothing, which would publish an empty page without a word.
struct TemplateChecker {
    let sources: [String: TemplateSource]
    private var trees: [String: [TemplateNode]] = [:]

    init(sources: [String: TemplateSource]) {
        self.sources = sources
        for (name, source) in sources where name.hasSuffix("") {
            trees[name] = TemplateTagScanner.tree(TemplateTagScanner.scan(source.text))
        }
    }

    func check(_ name: String, shape: TemplateShape) -> [Diagnostic] {
        guard let tree = trees[name], let source = sources[name] else { return [] }
        var found: Set<Diagnostic> = []
        walk(tree, in: source, scopes: [shape], including: [name], found: &found)
        return Array(found)
    }

    private func walk(_ nodes: [TemplateNode], in source: TemplateSource, scopes: [TemplateShape],
                      including: [String], found: inout Set<Diagnostic>) {
        for node in nodes {
            switch node {
            case let .tag(tag):
                switch tag.kind {
                case .variable, .unescaped:
                    if case let .failure(problem) = resolve(tag.name, scopes: scopes) { found.insert(problem.diagnostic(tag, source)) }
                case .partial:
                    guard let tree = trees[tag.name], let partial = sources[tag.name] else {
                        found.insert(missingTemplate(tag, source))
                        continue
                    }
                    if !including.contains(tag.name) {
                        walk(tree, in: partial, scopes: scopes, including: including + [tag.name], found: &found)
                    }
                case .delimiters:
                    found.insert(.error("Dossier's template checker does not support changing the tag delimiters",
                                        at: location(tag, source), hint: "keep {{ and }}"))
                default: break
                }
            case let .group(tag, children):
                switch tag.kind {
                case .section:
                    switch resolve(tag.name, scopes: scopes) {
                    case let .success(shape):
                        let inner: TemplateShape = if case let .list(element) = shape { element } else { shape }
                        walk(children, in: source, scopes: scopes + [inner], including: including, found: &found)
                    case let .failure(problem):
                        found.insert(problem.diagnostic(tag, source))
                    }
                case .inverted:
                    if case let .failure(problem) = resolve(tag.name, scopes: scopes) { found.insert(problem.diagnostic(tag, source)) }
                    walk(children, in: source, scopes: scopes, including: including, found: &found)
                case .parent:
                    walk(children, in: source, scopes: scopes, including: including, found: &found)
                    guard let tree = trees[tag.name], let parent = sources[tag.name] else {
                        found.insert(missingTemplate(tag, source))
                        continue
                    }
                    if !including.contains(tag.name) {
                        walk(tree, in: parent, scopes: scopes, including: including + [tag.name], found: &found)
                    }
                default:
                    walk(children, in: source, scopes: scopes, including: including, found: &found)
                }
            }
        }
    }

    struct UnknownName: Error {
        let name: String
        let suggestion: String?
        let available: [String]

        func diagnostic(_ tag: TemplateTag, _ source: TemplateSource) -> Diagnostic {
            var hint = suggestion.map { "did you mean '\($0)'? " } ?? ""
            hint += "names here: \(available.joined(separator: ", "))"
            return .error("unknown variable '\(name)'", at: TemplateChecker.location(tag, source), hint: hint)
        }
    }

    /// Looks a name up as Mustache does: the first segment in the innermost scope that has it,
    /// the rest inside that; `.name` only in the innermost scope.
    private func resolve(_ written: String, scopes: [TemplateShape]) -> Result<TemplateShape, UnknownName> {
        var name = written
        if let open = name.lastIndex(of: "(") {
            let argument = name[name.index(after: open)...]
            name = String(argument.prefix { $0 != ")" }).trimmingCharacters(in: .whitespaces)
            if name.isEmpty { return .success(.value) }
        }
        if name == "." { return .success(scopes.last ?? .value) }
        let relative = name.hasPrefix(".")
        let segments = name.split(separator: ".").map(String.init)
        guard let first = segments.first else { return .success(.value) }

        let searched = relative ? Array(scopes.suffix(1)) : scopes.reversed()
        guard var current = searched.lazy.compactMap({ $0.fields?[first] }).first else {
            let visible = Set(scopes.flatMap { $0.fields.map { Array($0.keys) } ?? [] }).sorted()
            return .failure(UnknownName(name: written, suggestion: Suggestion.nearest(to: first, in: visible).map {
                ([$0] + segments.dropFirst()).joined(separator: ".")
            }, available: visible))
        }
        for (depth, segment) in segments.enumerated().dropFirst() {
            guard let fields = current.fields, let next = fields[segment] else {
                let prefix = segments[..<depth].joined(separator: ".")
                let names = current.fields.map { Array($0.keys).sorted() } ?? []
                return .failure(UnknownName(name: written, suggestion: Suggestion.nearest(to: segment, in: names).map {
                    "\(prefix).\($0)"
                }, available: names.map { "\(prefix).\($0)" }))
            }
            current = next
        }
        return .success(current)
    }

    private func missingTemplate(_ tag: TemplateTag, _ source: TemplateSource) -> Diagnostic {
        let names = sources.keys.sorted()
        return .error("no template named '\(tag.name)'", at: Self.location(tag, source),
                      hint: Suggestion.nearest(to: tag.name, in: names).map { "did you mean '\($0)'?" }
                          ?? "templates: \(names.joined(separator: ", "))")
    }

    private func location(_ tag: TemplateTag, _ source: TemplateSource) -> SourceLocation { Self.location(tag, source) }

    static func location(_ tag: TemplateTag, _ source: TemplateSource) -> SourceLocation {
        SourceLocation(file: source.file, line: tag.line, column: tag.column)
    }
}
