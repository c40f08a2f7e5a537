import Foundation
import Testing
@testable import DossierCore

/// What a reader meets first: the brand, the navigation, the home page's answer, words instead
/// of identifiers, and the contents of long reports.
@Suite struct ReaderPagesTests {
    // MARK: Brand

    @Test func theBrandColourIsReadWithItsTextColourAndABadOneIsLocated() throws {
        #expect(BrandColour(hex: "#1e4d5c")?.textColour == "#ffffff")
        #expect(BrandColour(hex: "#ffdd00")?.textColour == "#000000", "white on yellow is 1.4:1, so the text is black")
        #expect(BrandColour(hex: "#fd0")?.hex == "#ffdd00")
        #expect(BrandColour(hex: "1e4d5c") == nil && BrandColour(hex: "#12345g") == nil)
        let site = Fixture([
            "content/site.yaml": "title: T\nbrand:\n  colour: teal\n",
            "content/index.md": Fixture.page("Home"),
        ])
        #expect(site.errors() == ["content/site.yaml:3:11: error: 'brand.colour': 'teal' is not a colour written like #2f3e4c"])
    }

    @Test func theBrandIsInEveryPageAndTheDefaultIsNeutral() throws {
        let site = try Fixture([
            "content/site.yaml": "title: Intranet\nbrand:\n  name: ICT Services\n  colour: \"#1e4d5c\"\n  logo: images/logo.png\n",
            "content/images/logo.png": "PNG",
            "content/index.md": Fixture.page("Home"),
        ]).build()
        let home = Tree.text(site, "index.html")
        #expect(home.contains(":root { --brand: #1e4d5c; --brand-text: #ffffff; }"))
        #expect(home.contains("<img class=\"site-logo\" src=\"/images/logo.png\" alt=\"\" height=\"40\">ICT Services</a>"))
        let plain = try Fixture(["content/index.md": Fixture.page("Home")]).build()
        #expect(Tree.text(plain, "index.html").contains("--brand: \(BrandColour.neutral.hex);"))
        #expect(BrandColour.neutral.contrastWithWhite >= 7)
    }

    @Test func aLogoMustBeAnImageTheSiteCopies() {
        let missing = Fixture([
            "content/site.yaml": "title: T\nbrand:\n  logo: images/logo.png\n",
            "content/images/logos.png": "PNG",
            "content/index.md": Fixture.page("Home"),
        ])
        #expect(missing.errors() == ["content/site.yaml:3:9: error: logo 'images/logo.png' is not a file in the content folder\n  hint: did you mean 'images/logos.png'?"])
        let svg = Fixture([
            "content/site.yaml": "title: T\nbrand:\n  logo: logo.svg\n",
            "content/logo.svg": "<svg/>",
            "content/index.md": Fixture.page("Home"),
        ])
        #expect(svg.errors().contains { $0.hasPrefix("content/site.yaml:3:9: error: logo 'logo.svg' is not a PNG, JPEG, GIF or WebP image") })
    }

    // MARK: Navigation

    @Test func theHeaderShowsSixLinksAndTheFooterTheRestWithTheArchiveAndTags() throws {
        let sections = (1...8).map { "s\($0)" }
        var files = ["content/index.md": Fixture.page("Home")]
        var navigation = "title: T\nnavigation:\n"
        for name in sections {
            files["content/\(name)/_index.md"] = Fixture.page(name.uppercased())
            files["content/\(name)/r.md"] = Fixture.page("Report \(name)", extra: "date: 2006-01-01\ntags: [faults]\n")
            navigation += "  - title: Section \(name)\n    link: \(name)/\n"
        }
        files["content/site.yaml"] = navigation
        let home = Tree.text(try Fixture(files).build(), "index.html")
        let header = String(home[home.range(of: "site-navigation-wide")!.lowerBound...]).components(separatedBy: "</ul>")[0]
        #expect(header.components(separatedBy: "<li>").count - 1 == 6)
        #expect(header.contains(">Section s6</a>") && !header.contains(">Section s7</a>"))
        let footer = String(home[home.range(of: "<footer")!.lowerBound...])
        let links = footer.components(separatedBy: "<li><a href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(links == ["/s7/", "/s8/", "/archive/", "/tags/"])
        #expect(home.contains("<details class=\"site-menu\">\n<summary>Menu</summary>"))
    }

    // MARK: The home page

    @Test func theHomePageSaysHowTheIndicatorsAndActionsStandBeforeAnythingElse() throws {
        let result = { (status: IndicatorStatus?) in
            ResultView(id: "x", name: "X", url: "/x/", group: nil, standard: nil, target: "90%", actual: status == nil ? nil : "91%",
                       volume: nil, comment: nil, status: status.map(StatusView.init), period: nil, report: nil)
        }
        let items = DocumentContext.glanceItems(results: [result(.exceeded), result(.met), result(.near), result(nil)], overdueCount: 5)
        #expect(items.map { "\($0.count) \($0.words)" } == [
            "2 of 4 indicators on target", "1 \(IndicatorStatus.near.words.prefix(1).lowercased() + IndicatorStatus.near.words.dropFirst())",
            "1 not yet measured", "5 actions overdue",
        ])
        #expect(DocumentContext.glanceItems(results: nil, overdueCount: 1).map(\.words) == ["action overdue"])

        let home = Tree.text(try SiteCheck.site.get(), "index.html")
        let counts = try #require(home.range(of: "class=\"glance-counts\""))
        let prose = try #require(home.range(of: "Welcome to the ICT Services intranet"))
        #expect(counts.lowerBound < prose.lowerBound, "the counts come before the welcome")
        #expect(home.contains("<span class=\"glance-count\">8</span> of 9 indicators on target</li>"))
        #expect(home.contains("As at Q4 2006/07, from <a href=\"/ict/performance/2006-07-q4/\">"))
    }

    @Test func aQuarterlyReportSaysHowItsIndicatorsStoodBeforeItsDateTagsAndContents() throws {
        let html = Tree.text(try SiteCheck.site.get(), "performance/2006-07-q3/index.html")
        let order = ["<h1>", "<h2 id=\"glance-title\">Q3 2006/07 at a glance</h2>",
                     "<span class=\"glance-count\">8</span> of 9 indicators on target</li>",
                     "<span class=\"glance-count\">1</span> target just missed</li>",
                     ">Calls and faults fixed immediately</a>: 59% against a target of 60%",
                     "<dt>Date</dt>", "<dt>Period</dt>", "<dt class=\"tags-term\">Tags</dt>", "<nav class=\"page-contents\""]
        let places = try order.map { try #require(html.range(of: $0), "\($0)").lowerBound }
        #expect(places == places.sorted(), "in this order: \(order)")
        let q1 = Tree.text(try SiteCheck.site.get(), "performance/2006-07-q1/index.html")
        #expect(q1.contains("<span class=\"glance-count\">2</span> targets just missed</li>"))
        #expect(q1.contains("<span class=\"glance-count\">2</span> targets missed</li>"))
    }

    /// The timeline says which stages are late as at its own marker: on a current review that is
    /// the build date, on an old one its latest report, when nothing was late yet.
    @Test func aReviewTimelineSaysWhichStagesAreLateAsAtItsMarker() throws {
        let review = """
            ---
            title: Print review
            kind: review
            service: Print
            stages:
              - name: Scope
                start: 2026-01
                end: 2026-03
                status: in-hand
              - name: Options
                start: 2026-10
                end: 2026-12
                status: not-started
            ---

            """
        let site = try Fixture(["content/reviews/print.md": review]).build()
        let html = Tree.text(site, "reviews/print/index.html")
        let description = try #require(html.range(of: "<desc id=\"doc_timeline-desc\">").map { html[$0.upperBound...].prefix { $0 != "<" } })
        #expect(description == "Scope: January 2026 to March 2026, in hand, late. Options: October 2026 to December 2026, not started. Marked: Site built 21 November 2026.")
        #expect(html.contains(">In hand, late</text>"))
        // The example review's marker is its latest report, 17 May 2004: nothing was late then.
        let example = Tree.text(try SiteCheck.site.get(), "reviews/ict-best-value-review/index.html")
        #expect(example.contains("Marked: Latest report, 17 May 2004.") && !example.contains(", late</text>"))
    }

    // MARK: Words people use

    @Test func tagsWrittenAsSlugsAreShownAsWords() {
        #expect(TagReference.displayName(of: "customer-satisfaction") == "Customer satisfaction")
        #expect(TagReference.displayName(of: "faults") == "Faults")
        #expect(TagReference.displayName(of: "ITIL") == "ITIL")
        #expect(TagReference.displayName(of: "Best Value") == "Best Value")
    }

    @Test func aCommentThatOnlyRestatesTheStatusIsNotShown() {
        #expect(StatusLook.isStatusPhrase("Target hit"))
        #expect(StatusLook.isStatusPhrase("Just missed."))
        #expect(!StatusLook.isStatusPhrase("Target hit despite the office moves"))
    }

    @Test func aTitleInAPrintedRunningHeadIsACSSStringThatCannotEscape() {
        #expect(CSSString.escape("Q3 2006/07") == "Q3 2006\\2f 07")
        let hostile = CSSString.escape("a\" } </style><script>x</script> \\ & é\n")
        #expect(!hostile.contains("\"") && !hostile.contains("<") && !hostile.contains("&") && !hostile.contains("\n"))
        #expect(hostile.hasPrefix("a\\22  \\7d  \\3c \\2f style"))
    }

    // MARK: Long reports

    @Test func aQuarterlyReportListsItsSectionsAndTheBodysHeadingsInPageOrder() throws {
        let html = Tree.text(try SiteCheck.site.get(), "performance/2006-07-q3/index.html")
        let start = try #require(html.range(of: "<nav class=\"page-contents\""))
        let contents = String(html[start.lowerBound...]).components(separatedBy: "</nav>")[0]
        let entries = contents.components(separatedBy: "<a href=\"#").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(entries.first == "headlines" && entries.last == "actions")
        #expect(entries.contains("introduction"))
        for id in entries { #expect(html.contains("id=\"\(id)\""), "the contents link #\(id) has a target") }
        #expect(html.contains("<p class=\"back-to-top\"><a href=\"#main-content\">Back to top</a></p>"))
    }

    // MARK: Newsletter

    @Test func aNewsletterPageNamesARepeatedSourceOnce() throws {
        let html = Tree.text(try SiteCheck.site.get(), "newsletter/issue-03/index.html")
        let start = try #require(html.range(of: "<h3>Actions completed</h3>"))
        let group = String(html[start.upperBound...]).components(separatedBy: "<h3>")[0]
        #expect(group.components(separatedBy: "href=\"/ict/performance/2006-07-q3/\"").count - 1 == 1)
        #expect(group.components(separatedBy: "<li>").count - 1 == 15)
    }
}
