/// Parsed templates by name, which partials (`{{>name}}`) and parents (`{{<name}}`) refer to.
struct TemplateLibrary: Sendable {
    private var templates: [String: ParsedTemplate] = [:]
    /// Bytes of each template's text, to size the output buffer.
    private var sizes: [String: Int] = [:]

    init() {}

    /// Parses `text` and adds it as `name`, replacing a template of that name.
    mutating func add(_ text: String, named name: String) throws(MustacheSyntaxError) {
        templates[name] = try MustacheParser.parse(text, named: name)
        sizes[name] = text.utf8.count
    }

    func template(named name: String) -> ParsedTemplate? { templates[name] }

    /// The templates' names, sorted.
    var names: [String] { templates.keys.sorted() }

    /// Renders the template `name` with `context` as its outermost frame; empty when there is no
    /// such template.
    func render(_ name: String, context: TemplateValue) -> [UInt8] {
        guard let template = templates[name] else { return [] }
        var renderer = MustacheRenderer(templates: templates, context: context, capacity: max(4096, 2 * (sizes[name] ?? 0)))
        renderer.render(template.nodes)
        return renderer.output
    }

    /// `render(_:context:)` as text.
    func renderText(_ name: String, context: TemplateValue) -> String {
        String(decoding: render(name, context: context), as: UTF8.self)
    }
}

/// Templates that include themselves through partials or parents: `names` runs from a template
/// back to itself, `a → b → a`; `closingTag` is where the last but one includes the first.
struct InclusionCycle: Sendable, Equatable, CustomStringConvertible {
    let names: [String]
    let closingTag: TemplateLocation

    /// The template that holds `closingTag`.
    var closingTemplate: String { names[names.count - 2] }

    var description: String { names.joined(separator: " → ") }
}

extension TemplateLibrary {
    /// Every cycle of partial and parent inclusion, each once, starting at its alphabetically
    /// first template; cycles through dynamic names (`{{>*name}}`) cannot be known and are not
    /// listed. Rendering such a template stops at `MustacheRenderer.maximumDepth`.
    func inclusionCycles() -> [InclusionCycle] {
        // For each template, the templates it includes and where it first includes each.
        var edges: [String: [(name: String, at: TemplateLocation)]] = [:]
        for (name, template) in templates {
            var seen: Set<String> = []
            var found: [(name: String, at: TemplateLocation)] = []
            Self.collectInclusions(template.nodes) { target, at in
                if templates[target] != nil, seen.insert(target).inserted { found.append((target, at)) }
            }
            edges[name] = found.sorted { $0.name < $1.name }
        }

        var cycles: [InclusionCycle] = []
        for start in names {
            var path = [start]
            var onPath: Set<String> = [start]
            func visit(_ node: String) {
                for edge in edges[node] ?? [] {
                    if edge.name == start {
                        cycles.append(InclusionCycle(names: path + [start], closingTag: edge.at))
                    } else if edge.name > start, !onPath.contains(edge.name) {
                        path.append(edge.name)
                        onPath.insert(edge.name)
                        visit(edge.name)
                        onPath.remove(edge.name)
                        path.removeLast()
                    }
                }
            }
            visit(start)
        }
        return cycles
    }

    /// Calls `found` with the name and place of every partial and parent `nodes` include.
    static func collectInclusions(_ nodes: [MustacheNode], _ found: (String, TemplateLocation) -> Void) {
        for node in nodes {
            switch node {
            case .text, .variable:
                break
            case let .section(_, _, children, _):
                collectInclusions(children, found)
            case let .partial(name, dynamic, _, at):
                if !dynamic { found(name, at) }
            case let .parent(name, dynamic, _, overrides, at):
                if !dynamic { found(name, at) }
                for block in overrides { collectInclusions(block.content, found) }
            case let .block(block, _, _):
                collectInclusions(block.content, found)
            }
        }
    }
}
