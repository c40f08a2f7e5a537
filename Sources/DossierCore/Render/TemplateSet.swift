import Foundation

/// The templates a site renders with: the built-in defaults, overridden file by file by the site's
/// own `templates/` folder, parsed once into Dossier's Mustache library and checked against the
/// data each page kind gets before anything is rendered.
struct TemplateSet: Sendable {
    static let folder = "templates"
    static let assetsFolder = "assets"
    /// The parent every page template fills, and its block for the page's own content.
    static let layoutTemplate = "layout"
    static let mainBlock = "main"

    let library: TemplateLibrary
    /// Each template's text, by name.
    let texts: [String: String]
    /// Files under `templates/assets/` copied to the output's `assets/`, keyed by output path.
    let assets: [String: String]

    /// Stage 1b: reads and parses the templates; errors go to the log with the template's file and line.
    static func load(fileSystem: FileSystem, root: String, into log: DiagnosticLog) -> TemplateSet {
        var texts: [String: (text: String, builtIn: Bool)] = DefaultTemplates.files.mapValues { ($0, true) }
        let folder = RootPath.join(root, Self.folder)
        do {
            for path in try fileSystem.files(under: folder) where !path.hasPrefix(".") {
                let data: Data
                do {
                    data = try fileSystem.read(RootPath.join(folder, path))
                } catch {
                    log.add(.error("cannot read template: \((error as? FileSystemError)?.reason ?? error.localizedDescription)",
                                   at: SourceLocation(file: "\(Self.folder)/\(path)", line: 0, column: 0)))
                    continue
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    let bad = UTF8Position.firstInvalid(in: data) ?? (1, 1)
                    log.add(.error("template is not UTF-8 text: the first byte that is not is here",
                                   at: SourceLocation(file: "\(Self.folder)/\(path)", line: bad.line, column: bad.column)))
                    continue
                }
                texts[path] = (text, false)
            }
        } catch {
            let what = (error as? FileSystemError).map { "cannot list \($0.localizedDescription)" } ?? error.localizedDescription
            log.add(.error("cannot read the templates folder: \(what)", at: SourceLocation(file: Self.folder, line: 0, column: 0)))
        }

        var library = TemplateLibrary()
        var sources: [String: TemplateSource] = [:]
        var assets: [String: String] = [:]
        var templateTexts: [String: String] = [:]
        for path in texts.keys.sorted() {
            let (text, builtIn) = texts[path]!
            let file = "\(Self.folder)/\(path)"
            if path.hasPrefix(Self.assetsFolder + "/") {
                assets[path] = text
                continue
            }
            guard path.hasSuffix(".mustache") else {
                log.add(.warning("not a template (templates end in .mustache) nor under assets/; ignored", at: SourceLocation(file: file)))
                continue
            }
            let name = String(path.dropLast(".mustache".count))
            do throws(MustacheSyntaxError) {
                try library.add(text, named: name)
                templateTexts[name] = text
                sources[name] = TemplateSource(name: name, file: file, isBuiltIn: builtIn)
            } catch {
                log.add(.error("template syntax error: \(error.message)", at: SourceLocation(file: file, line: error.line, column: error.column),
                               hint: builtIn ? "this is a built-in template; please report it" : nil))
            }
        }

        let cycles = library.inclusionCycles()
        for cycle in cycles {
            let file = sources[cycle.closingTemplate]?.file ?? "\(Self.folder)/\(cycle.closingTemplate).mustache"
            let first = cycle.names[0]
            let what = cycle.names.count == 2 ? "includes itself" : "includes itself through \(cycle.names.dropFirst().dropLast().map { "'\($0)'" }.joined(separator: ", "))"
            log.add(.error("template '\(first)' \(what) (\(cycle.description))",
                           at: SourceLocation(file: file, line: cycle.closingTag.line, column: cycle.closingTag.column),
                           hint: "a partial or parent must not lead back to the template that uses it"))
        }

        if let layout = sources[Self.layoutTemplate], !layout.isBuiltIn,
           let nodes = library.template(named: Self.layoutTemplate)?.nodes, !Self.hasBlock(Self.mainBlock, in: nodes) {
            log.add(.error("the layout has no {{$\(Self.mainBlock)}} block, so every page would lose its content",
                           at: SourceLocation(file: layout.file, line: 1, column: 1),
                           hint: "put {{$\(Self.mainBlock)}}{{/\(Self.mainBlock)}} where the page's content goes"))
        }

        let checker = TemplateChecker(library: library, sources: sources)
        var problems: Set<Diagnostic> = []
        let required = PageKind.allCases.map { ($0.template, $0.shape) } + [(PageKind.listItemTemplate, PageKind.listItemShape)]
        for (name, shape) in required {
            if sources[name] == nil {
                if !texts.keys.contains("\(name).mustache") {
                    log.add(.error("no template named '\(name)'", at: SourceLocation(file: "\(Self.folder)/\(name).mustache"),
                                   hint: "every site needs the templates \(required.map(\.0).joined(separator: ", "))"))
                }
                continue
            }
            // Partials shared by several page templates would otherwise report the same problem each time.
            problems.formUnion(checker.check(name, shape: shape))
        }
        log.add(contentsOf: problems.sorted { $0.location < $1.location })
        return TemplateSet(library: library, texts: templateTexts, assets: assets)
    }

    /// Whether `nodes` hold the block `name`, at any depth.
    private static func hasBlock(_ name: String, in nodes: [MustacheNode]) -> Bool {
        nodes.contains { node in
            switch node {
            case let .block(block, _, _): return block.name == name || hasBlock(name, in: block.content)
            case let .section(_, _, children, _): return hasBlock(name, in: children)
            case let .parent(_, _, _, overrides, _): return overrides.contains { $0.name == name || hasBlock(name, in: $0.content) }
            default: return false
            }
        }
    }

    /// The template and every partial and parent it reaches, sorted.
    func closure(of name: String) -> [String] {
        var found: Set<String> = []
        var pending = [name]
        while let next = pending.popLast() {
            guard found.insert(next).inserted, let template = library.template(named: next) else { continue }
            TemplateLibrary.collectInclusions(template.nodes) { included, _ in pending.append(included) }
        }
        return found.sorted()
    }

    func render(_ name: String, _ context: TemplateValue) -> [UInt8] {
        library.render(name, context: context)
    }

    func renderString(_ name: String, _ context: TemplateValue) -> String {
        library.renderText(name, context: context)
    }
}
