import Foundation

/// Entry points for the libFuzzer targets in `.ci/fuzz/` (one executable each): every parser that
/// reads what authors write, given arbitrary bytes. Each runs the same code a build runs and
/// throws the result away; a fuzzer is looking for traps, hangs and runaway memory, never for a
/// particular answer. Public so the fuzz package needs no `@testable` build of this library.
public enum FuzzTargets {
    /// The front-matter fence splitter, on raw bytes (not necessarily UTF-8).
    public static func splitter(_ bytes: UnsafeRawBufferPointer) {
        _ = FrontMatterSplitter.split(bytes: UnsafeBufferPointer(start: bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), count: bytes.count))
    }

    /// A page's front matter into its typed document, and the same text as site.yaml and as the
    /// indicator registry (every YAML model a site has).
    public static func frontMatter(_ text: String) {
        let log = DiagnosticLog()
        let parser = PageParser()
        _ = parser.parsePage(SourceFile(contentPath: "fuzz/page.md"), text: text)
        _ = parser.parseConfig(text, log: log)
        _ = parser.parseRegistry(text, file: "content/indicators.yaml", log: log)
    }

    /// A chart block's YAML into a chart request, drawn as SVG when it is valid.
    public static func chart(_ text: String) {
        if case let .success(request) = ChartBlock.request(text, file: "content/fuzz.md", fenceLine: 1, defaultTolerance: 2) {
            _ = request.rendered(id: "fuzz")
        }
    }

    /// A table block into its HTML table.
    public static func table(_ text: String) {
        _ = TableBlock.render(text)
    }

    /// A template: parsed, checked for inclusion cycles and against a page's shape, and rendered
    /// (when it has no cycle) with a little data of every kind a template meets.
    public static func template(_ text: String) {
        var library = TemplateLibrary()
        guard (try? library.add(text, named: "fuzz")) != nil else { return }
        let cycles = library.inclusionCycles()
        let source = TemplateSource(name: "fuzz", file: "templates/fuzz.mustache", isBuiltIn: false)
        _ = TemplateChecker(library: library, sources: ["fuzz": source]).check("fuzz", shape: PageKind.page.shape)
        guard cycles.isEmpty else { return }
        let page: TemplateValue = .object(.init(["title": "A <b>title</b>", "content": "<p>Text</p>", "tags": ["a", "b"],
                                                 "count": 3, "ratio": 0.5, "draft": false, "none": nil]))
        _ = library.render("fuzz", context: .object(.init(["page": page, "site": .object(.init(["title": "Site"])), "items": [page, page]])))
    }

    /// A whole `check` of a site whose one page is the input, beside a small registry: front
    /// matter, Markdown with its chart and table blocks, validation, the graph and rendering.
    public static func page(_ text: String) {
        let fileSystem = InMemoryFileSystem([
            "fuzz/content/fuzz.md": text,
            "fuzz/content/indicators.yaml": "indicators:\n  - id: calls\n    name: Calls\n    unit: count\n    direction: higher\n    target: 90\n",
        ])
        let options = BuildOptions(root: "fuzz", today: Day(year: 2007, month: 4, day: 30)!, fileSystem: fileSystem)
        _ = try? Pipeline(options: options).run(.check)
    }
}
