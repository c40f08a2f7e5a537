import Mustache

/// The templates a site renders with: the built-in defaults, overridden file by file by the site's
/// own `templates/` folder, parsed by swift-mustache and checked against the data they will get.
struct TemplateSet: Sendable {
    static let folder = "templates"
    static let assetsFolder = "assets"
    /// The page types Dossier renders, each with a template of that name.
    static let pageTemplates = ["page", "section", "tag", "tags", "404"] + DocumentContext.Template.allCases.map(\.rawValue)
    /// Renders one page as an entry of a list; lists include it as `{{{html}}}`.
    static let listItemTemplate = "list-item"

    let library: MustacheLibrary
    /// Files under `templates/assets/` copied to the output's `assets/`, keyed by output path.
    let assets: [String: String]

    /// Stage 1b: reads and parses the templates; errors go to the log with the template's file and line.
    static func load(fileSystem: FileSystem, root: String, into log: DiagnosticLog) -> TemplateSet {
        var texts: [String: (text: String, builtIn: Bool)] = DefaultTemplates.files.mapValues { ($0, true) }
        let folder = RootPath.join(root, Self.folder)
        do {
            for path in try fileSystem.files(under: folder) where !path.hasPrefix(".") {
                let data = try fileSystem.read(RootPath.join(folder, path))
                guard let text = String(data: data, encoding: .utf8) else {
                    log.add(.error("template is not UTF-8 text", at: SourceLocation(file: "\(Self.folder)/\(path)")))
                    continue
                }
                texts[path] = (text, false)
            }
        } catch {
            log.add(.error("cannot read the templates folder: \(error.localizedDescription)", at: SourceLocation(file: Self.folder)))
        }

        var library = MustacheLibrary()
        var sources: [String: TemplateSource] = [:]
        var assets: [String: String] = [:]
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
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                sources[name] = TemplateSource(name: name, file: file, text: text, isBuiltIn: builtIn)
            } catch let error as MustacheTemplate.ParserError {
                log.add(.error("template syntax error: \(describe(error.error))",
                               at: SourceLocation(file: file, line: error.context.lineNumber, column: error.context.columnNumber),
                               hint: builtIn ? "this is a built-in template; please report it" : nil))
            } catch {
                log.add(.error("template syntax error: \(error)", at: SourceLocation(file: file)))
            }
        }

        let checker = TemplateChecker(sources: sources)
        var problems: Set<Diagnostic> = []
        let required = pageTemplates.map { ($0, TemplateContext.shape(for: $0)) } + [(listItemTemplate, TemplateContext.listItemShape)]
        for (name, shape) in required {
            if sources[name] == nil {
                if !texts.keys.contains("\(name).mustache") {
                    log.add(.error("no template named '\(name)'", at: SourceLocation(file: "\(Self.folder)/\(name).mustache"),
                                   hint: "every site needs the templates \((pageTemplates + [listItemTemplate]).joined(separator: ", "))"))
                }
                continue
            }
            // Partials shared by several page templates would otherwise report the same problem each time.
            problems.formUnion(checker.check(name, shape: shape))
        }
        log.add(contentsOf: Array(problems))
        return TemplateSet(library: library, assets: assets)
    }

    func render(_ context: TemplateObject, with name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: return "the closing tag does not match the section it closes"
        case .unfinishedName: return "a tag is not finished (missing '}}')"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "invalid delimiter change"
        case .transformAppliedToInheritanceSection: return "a transform cannot be applied to a parent or block"
        case .illegalTokenInsideInheritSection: return "only block overrides ({{$name}}) may appear inside a parent ({{<name}})"
        case .textInsideInheritSection: return "only block overrides ({{$name}}) may appear inside a parent ({{<name}})"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "unrecognised pragma"
        case nil: return "\(error)"
        }
    }
}
