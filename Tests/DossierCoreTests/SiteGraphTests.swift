import Foundation
import Testing
@testable import DossierCore

@Suite struct SiteGraphTests {
    @Test func prettyURLsSectionsAndTags() throws {
        let site = try Fixture([
            "content/_index.md": Fixture.page("Welcome"),
            "content/reports/_index.md": Fixture.page("Performance reports", "Quarterly reports.\n"),
            "content/reports/2006-q3.md": Fixture.page("Q3", extra: "date: 2007-01-29\ntags: [Performance, faults]\n"),
            "content/reports/2006-q2.md": Fixture.page("Q2", extra: "date: 2006-10-20\ntags: [performance]\n"),
            "content/reports/undated.md": Fixture.page("Undated"),
            "content/reports/archive/2005-q4.md": Fixture.page("Q4 2005", extra: "date: 2006-01-20\n"),
        ]).build()
        let files = Set(Tree.snapshot(site).keys)
        for path in ["index.html", "reports/index.html", "reports/2006-q3/index.html", "reports/archive/index.html",
                     "reports/archive/2005-q4/index.html", "tags/index.html", "tags/performance/index.html",
                     "tags/faults/index.html", "assets/dossier.css", ".dossier"] {
            #expect(files.contains(path), "missing \(path)")
        }
        let list = Tree.text(site, "reports/index.html")
        let order = ["Q3", "Q2", "Undated"].map { list.range(of: ">\($0)</a>")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order[0]! < order[1]! && order[1]! < order[2]!, "newest first, undated last")
        #expect(list.contains("Quarterly reports."))
        #expect(list.contains(#"href="/reports/archive/""#))
        // "Performance" and "performance" are one tag, named by the first spelling in sort order.
        let tag = Tree.text(site, "tags/performance/index.html")
        #expect(tag.contains("Tagged “Performance”") && tag.contains(">Q3</a>") && tag.contains(">Q2</a>"))
    }

    @Test func weightComesBeforeDate() throws {
        let site = try Fixture([
            "content/reports/a.md": Fixture.page("Newest", extra: "date: 2010-01-01\n"),
            "content/reports/b.md": Fixture.page("Pinned", extra: "date: 2001-01-01\nweight: 1\n"),
            "content/reports/c.md": Fixture.page("Older", extra: "date: 2005-01-01\n"),
        ]).build()
        let list = Tree.text(site, "reports/index.html")
        let positions = ["Pinned", "Newest", "Older"].compactMap { list.range(of: ">\($0)</a>")?.lowerBound }
        #expect(positions.count == 3 && positions == positions.sorted())
    }

    @Test func draftsAreLeftOutUnlessAsked() throws {
        let fixture = Fixture([
            "content/a.md": Fixture.page("Published"),
            "content/b.md": Fixture.page("Draft", extra: "draft: true\ntags: [secret]\n"),
        ])
        let without = Set(Tree.snapshot(try fixture.build()).keys)
        #expect(!without.contains("b/index.html") && !without.contains("tags/secret/index.html"))
        let with = Set(Tree.snapshot(try fixture.build(drafts: true)).keys)
        #expect(with.contains("b/index.html") && with.contains("tags/secret/index.html"))
    }

    @Test func duplicateOutputPathsAreErrors() {
        let site = Fixture([
            "content/reports/q3.md": Fixture.page("Q3"),
            "content/reports/third.md": Fixture.page("Third", extra: "slug: q3\n"),
        ])
        #expect(site.errors() == [
            "content/reports/third.md:3:7: error: this page is written to 'reports/q3/index.html', which this page (content/reports/q3.md) already writes\n  hint: give one of them a different slug or file name",
        ])
    }

    @Test func contentCannotTakeTheStylesheetsPath() {
        let site = Fixture(["content/a.md": Fixture.page("A"), "content/assets/dossier.css": "body{}"])
        #expect(site.errors().count == 1)
        #expect(site.errors().first?.hasPrefix("content/assets/dossier.css: error:") == false)
        #expect(site.errors().first?.contains("is written to 'assets/dossier.css'") == true)
    }

    @Test func nonMarkdownFilesAreCopiedUnchanged() throws {
        let bytes = "indicator,actual\nfaults,92\n"
        let site = try Fixture(["content/a.md": Fixture.page("A"), "content/data/figures.csv": bytes]).build()
        #expect(Tree.text(site, "data/figures.csv") == bytes)
    }

    @Test func aRootWithOnlyContentBuildsWithDefaults() throws {
        let site = try Fixture(["content/note.md": Fixture.page("Note")]).build()
        let home = Tree.text(site, "index.html")
        #expect(home.contains("<title>Dossier site</title>"))
        #expect(home.contains("<html lang=\"en-GB\">"))
        #expect(Tree.text(site, "note/index.html").contains("<h1>Note</h1>"))
    }
}
