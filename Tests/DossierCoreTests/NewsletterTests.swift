import Foundation
import Testing
@testable import DossierCore

/// The newsletter kind: decoding and validation errors with their positions, and what an issue gathers.
@Suite struct NewsletterTests {
    static func issue(_ number: Int, date: String, extra: String = "") -> String {
        "---\ntitle: Issue \(number)\ndate: \(date)\nkind: newsletter\nissue: \(number)\n\(extra)---\nBody.\n"
    }

    // MARK: Errors

    @Test func issueNumberUsedTwice() {
        let errors = Fixture([
            "content/newsletter/a.md": Self.issue(1, date: "2004-05-20"),
            "content/newsletter/b.md": Self.issue(1, date: "2004-06-24"),
        ]).errors()
        #expect(errors == [
            "content/newsletter/b.md:5:8: error: issue number 1 is already used by content/newsletter/a.md\n  hint: number each issue once: 1, 2, 3 …",
        ])
    }

    @Test func gatherWindowRunningBackwards() {
        let errors = Fixture([
            "content/newsletter/a.md": Self.issue(1, date: "2004-05-20", extra: "gather:\n  from: 2004-06-01\n  to: 2004-05-01\n"),
        ]).errors()
        #expect(errors == [
            "content/newsletter/a.md:8:7: error: the gather window runs backwards: from 1 June 2004 to 1 May 2004\n  hint: 'from' is the day after which items are gathered, 'to' the last day; 'to' cannot be before 'from'",
        ])
    }

    @Test func fromThatIsNotAnAddress() {
        let errors = Fixture([
            "content/site.yaml": "title: Site\nnewsletter:\n  from: ICT news at the council\n  to: ict-staff@council.example\n",
            "content/newsletter/a.md": Self.issue(1, date: "2004-05-20"),
        ]).errors()
        #expect(errors == [
            "content/site.yaml:3:9: error: newsletter.from 'ICT news at the council' is not an email address\n  hint: write it like ict-news@council.example or \"ICT Services <ict-news@council.example>\"",
        ])
    }

    @Test func unknownKeyInAnArticle() {
        let errors = Fixture([
            "content/newsletter/a.md": Self.issue(1, date: "2004-05-20", extra: "articles:\n  - title: A\n    text: B\n"),
        ]).errors()
        #expect(errors == [
            "content/newsletter/a.md:7:5: error: missing required key 'articles[1].body' in front matter\n  hint: add `body: …`",
            "content/newsletter/a.md:8:5: error: unknown key 'articles[1].text' in front matter\n  hint: expected one of: title, body",
        ])
    }

    @Test func addresses() {
        #expect(MailAddress("ICT Services <ict-news@council.example>") == MailAddress("ict-news@council.example").map { var a = $0; a.name = "ICT Services"; return a })
        #expect(MailAddress("ict-staff@council.example")?.address == "ict-staff@council.example")
        for bad in ["ict-staff", "a@b", "<>", "a b@council.example", "x@-council.example", "ICT <ict@council.example"] {
            #expect(MailAddress(bad) == nil, "\(bad)")
        }
    }

    // MARK: Gathering

    static let registry = """
        indicators:
          - id: fault-minor
            name: Minor fault
            unit: percent
            direction: higher
            target: 95

        """

    static func quarterly(year: String, quarter: Int, date: String, actual: Double, actions: String) -> String {
        "---\ntitle: Q\(quarter) \(year)\ndate: \(date)\nkind: quarterly\nfinancial_year: \(year)\nquarter: \(quarter)\n"
            + "results:\n  - indicator: fault-minor\n    actual: \(actual)\nscorecard:\n  actions:\n\(actions)---\n"
    }

    static func graph(_ files: [String: String]) -> SiteGraph {
        let fixture = Fixture(files)
        let log = DiagnosticLog()
        let content = ContentLoader(fileSystem: fixture.fileSystem, root: Fixture.root).load(into: log)
        let parsed = PageParser().parse(content, into: log)
        let validated = Validator().validate(parsed, into: log)
        let graph = SiteGraphBuilder(includeDrafts: false, includeFuture: true, today: Fixture.today)
            .build(config: validated.config, registry: validated.registry, indicatorLocations: validated.indicatorLocations,
                   pages: validated.pages,
                   allMarkdown: content.markdown.map(\.file), assets: content.assets, into: log)
        #expect(log.diagnostics.filter { $0.severity == .error }.isEmpty, "\(log.diagnostics)")
        return graph
    }

    static let site: [String: String] = [
        "content/indicators.yaml": registry,
        "content/reviews/r.md": "---\ntitle: Review\nkind: review\nservice: ICT\n---\n",
        "content/newsletter/issue-1.md": issue(1, date: "2004-05-20"),
        "content/newsletter/issue-2.md": issue(2, date: "2004-06-24", extra: "gather: true\n"),
        "content/reports/on-previous-issue.md": Fixture.page("On the previous issue's day", extra: "date: 2004-05-20\n"),
        "content/reports/day-after.md": Fixture.page("The day after", extra: "date: 2004-05-21\n"),
        "content/reports/same-day.md": Fixture.page("On this issue's day", extra: "date: 2004-06-24\n"),
        "content/reports/after.md": Fixture.page("The day after this issue", extra: "date: 2004-06-25\n"),
        "content/reviews/highlight.md": """
            ---
            title: Highlight
            date: 2004-06-10
            kind: highlight
            review: r
            cumulative_achievements:
              - text: Done on the previous issue's day
                date: 2004-05-20
              - Undated, so the report's day
              - text: Done on this issue's day
                date: 2004-06-24
            early_wins:
              - text: A win still in hand
                status: in-hand
            ---

            """,
        "content/performance/q4.md": quarterly(year: "2003/04", quarter: 4, date: "2004-05-01", actual: 94, actions: """
                - id: A1
                  title: Finished before the window
                  status: complete
                - id: A2
                  title: Finished in the window
                  status: in-hand

            """),
        "content/performance/q1.md": quarterly(year: "2004/05", quarter: 1, date: "2004-06-01", actual: 95, actions: """
                - id: A1
                  title: Finished before the window
                  status: complete
                - id: A2
                  title: Finished in the window
                  status: complete

            """),
    ]

    @Test func gathersExactlyTheItemsAfterThePreviousIssueAndUpToThisOne() throws {
        let graph = Self.graph(Self.site)
        let gathering = NewsletterGathering(graph: graph)
        let page = try #require(graph.pages.first { $0.urlPath == "newsletter/issue-2/" })
        let window = try #require(gathering.window(for: page))
        #expect(window == NewsletterGathering.Window(from: Day(iso: "2004-05-20"), to: Day(iso: "2004-06-24")!))
        let items = gathering.items(in: window).map { "\($0.category.rawValue): \($0.text) (\($0.date.iso), \($0.sourcePath))" }
        #expect(items == [
            "achievements: Undated, so the report's day (2004-06-10, reviews/highlight/)",
            "achievements: Done on this issue's day (2004-06-24, reviews/highlight/)",
            "actions: A2 Finished in the window (2004-06-01, performance/q1/)",
            "indicators: Minor fault: Target just missed → Target met (2004-06-01, performance/q1/)",
            "reports: The day after (2004-05-21, reports/day-after/)",
            "reports: Q1 2004/05 (2004-06-01, performance/q1/)",
            "reports: Highlight (2004-06-10, reviews/highlight/)",
            "reports: On this issue's day (2004-06-24, reports/same-day/)",
        ])
    }

    @Test func firstIssueGathersNothingUnlessAsked() throws {
        let graph = Self.graph(Self.site)
        let page = try #require(graph.pages.first { $0.urlPath == "newsletter/issue-1/" })
        #expect(NewsletterGathering(graph: graph).window(for: page) == nil)
    }

    @Test func anExplicitWindowOverridesTheDefault() throws {
        var files = Self.site
        files["content/newsletter/issue-2.md"] = Self.issue(2, date: "2004-06-24", extra: "gather:\n  from: 2004-06-10\n  to: 2004-06-30\n")
        let graph = Self.graph(files)
        let gathering = NewsletterGathering(graph: graph)
        let page = try #require(graph.pages.first { $0.urlPath == "newsletter/issue-2/" })
        let items = gathering.items(in: try #require(gathering.window(for: page)))
        #expect(items.filter { $0.category == .reports }.map(\.text) == ["On this issue's day", "The day after this issue"])
        #expect(items.filter { $0.category == .indicators }.isEmpty, "the later report (1 June) is before the window")
    }

    @Test func statusChangeOnlyWhenTheLaterReportIsInTheWindow() throws {
        let graph = Self.graph(Self.site)
        let gathering = NewsletterGathering(graph: graph)
        let changes = gathering.statusChanges(in: .init(from: Day(iso: "2004-06-01"), to: Day(iso: "2004-06-30")!))
        #expect(changes.isEmpty, "1 June is the previous issue's day, so not in the window")
        let included = gathering.statusChanges(in: .init(from: Day(iso: "2004-05-31"), to: Day(iso: "2004-06-01")!))
        #expect(included.map(\.text) == ["Minor fault: Target just missed → Target met"])
    }
}
