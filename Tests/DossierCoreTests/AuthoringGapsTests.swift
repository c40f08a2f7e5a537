import Foundation
import Testing
@testable import DossierCore

/// What a new author hit typing real reports into a fresh site: pages left out without a word,
/// wrong columns, follow-on errors, required keys the sources lack, and the model's dates.
@Suite struct AuthoringGapsTests {
    /// The text files `check` renders, by output path.
    static func rendered(_ fixture: Fixture) throws -> [String: String] {
        let report = try Pipeline(options: fixture.options()).run(.check)
        var files: [String: String] = [:]
        for file in report.files {
            if case let .text(text) = file.contents { files[file.path] = text }
        }
        return files
    }

    static let review = "---\ntitle: ICT review\nkind: review\nservice: ICT Services\n---\n"

    // MARK: Pages left out for their date

    @Test func aPageDatedAfterTheBuildDateIsReportedAsANote() throws {
        let fixture = Fixture([
            "content/a.md": Fixture.page("Now", extra: "date: 2026-11-01\n"),
            "content/committee/2030-update.md": Fixture.page("Later", extra: "date: 2030-02-06\n"),
        ])
        let report = try Pipeline(options: fixture.options()).run(.check)
        #expect(report.pageCount == 1)
        #expect(report.diagnostics.map(\.description) == [
            "content/committee/2030-update.md:3:7: note: not published: dated 6 February 2030, after the build date 21 November 2026\n  hint: build with --future to publish pages dated ahead, or with --today 2030-02-06 or later",
        ])
        // The preview says the same.
        let session = SiteSession(options: fixture.options())
        #expect(session.build().diagnostics.map(\.description) == report.diagnostics.map(\.description))
        // --future publishes it, and there is nothing to say.
        var future = fixture.options()
        future.includeFuture = true
        #expect(try Pipeline(options: future).run(.check).diagnostics.isEmpty)
    }

    @Test func newDatesItsSkeletonFromTheDayItIsGiven() throws {
        let root = TemporaryFolder.make()
        let written = try Skeleton.writeDocument(kind: "page", path: "about", root: root.path, today: Day(iso: "2007-02-15")!)
        #expect(Tree.text(root, "content/about.md").contains("date: 2007-02-15 "))
        #expect(written.alsoWritten.isEmpty)
    }

    // MARK: Templates

    @Test func anUndatedDocumentShowsItsTags() throws {
        let files = try Self.rendered(Fixture([
            "content/reviews/ict-review.md": "---\ntitle: ICT review\ntags: [best-value]\nkind: review\nservice: ICT Services\n---\n",
        ]))
        #expect(files["reviews/ict-review/index.html"]?.contains("href=\"/tags/best-value/\"") == true)
    }

    // MARK: Newsletters are not reports

    @Test func newsletterIssuesAreNotListedAsReports() throws {
        let files = try Self.rendered(Fixture([
            "content/performance/q3.md": Fixture.page("Quarter 3 report", extra: "date: 2007-01-29\n"),
            "content/newsletter/issue-01.md": "---\ntitle: Staff news issue 1\ndate: 2007-02-01\nkind: newsletter\nissue: 1\n---\nBody.\n",
        ]))
        let home = try #require(files["index.html"])
        #expect(home.contains("Quarter 3 report"))
        #expect(!home.contains("Staff news issue 1"))
        #expect(files["archive/index.html"]?.contains("Staff news issue 1") == false)
        #expect(files["feed.xml"]?.contains("Staff news issue 1") == false)
        // The newsletter's own section still lists it.
        #expect(files["newsletter/index.html"]?.contains("Staff news issue 1") == true)
    }

    // MARK: Columns in front-matter Markdown

    @Test func errorsInAnArticleBodyPointAtTheirColumn() {
        let issue = """
            ---
            title: Issue 1
            date: 2007-02-01
            kind: newsletter
            issue: 1
            intro: See [the plan](missing.md).
            articles:
              - title: News
                body: |
                  Read [the report](gone.md).

                  ```chart
                  type: donut
                  title: Done
                  data: {done: 3, left: 1}
                  colour: red
                  ```
            ---
            Body.

            """
        #expect(Fixture(["content/newsletter/issue-01.md": issue]).errors() == [
            "content/newsletter/issue-01.md:6:12: error: link to 'missing.md', but content/newsletter/missing.md does not exist",
            "content/newsletter/issue-01.md:10:12: error: link to 'gone.md', but content/newsletter/gone.md does not exist",
            "content/newsletter/issue-01.md:16:7: error: unknown key 'colour' in chart block\n  hint: expected one of: type, title, options, data",
        ])
    }

    // MARK: One mistake, one error

    @Test func aPageWithAnErrorIsNotAlsoABrokenNavigationLink() {
        let errors = Fixture([
            "content/site.yaml": "title: Site\nnavigation:\n  - title: About\n    link: about.md\n",
            "content/about.md": "---\nsummary: About us\n---\nText.\n",
        ]).errors()
        #expect(errors == [
            "content/about.md:2:1: error: missing required key 'title' in front matter\n  hint: add `title: …`",
        ])
    }

    // MARK: The command line

    @Test func anUnknownNewsletterIssueIsAnErrorOfTheCommand() {
        let fixture = Fixture(["content/newsletter/issue-01.md": "---\ntitle: Issue 1\ndate: 2007-02-01\nkind: newsletter\nissue: 1\n---\nBody.\n"])
        do {
            _ = try Pipeline(options: fixture.options()).writeNewsletter(7, to: TemporaryFolder.make().appending(path: "out").path)
            Issue.record("issue 7 was written")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["dossier: error: there is no newsletter issue 7\n  hint: issues: 1"])
        }
    }

    // MARK: Committee reports

    @Test func aCommitteeReportNeedsOnlyItsTitle() throws {
        let fixture = Fixture([
            "content/committee/2004-01-update.md": "---\ntitle: Improvement plan update\ndate: 2004-01-12\nkind: committee\nrecommendations:\n  - Approve the plan\n---\nBody.\n",
        ])
        #expect(fixture.diagnostics().isEmpty)
        let page = try #require(try Self.rendered(fixture)["committee/2004-01-update/index.html"])
        #expect(page.contains("Approve the plan"))
        #expect(!page.contains("Report of") && !page.contains("Report to") && !page.contains("Meeting") && !page.contains("Subject"))
    }

    // MARK: Actions

    @Test func scorecardActionsMayLeaveOutTheirStatus() throws {
        let card = """
            ---
            title: Scorecard
            date: 2007-01-29
            kind: scorecard
            actions:
              - id: A1
                title: Create the staff training plan
                due: 2007-03
              - id: A2
                title: Resolve training accommodation needs
                due: 2006-12
            ---

            """
        let fixture = Fixture(["content/scorecard.md": card])
        #expect(fixture.diagnostics().isEmpty)
        let page = try #require(try Self.rendered(fixture)["scorecard/index.html"])
        // A1 is not yet due as at the document's date: in hand, not "Not started"; A2 is past due.
        #expect(page.contains("id=\"actions-in-hand\""))
        #expect(page.contains("id=\"actions-overdue\""))
        #expect(!page.contains("Not started"))
        // No action has a theme: no chart of one bar called "Other".
        #expect(!page.contains("Main actions by theme and status"))
    }

    /// The example site's complaint: a 2002 plan's actions due in 2003 sat "Not started" in the tracker.
    @Test func theTrackerJudgesActionsAtTheBuildDate() throws {
        let plan = """
            ---
            title: Improvement plan
            date: 2002-11-30
            kind: plan
            objectives:
              - number: 1
                title: Intranet
                actions:
                  - id: "1.1"
                    text: List the sites with no access
                    due: 2003-03
                    status: not-started
                  - id: "1.2"
                    text: Publish the trading agreement
                    due: 2003-01
                    status: complete
            ---

            """
        let files = try Self.rendered(Fixture(["content/plans/plan.md": plan]))
        let tracker = try #require(files["actions/index.html"])
        #expect(tracker.contains("<span class=\"status status-overdue\">Overdue</span> (1)"))
        #expect(tracker.contains("No update since <time datetime=\"2002-11-30\">30 November 2002</time>"))
        #expect(!tracker.contains("Not started"))
        // The plan's own page reports as at its date.
        #expect(files["plans/plan/index.html"]?.contains("Not started") == true)
        // The dashboard counts it.
        #expect(files["index.html"]?.contains("No update since") == true)
    }

    @Test func reviewStagesPastTheirEndAreLateAndCounted() throws {
        let review = """
            ---
            title: ICT review
            kind: review
            service: ICT Services
            stages:
              - name: Preparatory work
                start: 2004-07
                end: 2004-07
                status: in-hand
              - name: Review work
                start: 2004-08
                end: 2005-03
                status: complete
              - name: Improvement plan
                start: 2030-01
                end: 2030-06
            ---

            """
        let page = try #require(try Self.rendered(Fixture(["content/reviews/ict-review.md": review]))["reviews/ict-review/index.html"])
        #expect(page.contains("Stages late as at <time datetime=\"2026-11-21\">21 November 2026</time>: 1"))
        #expect(page.contains("July 2004 · <span class=\"status status-in-hand\">In hand</span> · Late"))
        #expect(!page.contains("July 2004 to July 2004"))
        #expect(page.contains("August 2004 to March 2005"))
    }

    // MARK: Plans

    static func planWithMeasure(_ measure: String) -> String {
        """
        ---
        title: Plan
        kind: plan
        objectives:
          - number: 1
            title: Show ICT's value
            actions:
              - id: "6.1"
                text: Collect the indicators
                group: Short term
              - id: "6.10"
                text: Repeat the survey
                group: Medium term
            measures:
              - description: Managers who think ICT is not valued
                unit: percent
        \(measure)
        ---

        """
    }

    @Test func aMeasureThatFallsIsAnImprovement() throws {
        let plan = Self.planWithMeasure("""
                    direction: lower
                    baseline: {value: 35, date: 2002-07}
                    latest: {value: 30, date: 2003-03}
                    target: {value: 25, date: 2003-09}
            """)
        let fixture = Fixture(["content/plan.md": plan])
        #expect(fixture.diagnostics().isEmpty)
        let page = try #require(try Self.rendered(fixture)["plan/index.html"])
        #expect(page.contains("Managers who think ICT is not valued (Lower is better)"))
        #expect(page.contains("<td data-label=\"Progress\">Improved: 50% of the way from the baseline to the target</td>"))
        #expect(page.contains("Short term · ") && page.contains("Medium term · "))
        #expect(page.contains("6.10"))
    }

    @Test func aDirectionTheTargetContradictsIsAnError() {
        let plan = Self.planWithMeasure("""
                    direction: higher
                    baseline: {value: 35}
                    target: {value: 25}
            """)
        #expect(Fixture(["content/plan.md": plan]).errors() == [
            "content/plan.md:17:20: error: measure 'Managers who think ICT is not valued': direction is 'higher' but the target 25 is below the baseline 35\n  hint: direction says which way is better: 'lower' when the target is a fall, as 35% → 25% of complaints",
        ])
    }

    // MARK: Starting from nothing

    static func checkDiagnostics(root: String, today: Day) -> [String] {
        do {
            return try Pipeline(options: BuildOptions(root: root, today: today)).run(.check).diagnostics.map(\.description)
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test(arguments: Skeleton.kinds)
    func everyKindChecksInAnEmptyRoot(kind: String) throws {
        let root = TemporaryFolder.make()
        let written = try Skeleton.writeDocument(kind: kind, path: kind == "indicators" ? nil : "documents/example", root: root.path,
                                                 today: Fixture.today)
        #expect(Self.checkDiagnostics(root: root.path, today: Fixture.today) == [])
        let expected: [String: [String]] = ["quarterly": ["content/indicators.yaml"], "highlight": ["content/reviews/ict-best-value-review.md"],
                                            "plan": ["content/reviews/ict-best-value-review.md"], "committee": ["content/reviews/ict-best-value-review.md"]]
        #expect(written.alsoWritten == (expected[kind] ?? []).map { root.path + "/" + $0 })
    }

    @Test func initStartsASiteThatChecksCleanly() throws {
        let root = TemporaryFolder.make().appending(path: "intranet").path
        let written = try SiteStarter.create(root: root, today: Fixture.today)
        #expect(written.first == root + "/content/site.yaml")
        #expect(written.contains(root + "/content/_index.md") && written.contains(root + "/content/indicators.yaml"))
        for kind in ["quarterly", "scorecard", "review", "highlight", "plan", "committee", "newsletter"] {
            let documents = written.filter { path in (try? String(contentsOfFile: path, encoding: .utf8))?.contains("\nkind: \(kind) ") == true }
            #expect(documents.count == 1, "\(kind)")
        }
        #expect(Self.checkDiagnostics(root: root, today: Fixture.today) == [])
        // Every key of site.yaml carries a comment.
        let config = try String(contentsOfFile: root + "/content/site.yaml", encoding: .utf8)
        for key in SiteConfig.CodingKeys.allCases.map(\.rawValue) {
            #expect(config.split(separator: "\n").contains { $0.hasPrefix("\(key):") && $0.contains(" # ") }, "\(key)")
        }
        #expect(throws: SkeletonError.self) { try SiteStarter.create(root: root, today: Fixture.today) }
    }

    @Test func aSectionWhosePagesAllHaveErrorsIsNotAlsoABrokenNavigationLink() {
        let errors = Fixture([
            "content/site.yaml": "title: Site\nnavigation:\n  - title: Performance\n    link: performance/\n",
            "content/performance/q3.md": "---\ntitle: Q3\ndate: 2007-13-01\n---\nText.\n",
        ]).errors()
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("content/performance/q3.md:3:7: error: 'date': '2007-13-01' is not a date") == true)
    }

    // MARK: What the docs say

    @Test func idsWrittenPlainAreKeptAsWritten() throws {
        let plan = "---\ntitle: Plan\nkind: plan\nobjectives:\n  - number: 6\n    title: Value\n    actions:\n      - id: 6.10\n        text: Repeat the survey\n      - id: 6.1\n        text: Collect the indicators\n---\n"
        let fixture = Fixture(["content/plan.md": plan])
        #expect(fixture.diagnostics().isEmpty)
        let page = try #require(try Self.rendered(fixture)["plan/index.html"])
        #expect(page.contains(">6.10</span>") && page.contains(">6.1</span>"))
    }

    @Test func aPercentToleranceIsInPercentagePoints() throws {
        let registry = "indicators:\n  - id: fault-minor\n    name: Minor fault\n    unit: percent\n    direction: higher\n    target: 95\n"
        let page = try #require(try Self.rendered(Fixture(["content/indicators.yaml": registry]))["indicators/fault-minor/index.html"])
        #expect(page.contains("within 2 percentage points of the target"))
    }

    @Test func theEmailSubjectSaysTheIssueNumberOnce() throws {
        let site = "title: Site\nbase_url: https://intranet.example/\nnewsletter:\n  from: ict-news@council.example\n  to: ict-staff@council.example\n"
        let issue = { (title: String) in "---\ntitle: \"\(title)\"\ndate: 2007-02-01\nkind: newsletter\nissue: 2\n---\nBody.\n" }
        let said = try Self.rendered(Fixture(["content/site.yaml": site, "content/newsletter/issue-02.md": issue("Staff news issue 2: the third quarter")]))
        #expect(said["newsletter/issue-02/issue.eml"]?.contains("Subject: Staff news issue 2: the third quarter\r\n") == true)
        let unsaid = try Self.rendered(Fixture(["content/site.yaml": site, "content/newsletter/issue-02.md": issue("The third quarter")]))
        #expect(unsaid["newsletter/issue-02/issue.eml"]?.contains("Subject: The third quarter (issue 2)\r\n") == true)
    }
}
