import Crypto
import Foundation
import Testing
import ZIPFoundation
@testable import DossierCore

/// `dossier archive`: periods, which reports are in one, the HTML rewriting, and the zip made from
/// the repository's example site.
@Suite struct ArchiveTests {
    // MARK: Periods

    @Test func parsesTheThreeFormsOfPeriod() throws {
        let year = try ArchivePeriod(parsing: "2006")
        #expect(year == .calendarYear(2006))
        #expect((year.text, year.slug, year.label) == ("2006", "2006", "2006"))
        #expect((year.firstDay.iso, year.lastDay.iso) == ("2006-01-01", "2006-12-31"))

        let financial = try ArchivePeriod(parsing: "2006/07")
        #expect(financial == .financialYear(FinancialYear(startYear: 2006)))
        #expect((financial.text, financial.slug, financial.label) == ("2006/07", "2006-07", "2006/07"))
        #expect((financial.firstDay.iso, financial.lastDay.iso) == ("2006-04-01", "2007-03-31"))
        #expect(financial.explanation == "the financial year 2006/07 (April 2006 to March 2007)")

        let quarter = try ArchivePeriod(parsing: "2006-Q3")
        #expect(quarter == .financialQuarter(FinancialQuarter(year: FinancialYear(startYear: 2006), quarter: 3)!))
        #expect((quarter.text, quarter.slug, quarter.label) == ("2006-Q3", "2006-Q3", "Q3 2006/07"))
        #expect((quarter.firstDay.iso, quarter.lastDay.iso) == ("2006-10-01", "2006-12-31"))
        #expect(try ArchivePeriod(parsing: "2006-q3") == quarter)
        let fourth = try ArchivePeriod(parsing: "2006-Q4")
        #expect((fourth.firstDay.iso, fourth.lastDay.iso) == ("2007-01-01", "2007-03-31"))
        #expect(try ArchivePeriod(parsing: "1999/00") == .financialYear(FinancialYear(startYear: 1999)))

        #expect(OfflineArchive.defaultFileName(for: financial) == "archive-2006-07.zip")
        #expect(OfflineArchive.defaultFileName(for: quarter) == "archive-2006-Q3.zip")
    }

    @Test(arguments: ["", "06", "20066", "0000", "abcd", "2006/08", "2006/7", "2006/2007", "2006-Q0", "2006-Q5", "2006-Q",
                      "2006-Q33", "Q3 2006", "2006-07", "2006-13", "2006-07-01", "2006 / 07"])
    func refusesWhatIsNotAPeriod(_ text: String) {
        #expect(throws: ArchiveError.self) { try ArchivePeriod(parsing: text) }
    }

    @Test func aBadPeriodSaysWhatToWrite() {
        func failure(_ text: String) -> ArchiveError? {
            do { _ = try ArchivePeriod(parsing: text); return nil } catch { return error }
        }
        #expect(failure("2006-07")?.description == "'2006-07' is not a period\n  hint: for the financial year write 2006/07; a month is not a period the archive takes")
        #expect(failure("2006/08")?.hint?.contains("2006/07") == true)
        #expect(failure("2006-Q5")?.message == "'2006-Q5' is not a financial quarter")
        #expect(failure("spring")?.hint?.contains("2006-Q3") == true)
    }

    // MARK: Which reports are in a period

    static func page(_ date: String?, kind: DocumentKind? = nil, quarter: FinancialQuarter? = nil) -> PublishedPage {
        PublishedPage(title: "A report", date: date.flatMap { Day(iso: $0) }, urlPath: "reports/a/", kind: kind, quarter: quarter)
    }

    static func periods(holding page: PublishedPage) throws -> [String] {
        try ["2006", "2007", "2006/07", "2007/08", "2005/06", "2006-Q2", "2006-Q3", "2006-Q4", "2007-Q1"]
            .filter { try ArchivePeriod(parsing: $0).includes(page) }
    }

    @Test func aQuarterlyReportCountsByTheQuarterItCovers() throws {
        // The Q3 2006/07 report covers October to December 2006 and is dated January 2007.
        let q3 = Self.page("2007-01-29", kind: .quarterly, quarter: FinancialQuarter(year: FinancialYear(startYear: 2006), quarter: 3))
        #expect(try Self.periods(holding: q3) == ["2006", "2006/07", "2006-Q3"])
        let q4 = Self.page("2007-04-23", kind: .quarterly, quarter: FinancialQuarter(year: FinancialYear(startYear: 2006), quarter: 4))
        #expect(try Self.periods(holding: q4) == ["2007", "2006/07", "2006-Q4"])
    }

    @Test func anyOtherReportCountsByItsDate() throws {
        #expect(try Self.periods(holding: Self.page("2007-01-29", kind: .committee)) == ["2007", "2006/07", "2006-Q4"])
        #expect(try Self.periods(holding: Self.page("2007-01-29")) == ["2007", "2006/07", "2006-Q4"])
        // A quarterly without its quarter falls back on its date.
        #expect(try Self.periods(holding: Self.page("2007-01-29", kind: .quarterly)) == ["2007", "2006/07", "2006-Q4"])
        #expect(try Self.periods(holding: Self.page("2006-04-01")) == ["2006", "2006/07"])
        #expect(try Self.periods(holding: Self.page("2006-03-31")) == ["2006", "2005/06"])
        #expect(try Self.periods(holding: Self.page(nil)).isEmpty, "a page without a date is not a report")
    }

    // MARK: Rewriting a page

    static let links = ArchiveLinks(
        baseURL: "https://intranet.example.gov.uk/ict/",
        reports: ["performance/2006-07-q3/": "performance/2006-07-q3.html", "plans/ict-plan/": "plans/ict-plan.html"],
        siteFiles: ["assets/dossier.css", "performance/data.csv", "assets/logo.png", "feed.xml"],
        attachments: ["performance/data.csv"],
        reserved: ["performance/2006-07-q3.html", "plans/ict-plan.html", "index.html", "manifest.txt"])

    static func rewrite(_ html: String, css: String = "body { color: #0b0c0c; }") -> OfflinePage.Result {
        OfflinePage(sitePath: "performance/2006-07-q3/", file: "performance/2006-07-q3.html", links: links,
                    banner: "<p role=\"note\">BANNER</p>", stylesheet: { $0 == "assets/dossier.css" ? css : nil })
            .rewrite(html)
    }

    @Test func resolvesEachKindOfLink() {
        let links = Self.links
        let folder = "performance/2006-07-q3/"
        #expect(links.resolve("/ict/plans/ict-plan/#objective-1", from: folder) == .report(path: "plans/ict-plan.html", suffix: "#objective-1"))
        #expect(links.resolve("https://intranet.example.gov.uk/ict/plans/ict-plan/", from: folder) == .report(path: "plans/ict-plan.html", suffix: ""))
        #expect(links.resolve("/ict/plans/ict-plan/index.html", from: folder) == .report(path: "plans/ict-plan.html", suffix: ""))
        #expect(links.resolve("/ict/plans/ict-plan", from: folder) == .report(path: "plans/ict-plan.html", suffix: ""))
        #expect(links.resolve("../../plans/ict-plan/", from: folder) == .report(path: "plans/ict-plan.html", suffix: ""))
        #expect(links.resolve("/ict/performance/data.csv", from: folder) == .file(path: "performance/data.csv", suffix: ""))
        #expect(links.resolve("/ict/assets/logo.png", from: folder, embedded: true) == .file(path: "assets/logo.png", suffix: ""))
        #expect(links.resolve("/ict/feed.xml", from: folder) == .live("https://intranet.example.gov.uk/ict/feed.xml"))
        #expect(links.resolve("/ict/tags/faults/", from: folder) == .live("https://intranet.example.gov.uk/ict/tags/faults/"))
        #expect(links.resolve("/ict/", from: folder) == .live("https://intranet.example.gov.uk/ict/"))
        #expect(links.resolve("/ict/tags/caf%C3%A9/", from: folder) == .live("https://intranet.example.gov.uk/ict/tags/caf%C3%A9/"))
        #expect(links.resolve("/other/", from: folder) == .live("https://intranet.example.gov.uk/other/"))
        #expect(links.resolve("//cdn.example.org/x.js", from: folder) == .live("https://cdn.example.org/x.js"))
        for kept in ["#main-content", "", "https://www.gov.uk/", "mailto:ict@example.gov.uk", "data:image/png;base64,AAAA"] {
            #expect(links.resolve(kept, from: folder) == .unchanged, "\(kept)")
        }
        #expect(ArchiveLinks.relative(from: "performance/2006-07-q3.html", to: "plans/ict-plan.html") == "../plans/ict-plan.html")
        #expect(ArchiveLinks.relative(from: "performance/2006-07-q3.html", to: "performance/data.csv") == "data.csv")
        #expect(ArchiveLinks.relative(from: "index.html", to: "performance/2006-07-q3.html") == "performance/2006-07-q3.html")
        #expect(ArchiveLinks.relative(from: "a/b/c.html", to: "index.html") == "../../index.html")
        #expect(ArchiveLinks.relative(from: "a/b.html", to: "a/x y.csv") == "x%20y.csv")
    }

    @Test func inlinesTheStylesheetRewritesLinksAndAddsTheBanner() {
        let html = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <title>Q3</title>
            <link rel="stylesheet" href="/ict/assets/dossier.css">
            <link rel="canonical" href="https://intranet.example.gov.uk/ict/performance/2006-07-q3/">
            </head>
            <body>
            <a class="skip-link" href="#main-content">Skip to main content</a>
            <header><a class="site-title" href="/ict/">Site</a></header>
            <main id="main-content">
            <p>See <a href="/ict/plans/ict-plan/#objective-1">objective 1</a>, the <a href='/ict/performance/data.csv'>data</a>,
            <a href="/ict/tags/faults/?a=1&amp;b=2">faults</a> and <a href="https://www.gov.uk/">GOV.UK</a>.</p>
            <img src="/ict/assets/logo.png" alt="">
            <pre><code>&lt;a href="/ict/tags/"&gt;</code></pre>
            <!-- <a href="/ict/tags/"> -->
            <svg><a xlink:href="/ict/plans/ict-plan/"><text>plan</text></a><rect fill="url(#p)"/></svg>
            </main>
            </body>
            </html>
            """
        let result = Self.rewrite(html, css: "body { background: url('/ict/assets/logo.png'); }\n.x { background: url(data:image/png;base64,AA) }")
        let out = result.html
        #expect(!out.contains("<link rel=\"stylesheet\""))
        #expect(out.contains("<style>\nbody { background: url('../assets/logo.png'); }\n.x { background: url(data:image/png;base64,AA) }\n</style>"))
        #expect(out.contains("<link rel=\"canonical\" href=\"https://intranet.example.gov.uk/ict/performance/2006-07-q3/\">"))
        #expect(out.contains("<a class=\"skip-link\" href=\"#main-content\">Skip to main content</a>\n<p role=\"note\">BANNER</p>\n<header>"),
                "the banner follows the skip link")
        #expect(out.contains("<a class=\"site-title\" href=\"https://intranet.example.gov.uk/ict/\">"))
        #expect(out.contains("<a href=\"../plans/ict-plan.html#objective-1\">objective 1</a>"))
        #expect(out.contains("<a href=\"data.csv\">data</a>"))
        #expect(out.contains("<a href=\"https://intranet.example.gov.uk/ict/tags/faults/?a=1&amp;b=2\">faults</a>"))
        #expect(out.contains("<a href=\"https://www.gov.uk/\">GOV.UK</a>"))
        #expect(out.contains("<img src=\"../assets/logo.png\" alt=\"\">"))
        #expect(out.contains("<pre><code>&lt;a href=\"/ict/tags/\"&gt;</code></pre>"), "text is not a link")
        #expect(out.contains("<!-- <a href=\"/ict/tags/\"> -->"), "comments are left alone")
        #expect(out.contains("<a xlink:href=\"../plans/ict-plan.html\">"))
        #expect(out.contains("fill=\"url(#p)\""))
        #expect(out.contains("\n.archive-banner { margin: 0;") && out.contains("</style>\n</head>"), "the banner's styles go in the head")
        #expect(result.files == ["assets/logo.png", "performance/data.csv"])
        #expect(result.stylesheets == [OfflinePage.Stylesheet(path: "assets/dossier.css", media: nil)])
    }

    @Test func theBannerGoesFirstWithoutASkipLink() {
        let out = Self.rewrite("<html><head></head><body class=\"x\">\n<h1>Title</h1></body></html>").html
        #expect(out.contains("<body class=\"x\">\n<p role=\"note\">BANNER</p>\n<h1>"))
        let bodyless = Self.rewrite("<!DOCTYPE html><title>T</title></head><p>Text</p>").html
        #expect(bodyless.hasPrefix("<!DOCTYPE html>"), "never before the doctype")
        #expect(bodyless.contains("BANNER"))
    }

    @Test func aStylesheetThatCannotBeClosedEarly() {
        let out = Self.rewrite("<head><link rel=\"stylesheet\" href=\"/ict/assets/dossier.css\" media=\"print\"></head>",
                               css: "a::after { content: \"</style><script>\"; }").html
        #expect(out.contains("<style media=\"print\">\na::after { content: \"<\\/style><script>\"; }\n</style>"))
    }

    // MARK: The example site

    static let made = Fixture.today

    static func make(_ period: String, into folder: URL, name: String = "archive.zip", force: Bool = false) throws -> (URL, OfflineArchive) {
        let zip = folder.appending(path: name)
        let options = ArchiveOptions(root: repositoryRoot.path, period: try ArchivePeriod(parsing: period), output: zip.path,
                                     force: force, today: made)
        return (zip, try OfflineArchive.make(options))
    }

    static func unzip(_ zip: URL) throws -> URL {
        let folder = TemporaryFolder.make().appending(path: "unzipped")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.unzipItem(at: zip, to: folder)
        return folder
    }

    static let reports2006 = ["performance/2006-07-q1.html", "performance/2006-07-q2.html", "performance/2006-07-q3.html",
                              "performance/2006-07-q4.html"]

    @Test func theFinancialYearArchiveOfTheExampleSite() throws {
        let (zip, archive) = try Self.make("2006/07", into: TemporaryFolder.make())
        #expect(archive.reports.map(\.file) == Self.reports2006)
        let unzipped = try Self.unzip(zip)
        #expect(try FileManager.default.contentsOfDirectory(atPath: unzipped.path) == ["dossier-archive-2006-07"])
        let top = unzipped.appending(path: "dossier-archive-2006-07")
        let files = Tree.snapshot(top)
        #expect(Set(files.keys) == Set(Self.reports2006 + ["index.html", "manifest.txt", "performance/indicators-2006-07-q3.csv"]))

        let index = Tree.text(top, "index.html")
        #expect(index.contains("<h1>Reports for 2006/07</h1>"))
        #expect(index.contains("the financial year 2006/07 (April 2006 to March 2007)"))
        #expect(index.contains("Offline copy from the archive of 2006/07, made <time datetime=\"2026-11-21\">21 November 2026</time>."))
        for (number, report) in Self.reports2006.enumerated() {
            #expect(index.contains("<a href=\"\(report)\">Quarterly performance report: quarter \(number + 1), 2006/07</a>"))
        }
        #expect(index.contains("<time datetime=\"2007-01-29\">29 January 2007</time>"))

        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("<link rel=\"stylesheet\""), "\(path) still links its stylesheet")
            #expect(html.contains("<style>\n/* Dossier default stylesheet"), "\(path) has no stylesheet inline")
            #expect(html.contains("role=\"note\">Offline copy from the archive of 2006/07, made"), "\(path) has no banner")
            #expect(!html.contains("href=\"/") && !html.contains("src=\"/"), "\(path) has a root-relative link left")
        }
        let q3 = Tree.text(top, "performance/2006-07-q3.html")
        #expect(q3.contains("<svg"), "charts are inline")
        #expect(q3.contains("href=\"indicators-2006-07-q3.csv\""))
        #expect(q3.contains("href=\"https://intranet.example.gov.uk/ict/tags/performance/\""), "tags go to the live site")
        #expect(q3.contains("href=\"https://intranet.example.gov.uk/ict/indicators/fault-minor/\""), "indicator pages go to the live site")
        #expect(q3.contains("<a href=\"../index.html\">All reports in this archive</a>"))
        #expect(files["performance/indicators-2006-07-q3.csv"] == (try Data(contentsOf: repositoryRoot.appending(path: "content/performance/indicators-2006-07-q3.csv"))))
    }

    /// Every relative href and src of every page resolves to a file inside the archive, and a
    /// `#fragment` to an id in that file.
    static func checkRelativeLinks(in top: URL) throws -> Int {
        let files = Tree.snapshot(top)
        let pattern = try NSRegularExpression(pattern: #"\s(?:href|src|xlink:href)=["']([^"']*)["']"#)
        var checked = 0
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let link = String(html[Range(match.range(at: 1), in: html)!]).replacingOccurrences(of: "&amp;", with: "&")
                if link.hasPrefix("https://") || link.hasPrefix("http://") || link.hasPrefix("mailto:") { continue }
                #expect(!link.hasPrefix("/"), "\(path): \(link) is root-relative")
                var target = link
                var fragment = ""
                if let hash = target.firstIndex(of: "#") {
                    fragment = String(target[target.index(after: hash)...])
                    target = String(target[..<hash])
                }
                let folder = (path as NSString).deletingLastPathComponent
                let resolved = target.isEmpty ? path
                    : ContentPath.normalise((folder.isEmpty ? "" : folder + "/") + (target.removingPercentEncoding ?? target))
                #expect(resolved != nil, "\(path): \(link) climbs out of the archive")
                guard let resolved else { continue }
                #expect(files[resolved] != nil, "\(path): \(link) does not resolve to a file in the archive")
                if !fragment.isEmpty, let page = files[resolved] {
                    #expect(String(decoding: page, as: UTF8.self).contains("id=\"\(fragment)\""), "\(path): no anchor for \(link)")
                }
                checked += 1
            }
        }
        return checked
    }

    @Test func everyRelativeLinkResolvesInsideTheArchive() throws {
        for (period, folder, least) in [("2006/07", "dossier-archive-2006-07", 20), ("2004", "dossier-archive-2004", 10)] {
            let (zip, _) = try Self.make(period, into: TemporaryFolder.make())
            let checked = try Self.checkRelativeLinks(in: Self.unzip(zip).appending(path: folder))
            #expect(checked >= least, "\(period): only \(checked) links checked")
        }
    }

    @Test func reportsInOtherFoldersLinkToEachOtherRelatively() throws {
        let (zip, archive) = try Self.make("2004", into: TemporaryFolder.make())
        #expect(archive.reports.map(\.file) == ["reviews/ict-best-value-review.html", "committee/2004-01-improvement-plan-update.html",
                                                "reviews/highlight-2004-05.html"])
        let top = try Self.unzip(zip).appending(path: "dossier-archive-2004")
        let committee = Tree.text(top, "committee/2004-01-improvement-plan-update.html")
        #expect(committee.contains("href=\"../reviews/ict-best-value-review.html\""))
        #expect(committee.contains("href=\"https://intranet.example.gov.uk/ict/plans/ict-improvement-plan-2002/\""),
                "the 2002 plan is not in the 2004 archive: the live site")
    }

    @Test func theManifestListsEveryOtherFileWithItsHashAndSize() throws {
        let (zip, _) = try Self.make("2006/07", into: TemporaryFolder.make())
        let top = try Self.unzip(zip).appending(path: "dossier-archive-2006-07")
        let files = Tree.snapshot(top)
        let lines = Tree.text(top, "manifest.txt").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "", "ends with a newline")
        var listed: [String] = []
        for line in lines.dropLast() {
            let fields = line.components(separatedBy: "  ")
            #expect(fields.count == 3, "\(line)")
            guard fields.count == 3, let data = files[fields[2]] else {
                Issue.record("manifest lists a missing file: \(line)")
                continue
            }
            let hash = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            #expect(fields[0] == hash, "\(fields[2]): hash")
            #expect(fields[1] == String(data.count), "\(fields[2]): size")
            listed.append(fields[2])
        }
        #expect(listed == listed.sorted(), "sorted by path")
        #expect(Set(listed) == Set(files.keys).subtracting(["manifest.txt"]))
    }

    @Test func theSameInputGivesTheSameZip() throws {
        let folder = TemporaryFolder.make()
        let (first, _) = try Self.make("2006/07", into: folder, name: "first.zip")
        let (second, _) = try Self.make("2006/07", into: folder, name: "second.zip")
        let bytes = try Data(contentsOf: first)
        #expect(bytes == (try Data(contentsOf: second)))

        let archive = try Archive(url: first, accessMode: .read)
        let entries = Array(archive)
        let paths = entries.map(\.path)
        #expect(paths == paths.sorted())
        #expect(paths.first == "dossier-archive-2006-07/")
        #expect(paths.allSatisfy { $0.hasPrefix("dossier-archive-2006-07/") })
        #expect(!paths.contains { $0.contains("__MACOSX") || $0.hasSuffix(".DS_Store") })
        let day = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: entries[0].fileAttributes[.modificationDate] as! Date)
        #expect((day.year, day.month, day.day) == (2026, 11, 21))
        #expect(Set(entries.map { $0.fileAttributes[.modificationDate] as! Date }).count == 1, "every entry has the same date")

        // Another day gives another zip: the date is an input, not the clock.
        let options = ArchiveOptions(root: repositoryRoot.path, period: try ArchivePeriod(parsing: "2006/07"), today: Day(year: 2027, month: 1, day: 2)!)
        #expect(try OfflineArchive.build(options).zip() != bytes)
    }

    @Test func withPDFsEachReportsPDFIsBesideItsPageAndListedInTheIndex() throws {
        var options = ArchiveOptions(root: repositoryRoot.path, period: try ArchivePeriod(parsing: "2006/07"), today: Self.made)
        options.pdf = true
        options.weasyPrint = try ReportPDFTests.fakeEngine()
        let archive = try OfflineArchive.build(options)
        let files = Dictionary(uniqueKeysWithValues: archive.files.map { ($0.path, $0.data) })
        let pdfs = ["performance/2006-07-q1.pdf", "performance/2006-07-q2.pdf", "performance/2006-07-q3.pdf", "performance/2006-07-q4.pdf"]
        #expect(archive.files.map(\.path).filter { $0.hasSuffix(".pdf") } == pdfs)
        #expect(pdfs.allSatisfy { files[$0] == Data("%PDF-1.7 fake".utf8) })
        #expect(archive.reports.map { $0.pdf?.file } == pdfs)
        let q3 = String(decoding: files["performance/2006-07-q3.html"]!, as: UTF8.self)
        #expect(q3.contains("<a href=\"2006-07-q3.pdf\" type=\"application/pdf\">Download as PDF, 2 pages, 1 KB</a>"))
        let index = String(decoding: files[OfflineArchive.indexFile]!, as: UTF8.self)
        #expect(index.contains("<a href=\"performance/2006-07-q3.pdf\" type=\"application/pdf\">PDF,&nbsp;1&nbsp;KB</a>"))
        let manifest = String(decoding: files[OfflineArchive.manifestFile]!, as: UTF8.self)
        #expect(manifest.contains("  13  performance/2006-07-q3.pdf\n"))
        // The temporary build that printed them is gone.
        let scratch = "dossier-archive-\(ProcessInfo.processInfo.processIdentifier)-"
        #expect(try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path).filter { $0.hasPrefix(scratch) } == [])
        // The same input, the same zip.
        #expect(try OfflineArchive.build(options).zip() == archive.zip())

        options.pdf = false
        let without = try OfflineArchive.build(options)
        #expect(!without.files.contains { $0.path.hasSuffix(".pdf") })
        #expect(!String(decoding: without.files.first { $0.path == "performance/2006-07-q3.html" }!.data, as: UTF8.self).contains("Download as PDF"))
    }

    @Test func refusesToReplaceAFileUnlessForced() throws {
        let folder = TemporaryFolder.make()
        let zip = folder.appending(path: "archive.zip")
        try Data("keep me".utf8).write(to: zip)
        #expect(throws: ArchiveError.self) { try Self.make("2006/07", into: folder) }
        #expect(try Data(contentsOf: zip) == Data("keep me".utf8))
        _ = try Self.make("2006/07", into: folder, force: true)
        #expect(try Data(contentsOf: zip).prefix(2) == Data("PK".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["archive.zip"], "nothing else is written")
    }

    @Test func refusesAFolderAMissingFolderAndTheSitesSources() throws {
        let folder = TemporaryFolder.make()
        let period = try ArchivePeriod(parsing: "2006/07")
        for output in [folder.path, folder.appending(path: "missing/archive.zip").path,
                       repositoryRoot.appending(path: "content/archive.zip").path] {
            let options = ArchiveOptions(root: repositoryRoot.path, period: period, output: output, today: Self.made)
            #expect(throws: ArchiveError.self, "\(output)") { try OfflineArchive.make(options) }
        }
        #expect(!FileManager.default.fileExists(atPath: repositoryRoot.appending(path: "content/archive.zip").path))
    }

    @Test func aPeriodWithNoReportsIsAnError() throws {
        let options = ArchiveOptions(root: repositoryRoot.path, period: try ArchivePeriod(parsing: "1999"),
                                     output: TemporaryFolder.make().appending(path: "a.zip").path, today: Self.made)
        do {
            try OfflineArchive.make(options)
            Issue.record("made an archive of 1999")
        } catch {
            #expect(error.message == "no reports in the calendar year 1999 (January to December 1999)")
            #expect(!FileManager.default.fileExists(atPath: options.outputPath))
        }
    }

    @Test func theDefaultOutputIsBesideTheContent() throws {
        let period = try ArchivePeriod(parsing: "2006-Q3")
        #expect(ArchiveOptions(root: "/srv/site", period: period, today: Self.made).outputPath == "/srv/site/archive-2006-Q3.zip")
        #expect(ArchiveOptions(period: period, today: Self.made).outputPath == "archive-2006-Q3.zip")
    }

    @Test func aSiteWithErrorsMakesNoArchive() throws {
        let fixture = Fixture(["content/a.md": "---\ntitle: A\ndate: 2006-13-01\n---\nText.\n"])
        let options = ArchiveOptions(root: Fixture.root, period: try ArchivePeriod(parsing: "2006"), today: Self.made,
                                     fileSystem: fixture.fileSystem)
        do {
            _ = try OfflineArchive.build(options)
            Issue.record("built an archive of a broken site")
        } catch {
            #expect(!error.diagnostics.isEmpty)
            #expect(error.message.contains("no archive was made"))
        }
    }
}
