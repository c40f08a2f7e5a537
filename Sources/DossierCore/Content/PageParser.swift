import Foundation
import Yams

/// Stage 2: front matter and configuration, decoded into typed models. Pages are parsed in parallel.
struct PageParser {
    struct Parsed {
        var config: Located<SiteConfig>
        var registry: Located<IndicatorRegistry>
        /// `indicators.yaml` exists but could not be read; its errors are already reported.
        var registryFailed: Bool
        var pages: [SourcePage]
    }

    func parse(_ content: LoadedContent, into log: DiagnosticLog) -> Parsed {
        let config = parseConfig(content.configText, log: log)
        let registryFile = "\(SourceFile.contentFolder)/\(IndicatorRegistry.fileName)"
        let parsedRegistry = parseRegistry(content.registryText, file: registryFile, log: log)
        let registry = parsedRegistry ?? Located(value: IndicatorRegistry(), file: registryFile, locations: .none)
        let registryFailed = content.registryText != nil && parsedRegistry == nil
        let sources = content.markdown
        var results = [SourcePage?](repeating: nil, count: sources.count)
        results.withUnsafeMutableBufferPointer { slots in
            let slots = UnsafeSendable(slots)
            DispatchQueue.concurrentPerform(iterations: sources.count) { index in
                let (file, text) = sources[index]
                switch parsePage(file, text: text) {
                case let .success(page): slots.value[index] = page
                case let .failure(diagnostics): log.add(contentsOf: diagnostics.items)
                }
            }
        }
        return Parsed(config: config, registry: registry, registryFailed: registryFailed, pages: results.compactMap { $0 })
    }

    /// Nil when there is no registry or it could not be read (its errors go to the log).
    func parseRegistry(_ text: String?, file: String, log: DiagnosticLog) -> Located<IndicatorRegistry>? {
        guard let text else { return nil }
        switch YAMLReader.decode(IndicatorRegistry.self, from: YAMLSource(text: text, file: file, role: "indicator registry")) {
        case let .success(registry): return registry
        case let .failure(diagnostics):
            log.add(contentsOf: diagnostics.items)
            return nil
        }
    }

    func parseConfig(_ text: String?, log: DiagnosticLog) -> Located<SiteConfig> {
        let file = "\(SourceFile.contentFolder)/\(SiteConfig.fileName)"
        let defaults = Located(value: SiteConfig.defaults, file: file, locations: .none)
        guard let text else { return defaults }
        let source = YAMLSource(text: text, file: file, role: "site configuration")
        switch YAMLReader.decode(SiteConfig.self, from: source) {
        case let .success(config): return config
        case let .failure(diagnostics):
            log.add(contentsOf: diagnostics.items)
            return defaults
        }
    }

    func parsePage(_ file: SourceFile, text: String) -> Result<SourcePage, DiagnosticList> {
        let split: SplitDocument
        switch FrontMatterSplitter.split(text) {
        case let .success(document): split = document
        case .failure(.unclosed):
            return .failure(DiagnosticList([.error("front matter starts with '---' but has no closing '---'",
                                    at: SourceLocation(file: file.path), hint: "end the front matter with a line of three dashes")]))
        }
        guard let yaml = split.frontMatter else {
            return .failure(DiagnosticList([.error("no front matter: every page needs at least a title",
                                    at: SourceLocation(file: file.path),
                                    hint: "start the file with three lines: '---', 'title: …', '---'")]))
        }
        let source = YAMLSource(text: yaml, file: file.path, lineOffset: 1, role: "front matter")
        return YAMLReader.compose(source, expecting: FrontMatter.self).flatMap { node in
            parseFrontMatter(node, source: source).map { frontMatter, document in
                SourcePage(file: file, frontMatter: frontMatter, locations: YAMLReader.locations(in: node, source: source),
                           document: document, body: split.body, bodyFirstLine: split.bodyFirstLine)
            }
        }
    }

    /// The common keys, and for a typed document its kind's keys, from one node tree.
    private func parseFrontMatter(_ node: Node, source: YAMLSource) -> Result<(FrontMatter, Document?), DiagnosticList> {
        let fields = FrontMatterFields(node)
        var schema = FrontMatter.keySchema
        var kind: DocumentKind?
        if let kindNode = fields.kind {
            let name = kindNode.string ?? ""
            guard let known = DocumentKind(rawValue: name) else {
                let kinds = DocumentKind.allCases.map(\.rawValue)
                return .failure(DiagnosticList([.error(
                    "unknown kind '\(name)'", at: YAMLReader.location(of: kindNode, in: source),
                    hint: (Suggestion.nearest(to: name, in: kinds).map { "did you mean '\($0)'? " } ?? "")
                        + "kinds: \(kinds.joined(separator: ", ")); leave `kind` out for a plain page")]))
            }
            kind = known
            schema = schema.adding(known.keySchema)
        }
        // With no nested schemas to check, a mapping of common keys only has nothing unknown.
        let mayHaveUnknownKeys = fields.hasOtherKeys || !schema.nested.isEmpty
        var problems = mayHaveUnknownKeys ? YAMLReader.unknownKeys(in: node, schema: schema, source: source, path: "") : []
        let frontMatter = YAMLReader.read(from: node, source: source, fields.frontMatter(errors:))
        if case let .failure(list) = frontMatter { problems += list.items }
        var document: Document?
        switch kind.map({ decodeDocument($0, node: node, source: source) }) {
        case let .success(decoded)?: document = decoded
        case let .failure(list)?: problems += list.items
        case nil: break
        }
        guard problems.isEmpty, case let .success(matter) = frontMatter else { return .failure(DiagnosticList(problems)) }
        return .success((matter, document))
    }

    private func decodeDocument(_ kind: DocumentKind, node: Node, source: YAMLSource) -> Result<Document, DiagnosticList> {
        switch kind {
        case .review: return YAMLReader.decode(Review.self, from: node, source: source).map(Document.review)
        case .highlight: return YAMLReader.decode(HighlightReport.self, from: node, source: source).map(Document.highlight)
        case .quarterly: return YAMLReader.decode(QuarterlyReport.self, from: node, source: source).map(Document.quarterly)
        case .scorecard: return YAMLReader.decode(Scorecard.self, from: node, source: source).map(Document.scorecard)
        case .plan: return YAMLReader.decode(ImprovementPlan.self, from: node, source: source).map(Document.plan)
        case .committee: return YAMLReader.decode(CommitteeReport.self, from: node, source: source).map(Document.committee)
        case .newsletter: return YAMLReader.decode(NewsletterIssue.self, from: node, source: source).map(Document.newsletter)
        }
    }
}

/// Lets parallel loops write to distinct slots of one buffer.
struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
