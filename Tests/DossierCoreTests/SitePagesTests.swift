import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import DossierCore

/// The pages around the reports: feeds, sitemap, archive, series, pagination, drafts and dates.
@Suite struct SitePagesTests {
    static let registry = "indicators:\n  - {id: faults, name: Faults fixed, unit: percent, direction: higher, target: 90}\n"

    static func quarterly(_ year: String, _ quarter: Int, date: String, actual: Int, extra: String = "") -> String {
        "---\ntitle: Q\(quarter) \(year)\ndate: \(date)\nkind: quarterly\nfinancial_year: \(year)\nquarter: \(quarter)\n"
            + "results:\n  - {indicator: faults, actual: \(actual)}\n\(extra)---\nText.\n"
    }

    static var site: Fixture {
        Fixture([
            "content/site.yaml": "title: ICT\nbase_url: https://intranet.example/ict/\npage_size: 2\n",
            "content/indicators.yaml": registry,
            "content/performance/2006-q1.md": quarterly("2006/07", 1, date: "2006-07-24", actual: 88),
            "content/performance/2006-q2.md": quarterly("2006/07", 2, date: "2006-10-23", actual: 91,
                                                        extra: "superseded_by: 2006-q2-revised.md\n"),
            "content/performance/2006-q2-revised.md": quarterly("2006/07", 2, date: "2006-11-06", actual: 92).replacingOccurrences(of: "title: Q2", with: "title: Revised Q2"),
            "content/performance/2006-q3.md": quarterly("2006/07", 3, date: "2007-01-29", actual: 93),
            "content/performance/draft.md": Fixture.page("Draft", extra: "date: 2007-02-01\ndraft: true\n"),
            "content/performance/future.md": Fixture.page("Future", extra: "date: 2030-01-01\n"),
            "content/about/team/people.md": Fixture.page("People"),
        ])
    }

    @Test func futurePagesWaitUnlessAsked() throws {
        let built = Set(Tree.snapshot(try Self.site.build()).keys)
        #expect(!built.contains("performance/future/index.html"))
        var options = Self.site.options(output: TemporaryFolder.make().appending(path: "site").path)
        options.includeFuture = true
        _ = try Pipeline(options: options).run(.build)
        #expect(FileManager.default.fileExists(atPath: options.outputFolder + "/performance/future/index.html"))
        let linking = Fixture(["content/a.md": Fixture.page("A", "[soon](b.md)\n"), "content/b.md": Fixture.page("B", extra: "date: 2030-01-01\n")])
        #expect(linking.errors() == [
            "content/a.md:4:1: error: link to 'b.md', a page dated 1 January 2030, after the build date, so not published yet\n  hint: build with --future to publish it now",
        ])
    }

    @Test func feedsListReportsWithAbsoluteURLsAndNothingUnpublished() throws {
        let site = try Self.site.build()
        let feed = Tree.text(site, "feed.xml")
        #expect(XMLParser(data: Data(feed.utf8)).parse())
        #expect(feed.contains("<link rel=\"self\" href=\"https://intranet.example/ict/feed.xml\"/>"))
        #expect(feed.contains("<updated>2007-01-29T00:00:00Z</updated>"))
        let entries = ["Q3 2006/07", "Revised Q2 2006/07", "Q2 2006/07", "Q1 2006/07"].compactMap { feed.range(of: "<title>\($0)</title>")?.lowerBound }
        #expect(entries.count == 4 && entries == entries.sorted(), "newest first")
        #expect(!feed.contains("Draft") && !feed.contains("Future"))
        let section = Tree.text(site, "performance/feed.xml")
        #expect(XMLParser(data: Data(section.utf8)).parse() && section.contains("<title>Performance – ICT</title>"))
        let sitemap = Tree.text(site, "sitemap.xml")
        #expect(XMLParser(data: Data(sitemap.utf8)).parse())
        #expect(sitemap.contains("<url><loc>https://intranet.example/ict/performance/2006-q3/</loc><lastmod>2007-01-29</lastmod></url>"))
        #expect(!sitemap.contains("draft") && !sitemap.contains("future"))
        #expect(Tree.text(site, "performance/2006-q3/index.html").contains("<link rel=\"canonical\" href=\"https://intranet.example/ict/performance/2006-q3/\">"))
    }

    @Test func supersededReportsKeepTheirAddressWithABannerAndLeaveTheDashboard() throws {
        let site = try Self.site.build()
        let old = Tree.text(site, "performance/2006-q2/index.html")
        #expect(old.contains("This report has been superseded.</strong> The newer report is <a href=\"/ict/performance/2006-q2-revised/\">Revised Q2 2006/07</a>"))
        let archive = Tree.text(site, "archive/index.html")
        #expect(archive.contains("Superseded by <a href=\"/ict/performance/2006-q2-revised/\">"))
        #expect(archive.contains("<h2 id=\"year-2006\">Financial year 2006/07</h2>"))
        let quarters = ["Quarter 3: October to December 2006", "Quarter 2: July to September 2006", "Quarter 1: April to June 2006"]
            .compactMap { archive.range(of: $0)?.lowerBound }
        #expect(quarters.count == 3 && quarters == quarters.sorted(), "newest quarter first; Q3 holds the report dated January 2007")
        let home = Tree.text(site, "index.html")
        #expect(home.contains("As at Q3 2006/07, from <a href=\"/ict/performance/2006-q3/\">"))
        let bad = Fixture(["content/a.md": Fixture.page("A", extra: "date: 2006-01-01\nsuperseded_by: b.md\n")])
        #expect(bad.errors() == ["content/a.md:4:16: error: superseded_by 'b.md' is not a published page\n  hint: write the newer report's file, relative to this one, e.g. 2007-08-q1.md"])
    }

    @Test func quarterlyReportsFormASeries() throws {
        let site = try Self.site.build()
        let q2 = Tree.text(site, "performance/2006-q2-revised/index.html")
        #expect(q2.contains("<a href=\"/ict/performance/2006-q3/\" rel=\"next\">Q3 2006/07</a>"))
        let q1 = Tree.text(site, "performance/2006-q1/index.html")
        #expect(!q1.contains("rel=\"prev\"") && q1.contains("rel=\"next\""))
    }

    @Test func sectionListsArePaginated() throws {
        let site = try Self.site.build()
        let files = Set(Tree.snapshot(site).keys)
        #expect(files.contains("performance/index.html") && files.contains("performance/page/2/index.html"))
        #expect(!files.contains("performance/page/3/index.html"))
        let first = Tree.text(site, "performance/index.html")
        #expect(first.contains("Page 1 of 2") && first.contains("<a href=\"/ict/performance/page/2/\" rel=\"next\">"))
        let second = Tree.text(site, "performance/page/2/index.html")
        #expect(second.contains("<span aria-current=\"page\">2</span>") && second.contains("rel=\"prev\""))
        #expect(second.contains("<h1>Performance, page 2</h1>"))
    }

    @Test func breadcrumbsAndA404Page() throws {
        let site = try Self.site.build()
        let people = Tree.text(site, "about/team/people/index.html")
        #expect(people.contains("<li><a href=\"/ict/\">Home</a></li>\n<li><a href=\"/ict/about/\">About</a></li>\n<li><a href=\"/ict/about/team/\">Team</a></li>"))
        // A section's own list leads to it without linking to itself.
        let team = Tree.text(site, "about/team/index.html")
        #expect(team.contains("<li><a href=\"/ict/\">Home</a></li>\n<li><a href=\"/ict/about/\">About</a></li>\n</ol>"))
        let missing = Tree.text(site, "404.html")
        #expect(missing.contains("<h1>Page not found</h1>") && !missing.contains("rel=\"canonical\""))
    }
}
