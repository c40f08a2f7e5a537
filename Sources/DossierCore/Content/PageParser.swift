import Foundation

/// Stage 2: front matter and configuration, decoded into typed models. Pages are parsed in parallel.
struct PageParser {
    func parse(_ content: LoadedContent, into log: DiagnosticLog) -> (config: Located<SiteConfig>, pages: [SourcePage]) {
        let config = parseConfig(content.configText, log: log)
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
        return (config, results.compactMap { $0 })
    }

    func parseConfig(_ text: String?, log: DiagnosticLog) -> Located<SiteConfig> {
        let file = "\(SourceFile.contentFolder)/\(SiteConfig.fileName)"
        let defaults = Located(value: SiteConfig.defaults, file: file, locations: [:])
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
        return YAMLReader.decode(FrontMatter.self, from: source).map { frontMatter in
            SourcePage(file: file, frontMatter: frontMatter.value, locations: frontMatter.locations,
                       body: split.body, bodyFirstLine: split.bodyFirstLine)
        }
    }
}

/// Lets parallel loops write to distinct slots of one buffer.
struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
