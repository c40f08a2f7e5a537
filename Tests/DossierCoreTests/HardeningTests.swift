import Foundation
import Synchronization
import Testing
@testable import DossierCore

/// Hostile and careless input: every number and URL checked where it is written, YAML that
/// cannot expand without limit, and errors found by `check` at their line (issue 13).
@Suite struct NumberLimitTests {
    func siteErrors(_ extra: String) -> [String] {
        Fixture(["content/site.yaml": "title: T\n" + extra, "content/a.md": Fixture.page("A")]).errors()
    }

    @Test func nonFiniteAndHugeNumbersInTheSiteConfiguration() {
        #expect(siteErrors("tolerance: .nan\n") == ["content/site.yaml:2:12: error: 'tolerance' must be a number from -10^15 to 10^15, found '.nan'"])
        #expect(siteErrors("tolerance: -.inf\n") == ["content/site.yaml:2:12: error: 'tolerance' must be a number from -10^15 to 10^15, found '-.inf'"])
        #expect(siteErrors("tolerance: 1e400\n") == ["content/site.yaml:2:12: error: 'tolerance' must be a number from -10^15 to 10^15, found '1e400'"])
        #expect(siteErrors("tolerance: 1e308\n") == ["content/site.yaml:2:12: error: 'tolerance' must be a number from -10^15 to 10^15, found '1e308'"])
        #expect(siteErrors("page_size: 9223372036854775807\n") == [
            "content/site.yaml:2:12: error: 'page_size' must be a whole number from -10^9 to 10^9, found '9223372036854775807'",
        ])
        #expect(siteErrors("feed_size: 1e400\n") == [
            "content/site.yaml:2:12: error: 'feed_size' must be a whole number, found '1e400'\n  hint: write digits only, for example 3",
        ])
    }

    @Test func numbersInTypedDocumentsAndTheRegistry() {
        let registry = "indicators:\n  - id: calls\n    name: Calls\n    unit: count\n    direction: higher\n    target: .inf\n"
        #expect(Fixture(["content/indicators.yaml": registry, "content/a.md": Fixture.page("A")]).errors() == [
            "content/indicators.yaml:6:13: error: 'indicators[1].target' must be a number from -10^15 to 10^15, found '.inf'",
        ])
        let issue = "kind: newsletter\nissue: 9223372036854775807\n"
        #expect(Fixture(["content/news/i.md": Fixture.page("I", extra: issue)]).errors() == [
            "content/news/i.md:4:8: error: 'issue' must be a whole number from -10^9 to 10^9, found '9223372036854775807'",
        ])
        #expect(Fixture(["content/a.md": Fixture.page("A", extra: "weight: 9223372036854775807\n")]).errors() == [
            "content/a.md:3:9: error: 'weight' must be a whole number from -10^9 to 10^9, found '9223372036854775807'",
        ])
    }

    @Test func chartValuesDonutPartsAndTimelineStages() {
        func chart(_ yaml: String) -> [String] {
            Fixture(["content/a.md": Fixture.page("A", "```chart\n" + yaml + "```\n")]).errors()
        }
        #expect(chart("type: donut\ntitle: D\ndata:\n  done: .nan\n  open: 2\n") == [
            "content/a.md:8:9: error: 'data.done' must be a number from 0 to 10^15, found '.nan'",
        ])
        #expect(chart("type: donut\ntitle: D\ndata:\n  done: -3\n") == [
            "content/a.md:8:9: error: 'data.done' must be a number from 0 to 10^15, found '-3'",
        ])
        #expect(chart("type: donut\ntitle: D\ndata:\n  - {label: Done, value: -1}\n") == [
            "content/a.md:8:26: error: 'data[1].value' must be a number from 0 to 10^15, found '-1'",
        ])
        #expect(chart("type: trend\ntitle: T\ndata:\n  - {label: Q1, value: 1e400}\n") == [
            "content/a.md:8:24: error: 'data[1].value' must be a number from -10^15 to 10^15, found '1e400'",
        ])
        #expect(chart("type: timeline\ntitle: T\ndata:\n  - {label: Build, start: 2007-05, end: 2007-02}\n") == [
            "content/a.md:8:41: error: timeline stage 'Build' ends (2007-02) before it starts (2007-05)",
        ])
    }

    @Test func sourceDateEpoch() throws {
        let now = Date(timeIntervalSince1970: 0)
        #expect(try Day.today(environment: ["SOURCE_DATE_EPOCH": "1167609600"], now: now) == Day(year: 2007, month: 1, day: 1))
        let hint = "\n  hint: set it to the output of `git log -1 --format=%ct`, or unset it"
        for (value, message) in [
            ("abc", "SOURCE_DATE_EPOCH: error: SOURCE_DATE_EPOCH 'abc' is not a whole number of seconds since 1970-01-01"),
            ("1e400", "SOURCE_DATE_EPOCH: error: SOURCE_DATE_EPOCH '1e400' is not a whole number of seconds since 1970-01-01"),
            ("99999999999999999999", "SOURCE_DATE_EPOCH: error: SOURCE_DATE_EPOCH '99999999999999999999' is not a whole number of seconds since 1970-01-01"),
            ("-5", "SOURCE_DATE_EPOCH: error: SOURCE_DATE_EPOCH -5 is out of range: it must be from 0 to 253402300799 (the end of 9999)"),
            ("999999999999999", "SOURCE_DATE_EPOCH: error: SOURCE_DATE_EPOCH 999999999999999 is out of range: it must be from 0 to 253402300799 (the end of 9999)"),
        ] {
            #expect(throws: Diagnostic.self, "\(value)") { try Day.today(environment: ["SOURCE_DATE_EPOCH": value], now: now) }
            do { _ = try Day.today(environment: ["SOURCE_DATE_EPOCH": value], now: now) } catch { #expect(error.description == message + hint) }
        }
    }
}

@Suite struct YAMLLimitTests {
    @Test func aliasesOfAliasesStopAtTheAnchor() {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...8 { lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]") }
        let errors = Fixture(["content/a.md": Fixture.page("A", extra: lines.joined(separator: "\n") + "\n")]).errors()
        #expect(errors == [
            "content/a.md:7:5: error: front matter: the aliases of anchor '&a4' expand this file to more than 100,000 values\n"
                + "  hint: Dossier limits one file to 1,000 aliases standing for at most 100,000 values and 1,000,000 characters, "
                + "nested at most 200 deep; write the values out instead",
        ])
    }

    @Test func aliasesAsMappingKeysAreCountedToo() {
        var lines = ["k0: &k0 {a: 1, b: 2}"]
        for level in 1...30 { lines.append("k\(level): &k\(level) {*k\(level - 1) : 1, x: *k\(level - 1)}") }
        let errors = Fixture(["content/a.md": Fixture.page("A", extra: lines.joined(separator: "\n") + "\n")]).errors()
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("content/a.md:") == true && errors.first?.contains("expand this file to more than 100,000 values") == true)
    }

    @Test func longTextThroughAliases() {
        let text = String(repeating: "x", count: 20_000)
        let extra = "t: &t \(text)\nu: [" + Array(repeating: "*t", count: 60).joined(separator: ", ") + "]\n"
        #expect(Fixture(["content/a.md": Fixture.page("A", extra: extra)]).errors().first?.hasPrefix(
            "content/a.md:3:4: error: front matter: the aliases of anchor '&t' expand this file to more than 1,000,000 characters") == true)
    }

    @Test func aFewAliasesAreFine() {
        let extra = "summary: &s Same words\nx-note: *s\n"
        #expect(YAMLExpansion.scan("summary: &s Same words\nother: *s\n") == nil)
        #expect(Fixture(["content/a.md": Fixture.page("A", extra: extra)]).errors() == [
            "content/a.md:4:1: error: unknown key 'x-note' in front matter\n  hint: expected one of: title, date, summary, tags, draft, slug, weight, kind, superseded_by, source",
        ])
    }

    @Test func deepNesting() {
        #expect(YAMLExpansion.scan("a: " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "\n")
            == .expansion(message: "lists and mappings nested more than 200 deep", line: 1, column: 203))
    }

    @Test func aDuplicateKeyIsReportedAtTheDuplicate() {
        #expect(Fixture(["content/a.md": "---\ntitle: A\nsummary: one\ndate: 2007-01-01\nsummary: two\n---\n"]).errors() == [
            "content/a.md:5:1: error: duplicate key 'summary' in front matter\n  hint: each key may appear once; remove this one or the first",
        ])
    }
}

@Suite struct URLPolicyTests {
    @Test func schemesAsABrowserReadsThem() {
        for url in ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "\u{1}javascript:x", "java\tscript:x",
                    "java\nscript:x", "javascript&#58;x", "javascript&colon;x", "&#106;avascript:x", "&#x6A;avascript:x",
                    "javascript://%0aalert(document.domain)", "data:text/html,<script>", "vbscript:x", "file:///etc/passwd"] {
            #expect(URLPolicy.problem(url) != nil, "\(url)")
        }
        for url in ["https://example.org/a", "http://example.org", "mailto:a@example.org", "reports/", "../a.md#x", "/ict/", "#top", "?q=1",
                    "a/b:c", ""] {
            #expect(URLPolicy.problem(url) == nil, "\(url)")
        }
        #expect(URLPolicy.problem("javascript:x") == "uses the scheme 'javascript:'; only http, https and mailto links, or relative ones, are allowed")
    }

    @Test func navigationLinks() {
        let site = Fixture([
            "content/site.yaml": "title: T\nnavigation:\n  - title: X\n    link: \"javascript://%0aalert(document.domain)\"\n",
            "content/a.md": Fixture.page("A"),
        ])
        #expect(site.errors() == [
            "content/site.yaml:4:11: error: 'navigation[1].link' uses the scheme 'javascript:'; only http, https and mailto links, or relative ones, are allowed\n"
                + "  hint: write an https:// address, a mailto: address, or a path inside the site",
        ])
    }

    @Test func appendixSupersessionAndMarkdownLinks() {
        let committee = "kind: committee\nreport_of: A\nreport_to: B\nmeeting: 2007-01-01\nsubject: S\nappendices:\n  - title: One\n    link: \" JAVASCRIPT:alert(1)\"\n"
        #expect(Fixture(["content/c.md": Fixture.page("C", extra: committee)]).errors() == [
            "content/c.md:10:11: error: 'appendices[1].link' uses the scheme 'javascript:'; only http, https and mailto links, or relative ones, are allowed\n"
                + "  hint: write an https:// address, a mailto: address, or a path inside the site",
        ])
        #expect(Fixture(["content/c.md": Fixture.page("C", extra: "superseded_by: \"javascript:x\"\n")]).errors() == [
            "content/c.md:3:16: error: 'superseded_by' uses the scheme 'javascript:'; only http, https and mailto links, or relative ones, are allowed\n"
                + "  hint: write an https:// address, a mailto: address, or a path inside the site",
        ])
        let markdown = Fixture(["content/site.yaml": "title: T\nallow_raw_html: true\n", "content/a.md": Fixture.page("A", "[x](javascript:alert(1))\n")])
        #expect(markdown.errors().first?.hasPrefix("content/a.md:4:1: error: link 'javascript:alert(1)' uses the scheme 'javascript:'") == true)
    }

    @Test func aBaseURLWithAQuote() {
        #expect(Fixture(["content/site.yaml": "title: T\nbase_url: https://x.example/\"onmouseover=alert(1)\n", "content/a.md": Fixture.page("A")]).errors() == [
            "content/site.yaml:2:11: error: 'base_url' may not hold quotes, backslashes or angle brackets\n"
                + "  hint: write the address the site is published at, e.g. https://intranet.example.gov.uk/ict/ or /ict/",
        ])
    }
}

@Suite struct ScriptableContentTests {
    @Test func htmlAndSVGFilesAreRefusedUnlessRawHTMLIsAllowed() {
        let files = ["content/a.md": Fixture.page("A"), "content/img/logo.svg": "<svg onload=\"alert(1)\"/>", "content/x.HTML": "<script>"]
        #expect(Fixture(files).errors() == [
            "content/img/logo.svg:1:1: error: 'logo.svg' can carry script (HTML or SVG), so it is not copied into the site\n"
                + "  hint: convert it (an SVG image to PNG, an HTML page to Markdown), or set `allow_raw_html: true` in site.yaml if every author may publish script",
            "content/x.HTML:1:1: error: 'x.HTML' can carry script (HTML or SVG), so it is not copied into the site\n"
                + "  hint: convert it (an SVG image to PNG, an HTML page to Markdown), or set `allow_raw_html: true` in site.yaml if every author may publish script",
        ])
        var allowed = files
        allowed["content/site.yaml"] = "title: T\nallow_raw_html: true\n"
        #expect(Fixture(allowed).errors() == [])
    }

    @Test func rawOutputOfTextInATemplate() {
        let page = DefaultTemplates.files["page.mustache"]!.replacingOccurrences(of: "{{{page.content}}}", with: "{{{page.content}}}{{{page.title}}}{{& site.title}}")
        let errors = Fixture(["content/a.md": Fixture.page("A"), "templates/page.mustache": page]).errors()
        let line = page.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("{{{page.title}}}") }! + 1
        let hint = "only fields that hold HTML may be written raw: chart, content, donut, html, intro, sparkline, statusChart, targetChart, timeline, trend"
        #expect(errors.count == 2)
        #expect(errors.first == "templates/page.mustache:\(line):19: error: 'page.title' holds text, which raw output ({{{…}}} or {{&…}}) would publish as markup\n"
            + "  hint: write {{page.title}}; " + hint)
        #expect(errors.last?.hasPrefix("templates/page.mustache:\(line):35: error: 'site.title' holds text") == true)
    }

    @Test func aLayoutWithoutItsMainBlock() {
        let layout = DefaultTemplates.files["layout.mustache"]!.replacingOccurrences(of: "{{$main}}{{/main}}", with: "")
        #expect(Fixture(["content/a.md": Fixture.page("A"), "templates/layout.mustache": layout]).errors() == [
            "templates/layout.mustache:1:1: error: the layout has no {{$main}} block, so every page would lose its content\n"
                + "  hint: put {{$main}}{{/main}} where the page's content goes",
        ])
    }
}

@Suite struct SuggestionCostTests {
    @Test func theIndexFindsWhatAFullScanFinds() {
        let paths = (0..<5_000).map { "reports/r\(String(format: "%05d", $0)).md" } + ["about.md", "plans/ict-plan.md"]
        let index = SuggestionIndex { paths }
        for (word, expected) in [("reports/r01234-old.md", "reports/r01234.md"), ("reports/r0123.md", "reports/r00123.md"),
                                 ("abuot.md", "about.md"), ("plans/ict-plam.md", "plans/ict-plan.md"), ("elsewhere/nothing-like.txt", nil),
                                 ("reports/r01234-missing.md", nil)] {
            #expect(index.nearest(to: word) == expected, "\(word)")
            #expect(Suggestion.nearestPath(to: word, in: paths) == expected, "\(word)")
        }
    }

    @Test func editDistance() {
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.editDistance("same", "same") == 0)
        #expect(Suggestion.nearest(to: "titel", in: ["title", "tags", "date"]) == "title")
    }
}

@Suite struct OutputFolderTests {
    @Test func leftoversOfKilledBuildsAreRemovedUnderTheLockAndSaid() throws {
        let parent = TemporaryFolder.make()
        let output = parent.appending(path: "site")
        let fixture = Fixture(["content/a.md": Fixture.page("A")])
        _ = try fixture.build(into: output)
        for leftover in [".site.staging-99999", ".site.previous-88888"] {
            try FileManager.default.createDirectory(at: parent.appending(path: leftover), withIntermediateDirectories: true)
        }
        let report = try Pipeline(options: fixture.options(output: output.path)).run(.build)
        #expect(report.diagnostics.map(\.description) == [
            "\(output.path): warning: removed '.site.previous-88888', left by a build that was stopped after its swap",
            "\(output.path): warning: removed '.site.staging-99999', left by a build that did not finish",
        ])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == [".site.lock", "site"])
    }

    @Test func aSiteLeftAsideByAKilledSwapIsPutBack() throws {
        let parent = TemporaryFolder.make()
        let output = parent.appending(path: "site")
        var fixture = Fixture(["content/a.md": Fixture.page("A")])
        _ = try fixture.build(into: output)
        let before = Tree.snapshot(output)
        try FileManager.default.moveItem(at: output, to: parent.appending(path: ".site.previous-77777"))
        fixture.files["content/b.md"] = "---\ntitle: B\ndate: never\n---\n"
        do {
            _ = try Pipeline(options: fixture.options(output: output.path)).run(.build)
            Issue.record("the build should fail")
        } catch {
            #expect(error.diagnostics.first?.description
                == "\(output.path): warning: put back the previous site from '.site.previous-77777', left by a build that was stopped while it swapped the site in")
        }
        #expect(Tree.snapshot(output) == before)
    }

    @Test func concurrentBuildsIntoOneOutputAllSucceed() throws {
        let output = TemporaryFolder.make().appending(path: "site")
        let fixture = Fixture(["content/a.md": Fixture.page("A"), "content/b.md": Fixture.page("B")])
        let failures = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            do { _ = try Pipeline(options: fixture.options(output: output.path)).run(.build) } catch { failures.withLock { $0 += 1 } }
        }
        #expect(failures.withLock { $0 } == 0)
        #expect(Tree.snapshot(output)["a/index.html"] != nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path).sorted() == [".site.lock", "site"])
    }

    @Test func aReadOnlyOutputFolderIsNotReplaced() throws {
        let output = TemporaryFolder.make().appending(path: "site")
        let fixture = Fixture(["content/a.md": Fixture.page("A")])
        _ = try fixture.build(into: output)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: output.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: output.path) }
        #expect(throws: BuildFailure.self) { try fixture.build(into: output) }
        do { _ = try fixture.build(into: output) } catch let failure as BuildFailure {
            #expect(failure.diagnostics.map(\.message) == ["refusing to replace '\(output.path)': the folder is read-only"])
        }
    }

    @Test func anOutputPathThroughASymlinkIntoTheSourcesIsRefused() throws {
        let root = TemporaryFolder.make()
        try FileManager.default.createDirectory(at: root.appending(path: "content"), withIntermediateDirectories: true)
        try Data(Fixture.page("A").utf8).write(to: root.appending(path: "content/a.md"))
        try FileManager.default.createSymbolicLink(at: root.appending(path: "out"), withDestinationURL: root.appending(path: "content"))
        let options = BuildOptions(root: root.path, output: root.appending(path: "out/site").path, today: Fixture.today)
        #expect(throws: BuildFailure.self) { try Pipeline(options: options).run(.build) }
        #expect(Tree.snapshot(root.appending(path: "content")).keys.sorted() == ["a.md"])
    }
}

@Suite struct UnreadableInputTests {
    @Test func aFIFOAssetAndALinkOutOfTheContentFolder() throws {
        let root = TemporaryFolder.make()
        let content = root.appending(path: "content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try Data(Fixture.page("A").utf8).write(to: content.appending(path: "a.md"))
        #expect(mkfifo(content.appending(path: "pipe.csv").path, 0o644) == 0)
        let secret = TemporaryFolder.make().appending(path: "secret.txt")
        try Data("secret".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(at: content.appending(path: "secret.txt"), withDestinationURL: secret)
        let options = BuildOptions(root: root.path, today: Fixture.today)
        var diagnostics: [String] = []
        do { diagnostics = try Pipeline(options: options).run(.check).diagnostics.map(\.description) } catch { diagnostics = error.diagnostics.map(\.description) }
        #expect(diagnostics.contains("content/secret.txt: warning: a symbolic link to outside the content folder; skipped\n  hint: copy the file into content/ if it belongs to the site"))
        #expect(!diagnostics.contains { $0.contains("pipe.csv") }, "readdir does not list a FIFO as a file: it is not an asset")
    }

    @Test func theFileSystemRefusesAFIFOAndNamesAMissingFile() throws {
        let folder = TemporaryFolder.make()
        let fifo = folder.appending(path: "pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(throws: FileSystemError.self) { try LocalFileSystem().read(fifo) }
        do { _ = try LocalFileSystem().read(fifo) } catch { #expect(error.localizedDescription == "'\(fifo)': not a regular file") }
        do { _ = try LocalFileSystem().read(folder.appending(path: "none").path) } catch {
            #expect(error.localizedDescription == "'\(folder.appending(path: "none").path)': No such file or directory")
        }
    }
}

@Suite struct OutputPathCheckTests {
    func diagnostics(_ files: [String: String]) -> [String] {
        Fixture(files).diagnostics().map(\.description)
    }

    @Test func slugsThatAreDossiersOwnFiles() {
        for (slug, owner) in [("index.html", "the home page"), ("404.html", "Dossier's 404.html"), ("sitemap.xml", "Dossier's sitemap.xml")] {
            #expect(diagnostics(["content/a.md": Fixture.page("A", extra: "slug: \(slug)\n")]) == [
                "content/a.md:3:7: error: this page is written inside '\(slug)', which \(owner) writes as a file\n  hint: give one of them a different slug or file name",
            ], "\(slug)")
        }
    }

    @Test func namesLongerThanAFileSystemAllows() {
        let long = String(repeating: "x", count: 300)
        let short = String(repeating: "x", count: 40) + "…"
        #expect(diagnostics(["content/a.md": Fixture.page("A", extra: "slug: \(long)\n")]) == [
            "content/a.md:3:7: error: this page is written to '\(short)': the name '\(short)' is 300 bytes long, and file systems allow at most 255\n"
                + "  hint: use a shorter, plainer slug, tag or id",
        ])
        let tagged = diagnostics(["content/a.md": Fixture.page("A", extra: "tags: [\(long)]\n")])
        #expect(tagged.count == 1)
        // The tag is shown as words, so with a capital.
        #expect(tagged.first?.hasPrefix("content/a.md:3:7: error: the page of tag 'X\(short.dropFirst())' is written to 'tags/") == true)
    }

    @Test func anAssetWherePageNeedsAFolder() {
        #expect(diagnostics(["content/a.md": Fixture.page("A"), "content/a": "data"]) == [
            "content/a:1:1: error: this file is written to 'a', which this page (content/a.md) needs as a folder\n  hint: give one of them a different slug or file name",
        ])
    }

    @Test func pathsThatDifferOnlyByCaseAndWindowsNames() {
        #expect(diagnostics(["content/About.md": Fixture.page("A"), "content/about.md": Fixture.page("B"), "content/n.md": Fixture.page("N", extra: "slug: nul\n")]) == [
            "content/about.md:1:1: warning: this page is written to 'about/index.html', which differs only by case from 'About/index.html'\n"
                + "  hint: a site served from a Windows share or a Mac would lose one of them; rename one",
            "content/n.md:3:7: warning: this page is written to 'nul/index.html': the name 'nul' is reserved on Windows, so the site cannot be copied to a Windows share\n"
                + "  hint: use another slug or file name",
        ])
    }

    @Test func limitsOfOnePath() {
        #expect(OutputPathLimits.problems("a/b/index.html") == [])
        #expect(OutputPathLimits.problems(String(repeating: "a/", count: 2000) + "x") == [
            .error("a path of 4001 bytes, more than the 3840 a build allows (the system's limit is 4096, with the output folder's own path)"),
        ])
        #expect(OutputPathLimits.problems("a\\b/index.html") == [.error("the name 'a\\b' holds a backslash, which Windows and many servers read as a folder separator")])
    }
}

@Suite struct AuthoringAndEncodingTests {
    @Test func invalidUTF8IsReportedAtItsLine() {
        var bytes = Data("---\ntitle: A\nsummary: caf".utf8)
        bytes.append(contentsOf: [0xC3, 0x28])
        bytes.append(contentsOf: Data("\n---\n".utf8))
        var fileSystem = InMemoryFileSystem()
        fileSystem.contents["\(Fixture.root)/content/a.md"] = bytes
        let options = BuildOptions(root: Fixture.root, today: Fixture.today, fileSystem: fileSystem)
        var errors: [String] = []
        do { _ = try Pipeline(options: options).run(.check) } catch { errors = error.diagnostics.map(\.description) }
        #expect(errors == ["content/a.md:3:13: error: file is not UTF-8 text: the first byte that is not is here\n  hint: save it as UTF-8"])
        #expect(UTF8Position.firstInvalid(in: Data("ok\nfine".utf8)) == nil)
    }

    @Test func newRefusesATitleWithALineBreakAndALinkedFolder() throws {
        let root = TemporaryFolder.make()
        let outside = TemporaryFolder.make()
        try FileManager.default.createDirectory(at: root.appending(path: "content"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: root.appending(path: "content/linked"), withDestinationURL: outside)
        #expect(throws: SkeletonError("--title may not hold a line break or other control character: the document would not parse")) {
            try Skeleton.write(kind: "page", path: "a", title: "One\r\nkind: review", root: root.path, today: Fixture.today)
        }
        #expect(throws: SkeletonError("\(root.path)/content/linked/x.md would be written outside the content folder (a folder on its way is a link to \(outside.path)); Dossier writes only inside content/")) {
            try Skeleton.write(kind: "page", path: "linked/x", root: root.path, today: Fixture.today)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }
}
