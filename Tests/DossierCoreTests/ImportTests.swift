import Foundation
import Testing
@testable import DossierCore

/// `dossier import` on .docx files made from the seed documents (Fixtures/import/make_fixtures.py):
/// a quarterly report with its indicator table, an improvement plan with numbered actions, a
/// committee report with its declarations, and a note with a footnote and tracked changes.
/// Tests that run pandoc skip visibly without it, and fail under CI=true, which installs it.
@Suite struct ImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/import")
    static let today = Day(year: 2026, month: 11, day: 21)!

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// A copy of the repository's example site, whose indicator registry the quarterly rows match.
    static func site() throws -> URL {
        let root = TemporaryFolder.make()
        try FileManager.default.copyItem(at: repositoryRoot.appending(path: "content"), to: root.appending(path: "content"))
        return root
    }

    static func requirePandoc(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Bool {
        if ImportTools().hasPandoc { return true }
        try SiteCheck.missing("dossier import", "pandoc is not installed (apt-get install pandoc)", sourceLocation: sourceLocation)
        return false
    }

    /// The command of `pandoc`, or nil (skipped visibly, or failed under CI) when it is not installed.
    static func require(_ pandoc: TestPandoc, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String? {
        if let command = pandoc.command { return command }
        try SiteCheck.missing("dossier import with \(pandoc.rawValue)", "it is not installed (\(pandoc.install))", sourceLocation: sourceLocation)
        return nil
    }

    static func run(_ file: String, root: URL, into: String, kind: String? = nil, pandoc: String = "pandoc",
                    configure: (inout Importer.Options) -> Void = { _ in }) -> Importer.Outcome {
        var options = Importer.Options(files: [file.hasPrefix("/") ? file : fixture(file)], into: into, kind: kind)
        options.root = root.path
        options.tools = ImportTools(pandoc: pandoc)
        configure(&options)
        return Importer(options).run()[0]
    }

    static func warnings(_ outcome: Importer.Outcome, in folder: URL = fixtures) -> [String] {
        outcome.diagnostics.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
    }

    static func check(_ root: URL) -> [String] {
        var options = BuildOptions(root: root.path, includeDrafts: true, today: today)
        options.includeFuture = true
        do { return try Pipeline(options: options).run(.check).diagnostics.filter { $0.severity != .note }.map(\.description) }
        catch { return error.diagnostics.map(\.description) }
    }

    @Test("A quarterly report's indicator table becomes the results of a draft, its figures kept, and it builds", arguments: TestPandoc.allCases)
    func quarterly(pandoc: TestPandoc) throws {
        guard let pandoc = try Self.require(pandoc) else { return }
        let root = try Self.site()
        let outcome = Self.run("quarterly-2006-07-q3.docx", root: root, into: "performance", kind: "quarterly", pandoc: pandoc)
        #expect(Self.warnings(outcome) == [
            "quarterly-2006-07-q3.docx: warning: table 1, row 7: 'Printer toner delivery' matches no indicator in content/indicators.yaml; the row is left as a comment in results\n  hint: define the indicator in content/indicators.yaml, then give its result",
            "quarterly-2006-07-q3.docx: warning: table 1, row 8: 'Help desk / % Of calls answered immediately / % Of all calls/faults fixed immediately' holds 2 results in one row; the row is left as a comment in results\n  hint: give each of its indicators a result of its own",
            "quarterly-2006-07-q3.docx: warning: paragraph 12: the image quarterly-2006-07-q3-image2.png has no alt text\n  hint: describe it between the brackets of ![](quarterly-2006-07-q3-image2.png), or write ![]() only if it is decoration",
            "quarterly-2006-07-q3.docx: warning: table 2, row 5: a merged cell spans 2 columns; its text is in the first and the others are empty\n  hint: a ```table block has no merged cells",
            "quarterly-2006-07-q3.docx: warning: table 3, row 3: a cell merged with the one above (column 1) is written as an empty cell\n  hint: a ```table block has no merged cells; repeat the text if the row needs it",
        ])
        #expect(outcome.written == ["content/performance/quarterly-2006-07-q3-image1.png", "content/performance/quarterly-2006-07-q3-image2.png",
                                    "content/performance/quarterly-2006-07-q3.docx", "content/performance/quarterly-2006-07-q3.md"])
        let page = try String(contentsOf: root.appending(path: "content/performance/quarterly-2006-07-q3.md"), encoding: .utf8)
        for line in ["title: \"Quarterly report: quarter 3, 2006/07\"  # from the document's properties",
                     "date: 2007-01-29  # the document's created date: check it is the report's date",
                     "tags: [performance, faults]  # the document's keywords",
                     "source: quarterly-2006-07-q3.docx", "draft: true  # until you have confirmed the guesses marked below",
                     "financial_year: 2006/07  # guessed: from 'quarter 3' and '2006/07' in the text",
                     "  - indicator: fault-single-item  # guessed from 'Single item fault' (table 1, row 5): confirm",
                     "    actual: 92  # from '92% / (1684 faults)'", "    volume: 1684", "    volume_unit: faults",
                     "  #   the row: 'Printer toner delivery' | '95% within 2 days' | '97%' | 'Target exceeded'\n  # - {indicator: ?, actual: 97}",
                     "  #   the row: 'Help desk / % Of calls answered immediately / % Of all calls/faults fixed immediately' | '75% / 60%' | '87% / (35993 calls) / 59%' | 'Target exceeded / Target just missed'",
                     "  # table 1, row 8: 'Help desk / % Of calls answered immediately / % Of all calls/faults fixed immediately' holds 2 results (87%, 59%); give each indicator its own result:",
                     "headlines:  # the list under '2. Headlines'\n  - Operational performance improvements are being sustained (see section 3)\n",
                     "![Milestones: 73% completed, 27% outstanding](quarterly-2006-07-q3-image1.png)",
                     "Budget savings for 2007/8 are identified; see the *corporate plan*.",
                     "```table\nTotal milestones within the main actions,298\n",
                     "```table\nDirectorate,Officers moved\nCustomer and Support Services,640\n,410\n```"] {
            #expect(page.contains(line), "missing: \(line)")
        }
        #expect(!page.contains("```table\nPerformance Indicator"), "the indicator table moved into results")
        #expect(try Data(contentsOf: root.appending(path: "content/performance/quarterly-2006-07-q3.docx"))
                == Data(contentsOf: Self.fixtures.appending(path: "quarterly-2006-07-q3.docx")))
        #expect(Self.check(root) == [])

        var options = BuildOptions(root: root.path, output: root.appending(path: "site").path, includeDrafts: true, today: Self.today)
        options.includeFuture = true
        _ = try Pipeline(options: options).run(.build)
        let html = try String(contentsOf: root.appending(path: "site/performance/quarterly-2006-07-q3/index.html"), encoding: .utf8)
        #expect(html.contains("<p class=\"source-document\">The original document: <a href=\"/ict/performance/quarterly-2006-07-q3.docx\">quarterly-2006-07-q3.docx</a></p>"))
        #expect(html.contains("alt=\"Milestones: 73% completed, 27% outstanding\""))
        #expect(html.contains("1,684"), "the volume survives into the results table")
        #expect(FileManager.default.fileExists(atPath: root.appending(path: "site/performance/quarterly-2006-07-q3.docx").path))
    }

    @Test("An improvement plan's numbered actions become objectives and actions; an empty header row is promoted", arguments: TestPandoc.allCases)
    func plan(pandoc: TestPandoc) throws {
        guard let pandoc = try Self.require(pandoc) else { return }
        let root = try Self.site()
        let outcome = Self.run("plan-2002.docx", root: root, into: "plans", kind: "plan", pandoc: pandoc)
        #expect(Self.warnings(outcome) == [
            "plan-2002.docx: warning: table 1: the table has no header row; its first row is made the header\n  hint: check that the first row ('Measure, Baseline, Target') reads as column headings",
        ])
        let page = try String(contentsOf: root.appending(path: "content/plans/plan-2002.md"), encoding: .utf8)
        for line in ["kind: plan", "  - number: 2\n    title: Improve the management of ICT projects",
                     "      - id: \"1.1\"\n        text: To develop a fully costed and resourced ICT strategy",
                     "        points:\n          - To produce a report for SRG by mid-December 2002 referring to SOCITM’s review.",
                     "```table\nMeasure,Baseline,Target\nICT projects delivered within budget,62%,80%\n```"] {
            #expect(page.contains(line), "missing: \(line)")
        }
        #expect(Self.check(root) == [])
    }

    @Test("A committee report's head and declarations become its keys; a comment and a tracked insertion are warned about", arguments: TestPandoc.allCases)
    func committee(pandoc: TestPandoc) throws {
        guard let pandoc = try Self.require(pandoc) else { return }
        let root = try Self.site()
        let outcome = Self.run("committee-2012-02-06.docx", root: root, into: "committee", kind: "committee", pandoc: pandoc)
        #expect(Self.warnings(outcome) == [
            "committee-2012-02-06.docx: warning: paragraph 10: a comment by Policy officer is left out: 'Check the appendix number'",
            "committee-2012-02-06.docx: warning: paragraph 11: a tracked insertion by Chief Officer ICT is kept: 'CLT agreed with these recommendations.'\n  hint: tracked changes are accepted; check the text",
        ])
        let page = try String(contentsOf: root.appending(path: "content/committee/committee-2012-02-06.md"), encoding: .utf8)
        for line in ["report_of: Chief Officer ICT", "meeting: 2012-02-06  # from 'Date: 6th February 2012'",
                     "  wards_affected: false\n  equality_implications: false\n  eligible_for_call_in: false\n  confidential: false",
                     "recommendations:  # the list under 'Recommendations'\n  - Scrutiny Board (Resources and Council Services) are asked to note the contents of this report.",
                     "CLT agreed with these recommendations."] {
            #expect(page.contains(line), "missing: \(line)")
        }
        #expect(!page.contains("Report of Chief Officer ICT\n"), "the head lines moved into the front matter")
        #expect(Self.check(root) == [])
    }

    @Test("Footnotes, struck-through text, a tracked deletion and a link to a file share are each a warning at their paragraph", arguments: TestPandoc.allCases)
    func notesAndChanges(pandoc: TestPandoc) throws {
        guard let pandoc = try Self.require(pandoc) else { return }
        let root = try Self.site()
        let outcome = Self.run("notes.docx", root: root, into: "imported", pandoc: pandoc)
        #expect(Self.warnings(outcome) == [
            "notes.docx: warning: paragraph 2: footnote 1 is written under Notes at the end of the page\n  hint: CommonMark has no footnotes; the note's number is left in the text as [1]",
            "notes.docx: warning: paragraph 2: struck-through text is kept as plain text: '70%'",
            "notes.docx: warning: paragraph 2: the link to file:///S:/ICT/reports/q3.doc is kept as text: Dossier links only to http, https and mailto addresses, or to files in content/",
            "notes.docx: warning: paragraph 4: a tracked deletion by Help Desk Manager is left out: 'Two analysts were on leave'\n  hint: tracked changes are accepted; check the text",
        ])
        let page = try String(contentsOf: root.appending(path: "content/imported/notes.md"), encoding: .utf8)
        #expect(page.contains("The help desk answered 87% of calls at once.\\[1\\] The old target was 70% 75%."))
        #expect(page.contains("[the intranet](https://intranet.example.gov.uk/ict/) and the old share."))
        #expect(page.contains("## Notes\n\n1. From the telephone system’s own count, 35,993 calls."))
        #expect(!page.contains("Two analysts"))
        #expect(Self.check(root) == [])
    }

    @Test("An existing page is not replaced without --force; --dry-run writes nothing")
    func overwriteAndDryRun() throws {
        guard try Self.requirePandoc() else { return }
        let root = try Self.site()
        let dry = Self.run("notes.docx", root: root, into: "imported") { $0.dryRun = true }
        #expect(dry.written == ["content/imported/notes.docx", "content/imported/notes.md"])
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "content/imported").path))
        _ = Self.run("notes.docx", root: root, into: "imported")
        let again = Self.run("notes.docx", root: root, into: "imported")
        #expect(Self.warnings(again).last == "notes.docx: error: content/imported/notes.docx already exists; nothing was written for this file\n  hint: use --force to replace them (content/imported/notes.docx, content/imported/notes.md)")
        #expect(again.written == [])
        let forced = Self.run("notes.docx", root: root, into: "imported") { $0.force = true }
        #expect(!forced.diagnostics.hasErrors)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.appending(path: "content/imported").path)
        #expect(leftovers.sorted() == ["notes.docx", "notes.md"])
    }

    @Test("A file that is not a Word document, a missing file and a missing pandoc are errors that say what to do")
    func errors() throws {
        let root = TemporaryFolder.make()
        let text = root.appending(path: "report.docx")
        try Data("not a zip".utf8).write(to: text)
        var options = Importer.Options(files: [text.path, root.appending(path: "gone.docx").path, root.appending(path: "notes.pdf").path])
        options.root = root.path
        let said = Importer(options).run().flatMap(\.diagnostics).map { $0.description.replacingOccurrences(of: root.path + "/", with: "") }
        #expect(said == [
            "report.docx: error: cannot be read: it is not a .docx file (not a ZIP package)",
            "gone.docx: error: no such file",
            "notes.pdf: error: not a document Dossier imports (.docx, or .doc, .odt, .rtf through LibreOffice)",
        ])
        var noPandoc = Importer.Options(files: [Self.fixture("notes.docx")])
        noPandoc.root = root.path
        noPandoc.tools = ImportTools(pandoc: "/nonexistent/pandoc", soffice: "/nonexistent/soffice")
        #expect(Importer(noPandoc).run()[0].diagnostics.map(\.message) == ["pandoc is needed to import documents and is not installed"])
        #expect(Importer(noPandoc).run()[0].diagnostics.map(\.hint) == ["install it with `apt-get install pandoc`"])
        noPandoc.files = [text.path.replacingOccurrences(of: ".docx", with: ".doc")]
        try Data("old".utf8).write(to: URL(fileURLWithPath: noPandoc.files[0]))
        #expect(Importer(noPandoc).run()[0].diagnostics.map(\.hint) == ["install it with `apt-get install libreoffice-writer-nogui`, or save the file as .docx"])
        var badKind = Importer.Options(files: [], kind: "minutes")
        badKind.root = root.path
        #expect(Importer(badKind).run()[0].diagnostics.map(\.message) == ["unknown kind 'minutes' for import; the kinds it reads are: quarterly, plan, committee"])
    }

    @Test("pandoc's JSON of API 1.22 (pandoc 2.17), 1.23 (pandoc 3) and the old five-part table all decode")
    func bothAPIVersions() throws {
        let cell = { (text: String) in #"[["",[],[]],{"t":"AlignDefault"},1,1,[{"t":"Plain","c":[{"t":"Str","c":"\#(text)"}]}]]"# }
        let row = { (cells: [String]) in #"[["",[],[]],[\#(cells.map(cell).joined(separator: ","))]]"# }
        let table = #"{"t":"Table","c":[["",[],[]],[null,[]],[[{"t":"AlignDefault"},{"t":"ColWidthDefault"}]],[["",[],[]],[\#(row(["Fault", "Faults"]))]],[[["",[],[]],0,[],[\#(row(["Minor", "10,126"]))]]],[["",[],[]],[]]]}"#
        let figure = #"{"t":"Figure","c":[["",[],[]],[null,[{"t":"Plain","c":[{"t":"Str","c":"Donut"}]}]],[{"t":"Plain","c":[{"t":"Image","c":[["",[],[]],[{"t":"Str","c":"Milestones"}],["m/image1.png",""]]}]}]]}"#
        let old = #"{"t":"Table","c":[[],[{"t":"AlignDefault"},{"t":"AlignDefault"}],[0,0],[[{"t":"Plain","c":[{"t":"Str","c":"Fault"}]}],[{"t":"Plain","c":[{"t":"Str","c":"Faults"}]}]],[[[{"t":"Plain","c":[{"t":"Str","c":"Minor"}]}],[{"t":"Plain","c":[{"t":"Str","c":"10,126"}]}]]]]}"#
        for (version, blocks) in [("1,22,2,1", [table]), ("1,23,1", [table, figure]), ("1,20", [old])] {
            let json = #"{"pandoc-api-version":[\#(version)],"meta":{},"blocks":[\#(blocks.joined(separator: ","))]}"#
            let document = try JSONDecoder().decode(PandocDocument.self, from: Data(json.utf8))
            var writer = CommonMarkWriter(imageNames: ["m/image1.png": "a-image1.png"], mergedCells: [], skip: [],
                                          warnings: ImportWarnings(file: "a.docx"))
            let markdown = writer.write(document.blocks)
            var expected = "```table\nFault,Faults\nMinor,\"10,126\"\n```\n"
            if version.hasPrefix("1,23") { expected = expected.dropLast() + "\n\n![Milestones](a-image1.png)\n\n*Donut*\n" }
            #expect(markdown == expected, "API \(version)")
            #expect(writer.warnings.diagnostics == [], "API \(version)")
        }
    }

    @Test("A .doc goes through LibreOffice to .docx; the original .doc is what is kept beside the page")
    func throughLibreOffice() throws {
        guard try Self.requirePandoc() else { return }
        let root = try Self.site()
        // A stand-in for soffice, called as the importer calls LibreOffice:
        // -env:UserInstallation=file:///…/ --headless --norestore --convert-to docx --outdir DIR FILE.
        let soffice = try Self.fakeSoffice(in: root, """
            case "$1" in -env:UserInstallation=file:///*) ;; *) exit 2 ;; esac
            [ "$2 $3 $4 $5 $6" = "--headless --norestore --convert-to docx --outdir" ] || exit 2
            mkdir -p "$7"; name=$(basename "$8"); cp '\(Self.fixture("plan-2002.docx"))' "$7/${name%.*}.docx"
            """)
        let doc = root.appending(path: "Plan 2002.doc")
        try Data("an old Word 97 file".utf8).write(to: doc)
        var options = Importer.Options(files: [doc.path], into: "plans", kind: "plan")
        options.root = root.path
        options.tools = ImportTools(pandoc: "pandoc", soffice: soffice.path)
        let outcome = Importer(options).run()[0]
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics)")
        #expect(outcome.written == ["content/plans/plan-2002.doc", "content/plans/plan-2002.md"])
        #expect(try Data(contentsOf: root.appending(path: "content/plans/plan-2002.doc")) == Data("an old Word 97 file".utf8))
        let page = try String(contentsOf: root.appending(path: "content/plans/plan-2002.md"), encoding: .utf8)
        #expect(page.contains("source: plan-2002.doc\n"))
        #expect(Self.check(root) == [])
    }

    static func fakeSoffice(in folder: URL, _ script: String) throws -> URL {
        let soffice = folder.appending(path: "soffice")
        try ("#!/bin/sh\n" + script + "\n").write(to: soffice, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: soffice.path)
        return soffice
    }

    @Test("soffice's exit status is not believed: no .docx written is an error, saying what it printed; a hung soffice is stopped")
    func libreOfficeFailures() throws {
        let root = TemporaryFolder.make()
        let doc = root.appending(path: "old.doc")
        try Data("an old Word 97 file".utf8).write(to: doc)
        func said(_ script: String, timeout: TimeInterval = 300) throws -> [String] {
            var options = Importer.Options(files: [doc.path])
            options.root = root.path
            options.tools = ImportTools(pandoc: "/nonexistent/pandoc", soffice: try Self.fakeSoffice(in: root, script).path, timeout: timeout)
            return Importer(options).run()[0].diagnostics.map { $0.description.replacingOccurrences(of: root.path + "/", with: "") }
        }
        #expect(try said("echo 'Warning: failed to launch javaldx - java may not function correctly'; exit 0") == [
            "old.doc: error: LibreOffice could not convert it to .docx (it wrote no file)",
        ])
        #expect(try said("echo 'Error: source file could not be loaded'; exit 0") == [
            "old.doc: error: LibreOffice could not convert it to .docx (it wrote no file)\n  hint: Error: source file could not be loaded",
        ])
        #expect(try said("echo 'Segmentation fault' >&2; exit 139") == [
            "old.doc: error: LibreOffice could not convert it to .docx (exit status 139)\n  hint: Segmentation fault",
        ])
        // soffice starts soffice.bin beneath it, which holds the output pipe open: the whole group is stopped.
        let child = root.appending(path: "child.pid")
        #expect(try said("sleep 600 & echo $! > '\(child.path)'; sleep 600", timeout: 1) == [
            "old.doc: error: LibreOffice did not finish converting it to .docx within 1 s and was stopped\n  hint: open it in LibreOffice or Word and save it as .docx, then import that",
        ])
        let pid = try String(contentsOf: child, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.split(separator: ")").last?.split(separator: " ").first
        #expect(state == nil || state == "Z", "the child soffice started is still running (state \(state.map(String.init) ?? "?"))")
    }

    /// `name` (a seed-made .docx) saved by the real LibreOffice as `format`, in a folder of its own;
    /// nil (skipped visibly, or failed under CI) without LibreOffice.
    static func saved(_ name: String, as format: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> URL? {
        guard ImportTools().hasSoffice else {
            try SiteCheck.missing("dossier import of .\(format)", "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)",
                                  sourceLocation: sourceLocation)
            return nil
        }
        let folder = TemporaryFolder.make()
        let run = try #require(ImportTools.convert(URL(fileURLWithPath: fixture(name)), to: format, into: folder,
                                                   profile: folder.appending(path: "profile"), with: "soffice", timeout: 300),
                               sourceLocation: sourceLocation)
        let file = folder.appending(path: name.replacingOccurrences(of: ".docx", with: ".\(format)"))
        try #require(!run.timedOut && FileManager.default.fileExists(atPath: file.path), "soffice said: \(run.output)", sourceLocation: sourceLocation)
        return file
    }

    /// What LibreOffice changes on the way: it drops the header flag of tables (so their first row
    /// is promoted, with a warning), and its RTF and Word 97 routes lose an image's alt text.
    @Test("A quarterly report saved by LibreOffice as .odt or .rtf imports through LibreOffice with its figures and warnings",
          arguments: ["odt", "rtf"])
    func quarterlyThroughLibreOffice(format: String) throws {
        guard try Self.requirePandoc(), let file = try Self.saved("quarterly-2006-07-q3.docx", as: format) else { return }
        let root = try Self.site()
        let outcome = Self.run(file.path, root: root, into: "performance", kind: "quarterly")
        let name = "quarterly-2006-07-q3.\(format)"
        let lostAlt = format == "odt" ? [] : [
            "\(name): warning: paragraph 11: the image quarterly-2006-07-q3-image1.png has no alt text\n  hint: describe it between the brackets of ![](quarterly-2006-07-q3-image1.png), or write ![]() only if it is decoration",
        ]
        #expect(Self.warnings(outcome, in: file.deletingLastPathComponent()) == [
            "\(name): warning: table 1, row 7: 'Printer toner delivery' matches no indicator in content/indicators.yaml; the row is left as a comment in results\n  hint: define the indicator in content/indicators.yaml, then give its result",
            "\(name): warning: table 1, row 8: 'Help desk / % Of calls answered immediately / % Of all calls/faults fixed immediately' holds 2 results in one row; the row is left as a comment in results\n  hint: give each of its indicators a result of its own",
        ] + lostAlt + [
            "\(name): warning: paragraph 12: the image quarterly-2006-07-q3-image2.png has no alt text\n  hint: describe it between the brackets of ![](quarterly-2006-07-q3-image2.png), or write ![]() only if it is decoration",
            "\(name): warning: table 2, row 5: a merged cell spans 2 columns; its text is in the first and the others are empty\n  hint: a ```table block has no merged cells",
            "\(name): warning: table 2: the table has no header row; its first row is made the header\n  hint: check that the first row ('Total milestones within the main actions, 298') reads as column headings",
            "\(name): warning: table 3, row 3: a cell merged with the one above (column 1) is written as an empty cell\n  hint: a ```table block has no merged cells; repeat the text if the row needs it",
            "\(name): warning: table 3: the table has no header row; its first row is made the header\n  hint: check that the first row ('Directorate, Officers moved') reads as column headings",
        ])
        #expect(outcome.written == ["content/performance/quarterly-2006-07-q3-image1.png", "content/performance/quarterly-2006-07-q3-image2.png",
                                    "content/performance/\(name)", "content/performance/quarterly-2006-07-q3.md"])
        let page = try String(contentsOf: root.appending(path: "content/performance/quarterly-2006-07-q3.md"), encoding: .utf8)
        for line in ["title: \"Quarterly report: quarter 3, 2006/07\"  # from the document's properties",
                     "date: 2007-01-29  # the document's created date: check it is the report's date",
                     "source: \(name)\n", "financial_year: 2006/07", "quarter: 3",
                     "  - indicator: fault-single-item  # guessed from 'Single item fault' (table 1, row 5): confirm",
                     "    actual: 92  # from '92% / (1684 faults)'", "    volume: 1684", "    volume_unit: faults",
                     "  #   the row: 'Printer toner delivery' | '95% within 2 days' | '97%' | 'Target exceeded'\n  # - {indicator: ?, actual: 97}",
                     "```table\nTotal milestones within the main actions,298\n",
                     "```table\nDirectorate,Officers moved\nCustomer and Support Services,640\n,410\n```"] {
            #expect(page.contains(line), "missing: \(line)")
        }
        #expect(page.contains(format == "odt" ? "![Milestones: 73% completed, 27% outstanding](quarterly-2006-07-q3-image1.png)"
                                              : "![](quarterly-2006-07-q3-image1.png)"))
        #expect(try Data(contentsOf: root.appending(path: "content/performance/\(name)")) == Data(contentsOf: file))
        #expect(Self.check(root) == [])

        var options = BuildOptions(root: root.path, output: root.appending(path: "site").path, includeDrafts: true, today: Self.today)
        options.includeFuture = true
        _ = try Pipeline(options: options).run(.build)
        let html = try String(contentsOf: root.appending(path: "site/performance/quarterly-2006-07-q3/index.html"), encoding: .utf8)
        #expect(html.contains("<a href=\"/ict/performance/\(name)\">\(name)</a>"))
        #expect(html.contains("1,684"), "the volume survives into the results table")
    }

    @Test("An improvement plan saved as .odt: LibreOffice's empty first row is dropped and the next promoted, as for the .docx")
    func planThroughLibreOffice() throws {
        guard try Self.requirePandoc(), let file = try Self.saved("plan-2002.docx", as: "odt") else { return }
        let root = try Self.site()
        let outcome = Self.run(file.path, root: root, into: "plans", kind: "plan")
        #expect(Self.warnings(outcome, in: file.deletingLastPathComponent()) == [
            "plan-2002.odt: warning: table 1: the table has no header row; its first row is made the header\n  hint: check that the first row ('Measure, Baseline, Target') reads as column headings",
        ])
        let page = try String(contentsOf: root.appending(path: "content/plans/plan-2002.md"), encoding: .utf8)
        for line in ["kind: plan", "  - number: 2\n    title: Improve the management of ICT projects",
                     "      - id: \"1.1\"\n        text: To develop a fully costed and resourced ICT strategy",
                     "```table\nMeasure,Baseline,Target\nICT projects delivered within budget,62%,80%\n```"] {
            #expect(page.contains(line), "missing: \(line)")
        }
        #expect(Self.check(root) == [])
    }

    @Test("A committee report saved as Word 97 .doc keeps its comment and tracked insertion through LibreOffice")
    func committeeThroughLibreOffice() throws {
        guard try Self.requirePandoc(), let file = try Self.saved("committee-2012-02-06.docx", as: "doc") else { return }
        let root = try Self.site()
        let outcome = Self.run(file.path, root: root, into: "committee", kind: "committee")
        #expect(Self.warnings(outcome, in: file.deletingLastPathComponent()) == [
            "committee-2012-02-06.doc: warning: paragraph 10: a comment by Policy officer is left out: 'Check the appendix number'",
            "committee-2012-02-06.doc: warning: paragraph 11: a tracked insertion by Chief Officer ICT is kept: 'CLT agreed with these recommendations.'\n  hint: tracked changes are accepted; check the text",
        ])
        let page = try String(contentsOf: root.appending(path: "content/committee/committee-2012-02-06.md"), encoding: .utf8)
        for line in ["report_of: Chief Officer ICT", "meeting: 2012-02-06  # from 'Date: 6th February 2012'",
                     "  wards_affected: false\n  equality_implications: false\n  eligible_for_call_in: false\n  confidential: false",
                     "source: committee-2012-02-06.doc\n", "CLT agreed with these recommendations."] {
            #expect(page.contains(line), "missing: \(line)")
        }
        #expect(Self.check(root) == [])
    }

    @Test("Through LibreOffice a link to a file share stays as it was, not made relative to the temporary folder")
    func notesThroughLibreOffice() throws {
        guard try Self.requirePandoc(), let file = try Self.saved("notes.docx", as: "odt") else { return }
        let root = try Self.site()
        let outcome = Self.run(file.path, root: root, into: "imported")
        #expect(Self.warnings(outcome, in: file.deletingLastPathComponent()) == [
            "notes.odt: warning: paragraph 2: footnote 1 is written under Notes at the end of the page\n  hint: CommonMark has no footnotes; the note's number is left in the text as [1]",
            "notes.odt: warning: paragraph 2: struck-through text is kept as plain text: '70%'",
            "notes.odt: warning: paragraph 2: the link to file:///S:/ICT/reports/q3.doc is kept as text: Dossier links only to http, https and mailto addresses, or to files in content/",
            "notes.odt: warning: paragraph 4: a tracked deletion by Help Desk Manager is left out: 'Two analysts were on leave'\n  hint: tracked changes are accepted; check the text",
        ])
        let page = try String(contentsOf: root.appending(path: "content/imported/notes.md"), encoding: .utf8)
        #expect(page.contains("## Notes\n\n1. From the telephone system’s own count, 35,993 calls."))
        #expect(Self.check(root) == [])
    }

    @Test("pandoc 3 is pandoc 3 (API 1.23), and pandoc on PATH says which it is")
    func pandocVersions() throws {
        for pandoc in TestPandoc.allCases {
            guard let command = try Self.require(pandoc) else { continue }
            let version = try #require(ImportTools.run(command, ["--version"], timeout: 60))
            let json = try #require(ImportTools.run(command, ["--from", "markdown", "--to", "json", Self.fixture("make_fixtures.py")], timeout: 60))
            let api = try JSONDecoder().decode(PandocDocument.self, from: Data(json.output.utf8)).apiVersion
            print("\(pandoc.rawValue): \(version.output.split(separator: "\n").first ?? ""), API \(api.map(String.init).joined(separator: "."))")
            if pandoc == .three {
                #expect(version.output.hasPrefix("pandoc 3."))
                #expect(api.prefix(2) == [1, 23])
            }
        }
    }

    /// A document with captions as Word writes them (the Caption style, under an image, above a
    /// table) and as pandoc writes them (Image Caption and Table Caption, and a table's own title).
    @Test("Captions come out the same from pandoc 2.17 and pandoc 3: under the image, and as the table's caption, once",
          arguments: TestPandoc.allCases)
    func captions(pandoc: TestPandoc) throws {
        guard try Self.requirePandoc(), let pandoc = try Self.require(pandoc) else { return }
        let folder = TemporaryFolder.make()
        try #require(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGM4wcAARwzEcQBRwwyB7RhOggAAAABJRU5ErkJggg==")).write(to: folder.appending(path: "bar.png"))
        try """
            # Captions

            ![Calls answered by month](bar.png)

            ![Faults by month](bar.png)\\

            ::: {custom-style="Caption"}
            Figure 2: Faults by month
            :::

            ::: {custom-style="Caption"}
            Table 1: Faults by type
            :::

            | Fault | Count |
            |-------|-------|
            | Minor | 10    |

            | Channel | Calls |
            |---------|-------|
            | Phone   | 900   |

            : Table 2: Calls by channel

            The old target was ~~70%~~ 75%.
            """.write(to: folder.appending(path: "captions.md"), atomically: true, encoding: .utf8)
        let made = try #require(ImportTools.run("pandoc", ["captions.md", "-o", "captions.docx"], in: folder, timeout: 60))
        try #require(made.status == 0, "\(made.output)")
        let root = try Self.site()
        let outcome = Self.run(folder.appending(path: "captions.docx").path, root: root, into: "imported", pandoc: pandoc)
        #expect(Self.warnings(outcome, in: folder) == [
            "captions.docx: warning: paragraph 8: struck-through text is kept as plain text: '70%'",
            "captions.docx: warning: the document has no title in its properties; the title is made from the file name",
        ])
        let page = try String(contentsOf: root.appending(path: "content/imported/captions.md"), encoding: .utf8)
        let image = try #require(outcome.written.first { $0.hasSuffix(".png") }).split(separator: "/").last!
        #expect(page.hasSuffix("""
            ---
            ## Captions

            ![Calls answered by month](\(image))

            *Calls answered by month*

            ![Faults by month](\(image))

            *Figure 2: Faults by month*

            ```table
            caption: Table 1: Faults by type
            Fault,Count
            Minor,10
            ```

            ```table
            caption: Table 2: Calls by channel
            Channel,Calls
            Phone,900
            ```

            The old target was 70% 75%.

            """))
        #expect(Self.check(root) == [])
    }

    @Test("source: names a copied file, which the page links; a file that is not there is an error at the key")
    func sourceKey() throws {
        let fixture = Fixture(["content/a.md": Fixture.page("A", extra: "source: a.docx\n"), "content/a.docx": "x"])
        #expect(fixture.errors() == [])
        let html = Tree.text(try fixture.build(), "a/index.html")
        #expect(html.contains("<p class=\"source-document\">The original document: <a href=\"/a.docx\">a.docx</a></p>"))
        let missing = Fixture(["content/b.md": Fixture.page("B", extra: "source: b.docx\n")])
        #expect(missing.errors() == ["content/b.md:3:9: error: source 'b.docx' is not a file in content/\n  hint: name the original document, relative to this page, e.g. b.docx"])
    }

    @Test("Text that would read as Markdown is escaped; a paragraph that would start a list or heading is kept a paragraph")
    func escaping() {
        #expect(CommonMarkWriter.escape("*not* [a] <link> & _x_") == "\\*not\\* \\[a\\] \\<link\\> \\& \\_x\\_")
        #expect(CommonMarkWriter.guardLineStart("1. INTRODUCTION") == "1\\. INTRODUCTION")
        #expect(CommonMarkWriter.guardLineStart("1.1 To develop") == "1.1 To develop")
        #expect(CommonMarkWriter.guardLineStart("# of calls") == "\\# of calls")
        #expect(CommonMarkWriter.guardLineStart("- dash") == "\\- dash")
        #expect(CommonMarkWriter.csv("caption: x") == "\"caption: x\"")
        #expect(CommonMarkWriter.csv("say \"hi\", then") == "\"say \"\"hi\"\", then\"")
    }
}

/// The pandocs the import tests run with: the one on PATH (Debian 12's 2.17, pandoc API 1.22, in
/// CI) and pandoc 3 (API 1.23): the binary inside PyPI's pypandoc_binary wheel, which .ci/run
/// installs, found in python3's site-packages (`DOSSIER_TEST_PANDOC3` names another).
enum TestPandoc: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case onPath = "pandoc on PATH"
    case three = "pandoc 3"

    var testDescription: String { rawValue }

    var command: String? {
        switch self {
        case .onPath: return ImportTools().hasPandoc ? "pandoc" : nil
        case .three: return Self.pandoc3
        }
    }

    var install: String {
        switch self {
        case .onPath: return "apt-get install pandoc"
        case .three: return "python3 -m pip install pypandoc_binary==1.17"
        }
    }

    private static let pandoc3: String? = {
        if let path = ProcessInfo.processInfo.environment["DOSSIER_TEST_PANDOC3"] {
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        let script = "import site, sysconfig; print(sysconfig.get_paths()['purelib']); print(site.getusersitepackages())"
        guard let run = ImportTools.run("python3", ["-c", script], timeout: 60), run.status == 0 else { return nil }
        return run.output.split(separator: "\n").map { "\($0)/pypandoc/files/pandoc" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
}

@Suite struct XMLScannerTests {
    @Test func readsWordsXMLWithoutPrefixesEntitiesOrCommentsInTheWay() {
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <!-- a comment with <w:tbl> inside -->
            <cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:title>Q3 &amp; Q4 &#8211; &lt;draft&gt;</dc:title>\
            <w:tc><w:gridSpan w:val="2"/><w:vMerge/></w:tc><![CDATA[a < b]]></cp:coreProperties>
            """
        var events: [XMLScanner.Event] = []
        XMLScanner.scan(Data(xml.utf8)) { event in
            if case let .text(text) = event, text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return }
            events.append(event)
        }
        #expect(events == [
            .start(name: "coreProperties", attributes: [:]),
            .start(name: "title", attributes: [:]), .text("Q3 & Q4 – <draft>"), .end(name: "title"),
            .start(name: "tc", attributes: [:]),
            .start(name: "gridSpan", attributes: ["val": "2"]), .end(name: "gridSpan"),
            .start(name: "vMerge", attributes: [:]), .end(name: "vMerge"),
            .end(name: "tc"),
            .text("a < b"),
            .end(name: "coreProperties"),
        ])
    }
}
