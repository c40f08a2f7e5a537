/// Where a template came from, for diagnostics.
struct TemplateSource: Sendable {
    let name: String
    /// Path printed in diagnostics: `templates/page.mustache`.
    let file: String
    let isBuiltIn: Bool
}

/// Checks, before anything is rendered, that every name a template uses exists in the data it is
/// given and that every partial and parent it names exists, walking the same parsed templates the
/// renderer runs. A misspelt name is an error at its line and column, not a blank on the page.
struct TemplateChecker {
    let library: TemplateLibrary
    let sources: [String: TemplateSource]

    func check(_ name: String, shape: TemplateShape) -> Set<Diagnostic> {
        guard let template = library.template(named: name), let source = sources[name] else { return [] }
        var found: Set<Diagnostic> = []
        walk(template.nodes, in: source, scopes: [shape], including: [name], found: &found)
        return found
    }

    private func walk(_ nodes: [MustacheNode], in source: TemplateSource, scopes: [TemplateShape],
                      including: [String], found: inout Set<Diagnostic>) {
        for node in nodes {
            switch node {
            case .text:
                continue
            case let .variable(name, escaped, at):
                if case let .failure(problem) = resolve(name, scopes: scopes) {
                    found.insert(problem.diagnostic(at, source))
                } else if !escaped && !HTMLFields.holdsHTML(name) {
                    found.insert(.error("'\(name.written)' holds text, which raw output ({{{…}}} or {{&…}}) would publish as markup",
                                        at: location(at, source),
                                        hint: "write {{\(name.written)}}; only fields that hold HTML may be written raw: "
                                            + HTMLFields.names.sorted().joined(separator: ", ")))
                }
            case let .section(name, inverted, children, at):
                switch resolve(name, scopes: scopes) {
                case let .success(shape):
                    let inner: TemplateShape = if case let .list(element) = shape { element } else { shape }
                    walk(children, in: source, scopes: inverted ? scopes : scopes + [inner], including: including, found: &found)
                case let .failure(problem):
                    found.insert(problem.diagnostic(at, source))
                    if inverted { walk(children, in: source, scopes: scopes, including: including, found: &found) }
                }
            case let .partial(name, dynamic, _, at):
                include(name, dynamic: dynamic, at: at, from: source, scopes: scopes, including: including, found: &found)
            case let .parent(name, dynamic, _, overrides, at):
                for block in overrides { walk(block.content, in: source, scopes: scopes, including: including, found: &found) }
                include(name, dynamic: dynamic, at: at, from: source, scopes: scopes, including: including, found: &found)
            case let .block(block, _, _):
                walk(block.content, in: source, scopes: scopes, including: including, found: &found)
            }
        }
    }

    private func include(_ name: String, dynamic: Bool, at: TemplateLocation, from source: TemplateSource, scopes: [TemplateShape],
                         including: [String], found: inout Set<Diagnostic>) {
        guard !dynamic else {
            found.insert(.error("Dossier cannot check a dynamic partial name ('*\(name)')", at: location(at, source),
                                hint: "name the partial itself, e.g. {{>partials/header}}"))
            return
        }
        guard let template = library.template(named: name), let partial = sources[name] else {
            let names = sources.keys.sorted()
            found.insert(.error("no template named '\(name)'", at: location(at, source),
                                hint: Suggestion.nearest(to: name, in: names).map { "did you mean '\($0)'?" }
                                    ?? "templates: \(names.joined(separator: ", "))"))
            return
        }
        // A cycle is reported when the templates load; here it is walked once.
        if !including.contains(name) {
            walk(template.nodes, in: partial, scopes: scopes, including: including + [name], found: &found)
        }
    }

    struct UnknownName: Error {
        let name: String
        let suggestion: String?
        let available: [String]

        func diagnostic(_ at: TemplateLocation, _ source: TemplateSource) -> Diagnostic {
            var hint = suggestion.map { "did you mean '\($0)'? " } ?? ""
            hint += "names here: \(available.joined(separator: ", "))"
            return .error("unknown variable '\(name)'", at: SourceLocation(file: source.file, line: at.line, column: at.column), hint: hint)
        }
    }

    /// Looks a name up as Mustache does: the first segment in the innermost scope that has it,
    /// the rest inside that; `.name` only in the innermost scope. A transform's result is a value.
    private func resolve(_ name: TemplateName, scopes: [TemplateShape]) -> Result<TemplateShape, UnknownName> {
        if name.isListPosition { return .success(.value) }
        guard let first = name.segments.first else { return .success(transformed(scopes.last ?? .value, name.transforms)) }
        let searched = name.isAnchored ? Array(scopes.suffix(1)) : scopes.reversed()
        guard var current = searched.lazy.compactMap({ $0.fields?[first] }).first else {
            let visible = Set(scopes.flatMap { $0.fields.map { Array($0.keys) } ?? [] }).sorted()
            return .failure(UnknownName(name: name.written, suggestion: Suggestion.nearest(to: first, in: visible).map {
                ([$0] + name.segments.dropFirst()).joined(separator: ".")
            }, available: visible))
        }
        for (depth, segment) in name.segments.enumerated().dropFirst() {
            guard let fields = current.fields, let next = fields[segment] else {
                let prefix = name.segments[..<depth].joined(separator: ".")
                let names = current.fields.map { Array($0.keys).sorted() } ?? []
                return .failure(UnknownName(name: name.written, suggestion: Suggestion.nearest(to: segment, in: names).map {
                    "\(prefix).\($0)"
                }, available: names.map { "\(prefix).\($0)" }))
            }
            current = next
        }
        return .success(transformed(current, name.transforms))
    }

    /// What the transforms make of a value of `shape`: `first(list)` is an element, `reversed(list)`
    /// a list, the rest (`count`, `empty`, `uppercased` …) a plain value. The innermost runs first.
    private func transformed(_ shape: TemplateShape, _ transforms: [MustacheTransform]) -> TemplateShape {
        transforms.reversed().reduce(shape) { shape, transform in
            switch (transform, shape) {
            case let (.first, .list(element)), let (.last, .list(element)): return element
            case (.reversed, .list), (.sorted, .list): return shape
            default: return .value
            }
        }
    }

    private func location(_ at: TemplateLocation, _ source: TemplateSource) -> SourceLocation {
        SourceLocation(file: source.file, line: at.line, column: at.column)
    }
}
