import Foundation
import Testing
@testable import DossierCore

/// Issue 14: the A–Z index every site has, and Pagefind search when the site asks for it.
@Suite struct AZIndexTests {
    /// The example site's graph, as the build makes it.
    static func exampleGraph() -> SiteGraph {
        let log = DiagnosticLog()
        let fileSystem = LocalFileSystem()
        let content = ContentLoader(fileSystem: fileSystem, root: repositoryRoot.path).load(into: log)
        let validated = Validator().validate(PageParser().parse(content, into: log), into: log)
        return SiteGraphBuilder(includeDrafts: false, includeFuture: false, today: Fixture.today)
            .build(config: validated.config, registry: validated.registry, indicatorLocations: validated.indicatorLocations,
                   pages: validated.pages,
                   allMarkdown: content.markdown.map(\.file), assets: content.assets, into: log)
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    @Test func theIndexListsEveryIndicatorActionAndReportOfTheExampleSite() throws {
        let graph = Self.exampleGraph()
        let (site, _) = try ExampleSiteTests.build()
        let html = Tree.text(site, "a-z/index.html")
        let base = SiteURLs(baseURL: graph.config.baseURL)

        #expect(!graph.registry.indicators.isEmpty && !graph.reports.isEmpty)
        for indicator in graph.registry.indicators {
            let link = "<a href=\"\(base.href("indicators/\(indicator.id)/"))\">\(Self.escaped(indicator.name))</a>"
            #expect(html.contains(link), "no entry for indicator \(indicator.id): \(link)")
        }
        var actions: [String] = []
        for page in graph.pages {
            if case let .plan(plan)? = page.source.document {
                actions += (plan.objectives ?? []).flatMap { ($0.actions ?? []).map(\.id) }
            }
            actions += page.source.document?.scorecard?.0.actions?.map(\.id) ?? []
        }
        #expect(!actions.isEmpty)
        for id in actions {
            #expect(html.contains("<span class=\"az-term\">\(Self.escaped(id))</span> <span class=\"meta\">Action:"), "no entry for action \(id)")
        }
        for index in graph.reports {
            let page = graph.pages[index]
            let link = "<a href=\"\(base.href(page.urlPath))\">\(Self.escaped(page.title))</a>"
            #expect(html.contains(link), "no entry for report \(page.urlPath)")
            #expect(html.contains("<time datetime=\"\(page.date!.iso)\">"), "no date for \(page.urlPath)")
        }
        // Grouped by letter, with a bar linking to each group that has entries.
        #expect(html.contains("<nav class=\"az-letters\" aria-label=\"Letters\">"))
        #expect(html.contains("<li><a href=\"#letter-p\">P</a></li>") && html.contains("<h2 id=\"letter-p\">P</h2>"))
        #expect(html.contains("<li><span class=\"az-letter-empty\">Z</span></li>") && !html.contains("id=\"letter-z\""))
    }

    @Test func entriesSortByFoldedCaseAndAccentsWithOthersUnderDigits() {
        #expect(AZIndex.sortKey("Équipe") == "equipe")
        #expect(AZIndex.letterKey(of: AZIndex.sortKey("Équipe")) == "e")
        #expect(AZIndex.letterKey(of: AZIndex.sortKey("1.2")) == "0-9")
        #expect(AZIndex.letterKey(of: AZIndex.sortKey("£5 saving")) == "0-9")
    }

    @Test func theFooterAndThe404PageLinkToTheIndex() throws {
        let (site, _) = try ExampleSiteTests.build()
        for page in ["index.html", "about/index.html", "performance/2006-07-q3/index.html", "404.html"] {
            #expect(Tree.text(site, page).contains("<p class=\"site-footer-index\"><a href=\"/ict/a-z/\">Index</a>"), "\(page)")
        }
        #expect(Tree.text(site, "404.html").contains("<p><a href=\"/ict/a-z/\">Search the index</a>: every report"))
    }

    @Test func noPageHasAScriptWhenSearchIsOff() throws {
        let (site, _) = try ExampleSiteTests.build()
        let files = Tree.snapshot(site)
        #expect(files["assets/search.js"] == nil && files["search/index.html"] == nil)
        let pages = files.keys.filter { $0.hasSuffix(".html") }
        #expect(pages.count > 20)
        for path in pages {
            let text = String(decoding: files[path]!, as: UTF8.self)
            #expect(!text.contains("<script") && !text.contains("data-pagefind") && !text.contains("search-box"), "\(path)")
        }
    }

    @Test func aLargeIndexIsSplitIntoAPageForEachLetter() throws {
        var files: [String: String] = [:]
        for number in 0...AZIndex.onePageLimit {
            let letter = "abcdefghijklmnopqrstuvwxyz".map(String.init)[number % 26]
            files["content/p\(number).md"] = Fixture.page("\(letter.uppercased())\(number) page")
        }
        let plan = try OutputPlanTests.plan(Fixture(files).options())
        let paths = Set(plan.paths)
        #expect(paths.contains("a-z/index.html"))
        for letter in "abcdefghijklmnopqrstuvwxyz" { #expect(paths.contains("a-z/\(letter)/index.html")) }
        #expect(!paths.contains("a-z/0-9/index.html"))

        let small = try OutputPlanTests.plan(Fixture(["content/a.md": Fixture.page("A")]).options())
        #expect(small.paths.filter { $0.hasPrefix("a-z/") } == ["a-z/index.html"])
    }
}

@Suite(.serialized) struct SearchTests {
    /// A stand-in for Pagefind: says it is 1.5.2, then fails to index after writing into the site.
    static func failingPagefind(in folder: URL) throws -> Pagefind {
        let script = folder.appending(path: "fake-pagefind")
        try """
            #!/bin/sh
            if [ "$1" = "--version" ]; then echo "pagefind 1.5.2"; exit 0; fi
            mkdir -p "$2/pagefind" && echo half > "$2/pagefind/half-written"
            echo "Error: the index could not be written" >&2
            exit 3
            """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return Pagefind(command: [script.path])
    }

    static var pagefindInstalled: Bool { Pagefind().problem(at: SourceLocation(file: "x")) == nil }

    @Test func aFailedIndexLeavesThePreviousSiteByteIdentical() throws {
        let (site, _) = try ExampleSiteTests.build()
        let before = Tree.snapshot(site)
        var options = BuildOptions(root: repositoryRoot.path, output: site.path, today: Day(year: 2026, month: 12, day: 1)!)
        options.search = true
        options.pagefind = try Self.failingPagefind(in: TemporaryFolder.make())
        do {
            _ = try Pipeline(options: options).run(.build)
            Issue.record("the build succeeded though Pagefind failed")
        } catch {
            #expect(error.errors.map(\.description) == [
                "\(site.path): error: Pagefind failed to index the site (exit status 3):\n  Error: the index could not be written",
            ])
        }
        #expect(Tree.snapshot(site) == before)
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.deletingLastPathComponent().path)
        #expect(beside.filter { $0 != ".site.lock" } == ["site"], "staging folders left: \(beside)")
    }

    @Test func searchWithoutPagefindIsAnErrorNamingTheInstallCommand() {
        var files = ["content/a.md": Fixture.page("A")]
        files["content/site.yaml"] = "title: T\nsearch: true\n"
        var options = Fixture(files).options()
        options.pagefind = Pagefind(command: ["/nonexistent/python3", "-m", "pagefind_bin"])
        let fromYAML = Self.errors(options)
        #expect(fromYAML == [
            "content/site.yaml:2:9: error: search is on, but Pagefind cannot be run (/nonexistent/python3 -m pagefind_bin: '/nonexistent/python3' is not on PATH)\n  hint: install it with: python3 -m pip install pagefind-bin==1.5.2",
        ])
        files["content/site.yaml"] = "title: T\n"
        options = Fixture(files).options()
        options.search = true
        options.pagefind = Pagefind(command: ["/bin/sh", "-c", "exit 1", "sh"])
        #expect(Self.errors(options) == [
            "--search: error: search is on, but Pagefind is not installed (/bin/sh -c exit 1 sh exited 1)\n  hint: install it with: python3 -m pip install pagefind-bin==1.5.2",
        ])
    }

    @Test func nothingOfTheSiteMayBeWhereSearchPutsItsIndex() {
        var options = Fixture(["content/pagefind/notes.md": Fixture.page("Notes"), "content/site.yaml": "search: true\n"]).options()
        options.pagefind = try! Self.failingPagefind(in: TemporaryFolder.make())
        #expect(Self.errors(options) == [
            "content/pagefind:1:1: error: search puts its index in pagefind/, but the site writes 'pagefind/feed.xml' and 2 more there\n  hint: rename the folder, or turn search off",
        ])
    }

    @Test func theOfflineArchiveLeavesSearchOut() throws {
        var files = ["content/r.md": Fixture.page("R", extra: "date: 2006-06-01\n")]
        files["content/site.yaml"] = "title: T\nsearch: true\n"
        let fixture = Fixture(files)
        let archive = try OfflineArchive.build(ArchiveOptions(root: Fixture.root, period: try ArchivePeriod(parsing: "2006"),
                                                              today: Fixture.today, fileSystem: fixture.fileSystem))
        for file in archive.files where file.path.hasSuffix(".html") {
            let text = String(decoding: file.data, as: UTF8.self)
            #expect(!text.contains("<script") && !text.contains("data-search-box"), "\(file.path)")
        }
    }

    @Test func withSearchTheIndexAndTheSearchPageAreBuilt() throws {
        guard Self.pagefindInstalled else {
            if SiteCheck.isCI { Issue.record("CI is set but Pagefind is missing: \(Pagefind.installCommand)") }
            print("SKIPPED: Pagefind is not installed (\(Pagefind.installCommand))")
            return
        }
        let output = TemporaryFolder.make().appending(path: "site")
        var options = BuildOptions(root: repositoryRoot.path, output: output.path, today: Fixture.today)
        options.search = true
        options.validateContexts = true
        let report = try Pipeline(options: options).run(.build)
        #expect(report.diagnostics.isEmpty)
        let files = Tree.snapshot(output)
        for path in ["pagefind/pagefind.js", "pagefind/pagefind-entry.json", "search/index.html", "assets/search.js", "a-z/index.html"] {
            #expect(files[path] != nil, "\(path)")
        }
        let quarterly = Tree.text(output, "performance/2006-07-q3/index.html")
        #expect(quarterly.contains("<main id=\"main-content\" tabindex=\"-1\" data-pagefind-body>"))
        #expect(quarterly.contains("<span data-pagefind-filter=\"kind:Quarterly performance report\"></span>"))
        #expect(quarterly.contains("<span data-pagefind-filter=\"year:2006/07\"></span>"))
        #expect(quarterly.contains("<span data-pagefind-filter=\"status:Target exceeded\"></span>"))
        #expect(quarterly.contains("<a class=\"search-box-link\" href=\"/ict/a-z/\">"))
        #expect(quarterly.contains("<script src=\"/ict/assets/search.js\" defer></script>"))
        // Lists are not indexed: they would only repeat the pages.
        #expect(!Tree.text(output, "index.html").contains("data-pagefind-body"))
        #expect(!Tree.text(output, "a-z/index.html").contains("data-pagefind-body"))
        let entry = Tree.text(output, "pagefind/pagefind-entry.json")
        #expect(entry.contains("\"version\":\"\(Pagefind.version)\""))

        // The same input gives the same bytes: every page, and Pagefind's index and fragments. Its
        // filter and metadata files are not stable between runs (Pagefind's own issue 638).
        let again = TemporaryFolder.make().appending(path: "site")
        options.output = again.path
        _ = try Pipeline(options: options).run(.build)
        let unstable = { (path: String) in path.hasPrefix("pagefind/filter/") || path.hasSuffix(".pf_meta") || path == "pagefind/pagefind-entry.json" }
        #expect(Tree.snapshot(again).filter { !unstable($0.key) } == files.filter { !unstable($0.key) })
    }

    static func errors(_ options: BuildOptions) -> [String] {
        do {
            return try Pipeline(options: options).run(.check).diagnostics.filter { $0.severity == .error }.map(\.description)
        } catch {
            return error.errors.map(\.description)
        }
    }
}
