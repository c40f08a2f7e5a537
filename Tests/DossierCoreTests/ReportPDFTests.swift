import Foundation
import Testing
@testable import DossierCore

/// Issue 15: `report.pdf` beside each report's page with `--pdf`, printed by WeasyPrint.
@Suite(.serialized) struct ReportPDFTests {
    /// A stand-in for WeasyPrint's driver (`-c SCRIPT DATE FOLDER BASE_PATH BASE_URL (HTML PDF)…`): says it is
    /// 70.0, then writes a small file for each PDF and says it has 2 pages; when `failing`, it
    /// writes the first and fails.
    static func fakeEngine(failing: Bool = false) throws -> WeasyPrint {
        let script = TemporaryFolder.make().appending(path: failing ? "failing-weasyprint" : "fake-weasyprint")
        try """
            #!/bin/sh
            shift 2
            if [ "$1" = "--version" ]; then echo "WeasyPrint 70.0"; exit 0; fi
            shift 4
            while [ $# -gt 0 ]; do
              printf '%%PDF-1.7 fake' > "$2"
              \(failing ? "echo 'ERROR: Failed to print the page' >&2; exit 2" : "echo 2")
              shift 2
            done
            """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return WeasyPrint(command: [script.path])
    }

    static var weasyPrintInstalled: Bool { WeasyPrint().problem(at: SourceLocation(file: "x")) == nil }

    static func exampleOptions(output: URL) -> BuildOptions {
        var options = BuildOptions(root: repositoryRoot.path, output: output.path, today: Fixture.today)
        options.validateContexts = true
        options.pdf = true
        return options
    }

    /// Site paths of the example site's reports.
    static var exampleReports: [String] {
        let graph = AZIndexTests.exampleGraph()
        return graph.reports.map { graph.pages[$0].urlPath }
    }

    static func checkErrors(_ options: BuildOptions) -> [String] {
        do {
            return try Pipeline(options: options).run(.check).diagnostics.filter { $0.severity == .error }.map(\.description)
        } catch {
            return error.errors.map(\.description)
        }
    }

    static func buildErrors(_ options: BuildOptions) -> [String] {
        do {
            return try Pipeline(options: options).run(.build).diagnostics.filter { $0.severity == .error }.map(\.description)
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func theLinkSaysHowManyPagesAndHowBig() {
        #expect(ReportPDFs.facts(pages: 1, bytes: 999) == ", 1 page, 1 KB")
        #expect(ReportPDFs.facts(pages: 8, bytes: 88_555) == ", 8 pages, 89 KB")
        #expect(ReportPDFs.size(0) == "1 KB")
        #expect(ReportPDFs.size(999_999) == "1000 KB")
        #expect(ReportPDFs.size(1_000_000) == "1.0 MB")
        #expect(ReportPDFs.size(2_449_999) == "2.4 MB")
    }

    @Test func eachReportLinksItsPDFWithThePagesAndSizeTheEngineGave() throws {
        let output = TemporaryFolder.make().appending(path: "site")
        var options = Self.exampleOptions(output: output)
        options.weasyPrint = try Self.fakeEngine()
        let report = try Pipeline(options: options).run(.build)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let reports = Self.exampleReports
        #expect(reports.count >= 6)
        let files = Tree.snapshot(output)
        for page in reports {
            #expect(files[page + "report.pdf"].map { Array($0) } == Array("%PDF-1.7 fake".utf8), "\(page)")
            #expect(Tree.text(output, page + "index.html").contains(
                "<p class=\"pdf-download\"><a href=\"report.pdf\" type=\"application/pdf\">Download as PDF, 2 pages, 1 KB</a></p>"), "\(page)")
        }
        // Only reports: no PDF for a newsletter issue, a list or a plain page.
        #expect(files.keys.filter { $0.hasSuffix(".pdf") }.sorted() == reports.map { $0 + "report.pdf" }.sorted())
        for (path, bytes) in files where path.hasSuffix(".html") {
            #expect(!String(decoding: bytes, as: UTF8.self).contains(ReportPDFs.factsMarker), "\(path)")
        }
    }

    @Test func withoutPDFNoPageLinksOne() throws {
        let (site, _) = try ExampleSiteTests.build()
        for (path, bytes) in Tree.snapshot(site) {
            #expect(!path.hasSuffix(".pdf"), "\(path)")
            if path.hasSuffix(".html") {
                let text = String(decoding: bytes, as: UTF8.self)
                #expect(!text.contains("Download as PDF") && !text.contains(ReportPDFs.factsMarker), "\(path)")
            }
        }
    }

    @Test func aFailedPrintLeavesThePreviousSiteByteIdentical() throws {
        let (site, _) = try ExampleSiteTests.build()
        let before = Tree.snapshot(site)
        var options = Self.exampleOptions(output: site)
        options.weasyPrint = try Self.fakeEngine(failing: true)
        #expect(Self.buildErrors(options) == [
            "\(site.path): error: WeasyPrint failed to print the reports as PDF (exit status 2):\n  ERROR: Failed to print the page",
        ])
        #expect(Tree.snapshot(site) == before)
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.deletingLastPathComponent().path)
        #expect(beside.filter { $0 != ".site.lock" } == ["site"], "staging folders left: \(beside)")
    }

    @Test func pdfWithoutWeasyPrintIsAnErrorNamingTheInstallCommand() {
        var files = ["content/a.md": Fixture.page("A", extra: "date: 2006-06-01\n")]
        files["content/site.yaml"] = "title: T\npdf: true\n"
        var options = Fixture(files).options()
        options.weasyPrint = WeasyPrint(command: ["/nonexistent/python3"])
        #expect(Self.buildErrors(options) == [
            "content/site.yaml:2:6: error: PDF is on, but WeasyPrint cannot be run (/nonexistent/python3: '/nonexistent/python3' is not on PATH)\n  hint: install it with: python3 -m pip install weasyprint==70.0",
        ])
        files["content/site.yaml"] = "title: T\n"
        options = Fixture(files).options()
        options.pdf = true
        options.weasyPrint = WeasyPrint(command: ["/bin/sh", "-c", "echo 'ModuleNotFoundError: No module named weasyprint' >&2; exit 1", "sh"])
        #expect(Self.buildErrors(options) == [
            "--pdf: error: PDF is on, but WeasyPrint is not installed (/bin/sh -c echo 'ModuleNotFoundError: No module named weasyprint' >&2; exit 1 sh exited 1: ModuleNotFoundError: No module named weasyprint)\n  hint: install it with: python3 -m pip install weasyprint==70.0",
        ])
        options.weasyPrint = WeasyPrint(command: ["/bin/sh", "-c", "echo 'WeasyPrint 69.0'", "sh"])
        #expect(Self.buildErrors(options) == [
            "--pdf: error: PDF needs WeasyPrint 70, but /bin/sh -c echo 'WeasyPrint 69.0' sh reports 'WeasyPrint 69.0'\n  hint: install it with: python3 -m pip install weasyprint==70.0",
        ])
    }

    /// `check` finds what would stop the PDFs before a build: the engine missing, and a file of the
    /// content where a report's PDF goes.
    @Test func checkFindsAMissingEngineAndAFileWhereAPDFGoes() {
        var files = ["content/reports/q1.md": Fixture.page("Q1", extra: "date: 2006-06-01\n"),
                     "content/reports/q1/report.pdf": "%PDF-1.4 an old print"]
        files["content/site.yaml"] = "title: T\npdf: true\n"
        var options = Fixture(files).options()
        options.weasyPrint = WeasyPrint(command: ["/nonexistent/python3"])
        #expect(Self.checkErrors(options) == [
            "content/reports/q1/report.pdf:1:1: error: this file is written to 'reports/q1/report.pdf', which this report's PDF (content/reports/q1.md) already writes\n  hint: give one of them a different slug or file name",
            "content/site.yaml:2:6: error: PDF is on, but WeasyPrint cannot be run (/nonexistent/python3: '/nonexistent/python3' is not on PATH)\n  hint: install it with: python3 -m pip install weasyprint==70.0",
        ])
        // Without PDFs the file is the report's attachment, as before.
        files["content/site.yaml"] = "title: T\n"
        #expect(Fixture(files).errors() == [])
    }

    @Test func aReportsPDFIsInTheOutputPlan() throws {
        var options = Self.exampleOptions(output: TemporaryFolder.make().appending(path: "site"))
        options.weasyPrint = try Self.fakeEngine()
        let report = try Pipeline(options: options).run(.check)
        #expect(report.plannedPaths.filter { $0.hasSuffix(".pdf") } == Self.exampleReports.map { $0 + ReportPDFs.fileName }.sorted())
    }

    @Test func onePDFIsMadeWithoutTouchingTheSite() throws {
        let folder = TemporaryFolder.make()
        let destination = folder.appending(path: "q3.pdf").path
        var options = BuildOptions(root: repositoryRoot.path, today: Fixture.today)
        options.weasyPrint = try Self.fakeEngine()
        let warnings = try SingleReportPDF.make(options, page: "performance/2006-07-q3", to: destination)
        #expect(warnings.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: destination)) == Data("%PDF-1.7 fake".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["q3.pdf"])
        do {
            _ = try SingleReportPDF.make(options, page: "performance/2006-07-q3/", to: destination)
            Issue.record("an existing PDF was replaced without --force")
        } catch {
            #expect(error.errors.map(\.description) == [
                "\(destination): error: \(destination) already exists\n  hint: pass --force to replace it, or --output another file",
            ])
        }
        do {
            _ = try SingleReportPDF.make(options, page: "about/", to: folder.appending(path: "about.pdf").path)
            Issue.record("a page that is not a report was printed")
        } catch {
            #expect(error.errors.map(\.description).last?.hasPrefix("about/: error: 'about/' is not a report of the site\n  hint: give a report's site path, such as ") == true)
        }
    }

    /// The real engine: tagged PDF/UA-1 with the build date, the same bytes from two builds, and
    /// the links' page counts and sizes those of the files.
    @Test func withWeasyPrintTheReportsPrintTheSameBytesTwice() throws {
        guard Self.weasyPrintInstalled else {
            if SiteCheck.isCI { Issue.record("CI is set but WeasyPrint is missing: \(WeasyPrint.installCommand)") }
            print("SKIPPED: WeasyPrint is not installed (\(WeasyPrint.installCommand))")
            return
        }
        let first = TemporaryFolder.make().appending(path: "site")
        let second = TemporaryFolder.make().appending(path: "site")
        let report = try Pipeline(options: Self.exampleOptions(output: first)).run(.build)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        _ = try Pipeline(options: Self.exampleOptions(output: second)).run(.build)
        let (a, b) = (Tree.snapshot(first), Tree.snapshot(second))
        #expect(a == b, "two builds differ in \(a.keys.filter { a[$0] != b[$0] }.sorted())")
        for page in Self.exampleReports {
            let pdf = try #require(a[page + "report.pdf"], "no PDF for \(page)")
            #expect(pdf.starts(with: Array("%PDF-".utf8)))
            let html = Tree.text(first, page + "index.html")
            let pages = try #require(Self.pdfInfo(first.appending(path: page + "report.pdf"))?["Pages"].flatMap { Int($0) })
            #expect(html.contains("Download as PDF\(ReportPDFs.facts(pages: pages, bytes: pdf.count))</a>"), "\(page)")
            let info = Self.pdfInfo(first.appending(path: page + "report.pdf")) ?? [:]
            #expect(info["Tagged"] == "yes" && info["Page size"]?.hasSuffix("(A4)") == true, "\(page): \(info)")
            #expect(info["CreationDate"]?.contains("2026") == true && info["CreationDate"] == info["ModDate"], "\(page): \(info)")
        }
        #expect(Self.pdfInfo(first.appending(path: "performance/2006-07-q3/report.pdf"))?["Pages"] == "\(SiteCheck.printLimits.quarterly)")
        // A PDF travels without the site: its links to the site are the live site's addresses.
        let links = Self.pdfLinks(first.appending(path: "performance/2006-07-q3/report.pdf"))
        #expect(links.contains("https://intranet.example.gov.uk/ict/indicators/help-desk-fixed/"), "\(links)")
        #expect(links.allSatisfy { $0.hasPrefix("https://") }, "\(links)")
        try Self.checkPDFUA(Self.exampleReports.map { first.appending(path: $0 + "report.pdf") })
    }

    /// With `base_url` only a path there is no address to give a link to the site: the PDF keeps
    /// only the links that lead somewhere, not `file:///x/…` ones that open nothing.
    @Test func withWeasyPrintAndOnlyAPathForBaseURLLinksToTheSiteAreLeftOut() throws {
        guard Self.weasyPrintInstalled else {
            if SiteCheck.isCI { Issue.record("CI is set but WeasyPrint is missing: \(WeasyPrint.installCommand)") }
            print("SKIPPED: WeasyPrint is not installed (\(WeasyPrint.installCommand))")
            return
        }
        let root = TemporaryFolder.make()
        let files = [
            "content/site.yaml": "title: T\nbase_url: /x/\npdf: true\n",
            "content/other.md": Fixture.page("Other"),
            "content/r.md": Fixture.page("R", "See [the other page](other.md) and [GOV.UK](https://www.gov.uk/).\n", extra: "date: 2006-06-01\n"),
        ]
        for (path, text) in files {
            let url = root.appending(path: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let output = root.appending(path: "site")
        _ = try Pipeline(options: BuildOptions(root: root.path, output: output.path, today: Fixture.today)).run(.build)
        #expect(Set(Self.pdfLinks(output.appending(path: "r/report.pdf"))) == ["https://www.gov.uk/"])
    }

    /// The URL of every link annotation (`pdfinfo -url`).
    static func pdfLinks(_ file: URL) -> [String] {
        guard let result = try? ExternalTool.run("/usr/bin/pdfinfo", ["-url", file.path]), result.status == 0 else { return ["(pdfinfo failed)"] }
        return result.output.split(separator: "\n").dropFirst().compactMap { $0.split(separator: " ").last.map(String.init) }
    }

    /// The `pdfua` checker (PyPI `pdfua`, which `.ci/run` installs) finds nothing in any of `files`.
    static func checkPDFUA(_ files: [URL]) throws {
        guard let checker = ExternalTool.find("pdfua") else {
            if SiteCheck.isCI { Issue.record("CI is set but the pdfua checker is missing: python3 -m pip install pdfua==0.1.3") }
            print("SKIPPED: the pdfua checker is not installed (python3 -m pip install pdfua==0.1.3)")
            return
        }
        let result = try ExternalTool.run(checker, ["check"] + files.map(\.path))
        #expect(result.status == 0, "pdfua found something:\n\(result.output)")
        #expect(result.output.components(separatedBy: "result: PASS (no findings)").count - 1 == files.count, "\(result.output)")
        // pdfua 0.1.3 skips its empty-heading rule (UA-14-001) on these files: it fails on a /K
        // that is an array. The same check, with pikepdf (pdfua's own dependency):
        let headings = try ExternalTool.run(ExternalTool.find("python3")!, ["-c", emptyHeadingsScript] + files.map(\.path))
        #expect(headings.status == 0 && headings.output.split(separator: "\n").allSatisfy { $0.hasSuffix(" 0 empty") && !$0.contains(": 0 headings") },
                "headings without text:\n\(headings.output)")
    }

    /// Prints `FILE: N headings, M empty` for each PDF: a heading (`/H1`…`/H6`) is empty when no
    /// marked content is under it.
    static let emptyHeadingsScript = """
        import sys, pikepdf
        def marks(node):
            if isinstance(node, pikepdf.Array): return any(marks(item) for item in node)
            if isinstance(node, pikepdf.Dictionary):
                if node.get("/Type") == pikepdf.Name("/MCR"): return True
                return node.get("/K") is not None and marks(node.get("/K"))
            try: int(node); return True
            except Exception: return False
        for name in sys.argv[1:]:
            counts = [0, 0]
            def walk(node):
                if isinstance(node, pikepdf.Array):
                    for item in node: walk(item)
                elif isinstance(node, pikepdf.Dictionary):
                    role = str(node.get("/S", ""))
                    if len(role) == 3 and role.startswith("/H") and role[2].isdigit():
                        counts[0] += 1
                        counts[1] += 0 if marks(node.get("/K")) else 1
                    if node.get("/K") is not None: walk(node.get("/K"))
            pdf = pikepdf.open(name)
            walk(pdf.Root.StructTreeRoot.get("/K"))
            print(f"{name}: {counts[0]} headings, {counts[1]} empty")
        """

    /// `pdfinfo`'s fields (Debian poppler-utils, which `.ci/run` installs for the layout check).
    static func pdfInfo(_ file: URL) -> [String: String]? {
        guard let result = try? ExternalTool.run("/usr/bin/pdfinfo", ["-isodates", file.path]), result.status == 0 else { return nil }
        var fields: [String: String] = [:]
        for line in result.output.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }
}
