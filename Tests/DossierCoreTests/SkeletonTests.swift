import Foundation
import Testing
@testable import DossierCore

/// `dossier new`: every skeleton builds cleanly beside the registry and a review, carries every key
/// of its kind with a required/optional comment, and writing refuses anything unsafe.
@Suite struct SkeletonTests {
    static let documentKinds = Skeleton.kinds.filter { $0 != "indicators" }

    /// Every key of each kind (nested keys included), from the schema.
    static let keys: [String: [String]] = [
        "page": ["title", "date", "summary", "tags"],
        "quarterly": ["title", "date", "summary", "tags", "kind", "financial_year", "quarter", "illustrative", "headlines",
                      "results", "indicator", "actual", "volume", "volume_unit", "comment", "target",
                      "scorecard", "milestones", "total", "completed", "outstanding", "overdue",
                      "actions", "id", "theme", "lead", "due", "status", "progress"],
        "scorecard": ["title", "date", "summary", "tags", "kind", "period", "milestones", "total", "completed", "outstanding",
                      "overdue", "actions", "id", "theme", "lead", "due", "status", "progress"],
        "review": ["title", "date", "summary", "tags", "kind", "service", "lead", "stages", "name", "number", "start", "end",
                   "status", "activities"],
        "highlight": ["title", "date", "summary", "tags", "kind", "review", "period", "cumulative_achievements",
                      "achievements_since_last", "next_actions", "early_wins", "text", "status"],
        "plan": ["title", "date", "summary", "tags", "kind", "review", "objectives", "number", "outcomes", "lead", "timescale",
                 "costs", "savings", "progress", "actions", "id", "text", "points", "due", "owner", "status", "group", "measures",
                 "description", "unit", "direction", "baseline", "target", "latest", "target_text"],
        "committee": ["title", "date", "summary", "tags", "kind", "review", "report_of", "report_to", "meeting", "subject",
                      "declarations", "wards_affected", "equality_implications", "eligible_for_call_in", "confidential",
                      "recommendations", "background_documents", "appendices", "link"],
        "newsletter": ["title", "date", "summary", "tags", "kind", "issue", "editor", "intro", "articles", "body", "gather"],
        "indicators": ["indicators", "id", "name", "group", "description", "unit", "direction", "standard", "target",
                       "tolerance", "targets"],
    ]

    static func text(_ kind: String, today: Day = Fixture.today) -> String {
        Skeleton.text(kind: kind, title: "Example \(kind)", today: today)!
    }

    /// The registry and a review where the other skeletons' defaults expect them, and `kind`'s
    /// skeleton one folder down (where the committee appendix's default link resolves).
    static func site(with kinds: [String]) -> Fixture {
        var files = [
            "content/indicators.yaml": text("indicators"),
            "content/reviews/\(Skeleton.defaultReview).md": text("review"),
        ]
        for kind in kinds where kind != "indicators" && kind != "review" {
            files["content/\(kind)s/example.md"] = text(kind)
        }
        return Fixture(files)
    }

    @Test(arguments: documentKinds)
    func eachSkeletonBuildsWithNoErrors(kind: String) {
        let errors = Self.site(with: [kind]).errors()
        #expect(errors.isEmpty, "\(kind): \(errors.joined(separator: "\n"))")
    }

    @Test func allSkeletonsTogetherBuildWithNoErrorsOrWarnings() {
        let diagnostics = Self.site(with: Self.documentKinds).diagnostics()
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    }

    /// Nothing is overdue, whatever the day: placeholder dates follow today.
    @Test(arguments: ["2007-01-29", "2026-03-31", "2026-04-01", "2026-12-31", "2028-02-29"])
    func skeletonsWrittenOnAnyDayHaveNoErrorsOrWarnings(day: String) {
        let today = Day(iso: day)!
        var files = [
            "content/indicators.yaml": Self.text("indicators", today: today),
            "content/reviews/\(Skeleton.defaultReview).md": Self.text("review", today: today),
        ]
        for kind in Self.documentKinds where kind != "review" { files["content/\(kind)s/example.md"] = Self.text(kind, today: today) }
        let options = BuildOptions(root: Fixture.root, today: today, fileSystem: Fixture(files).fileSystem)
        let diagnostics: [Diagnostic]
        do {
            diagnostics = try Pipeline(options: options).run(.check).diagnostics
        } catch {
            diagnostics = error.diagnostics
        }
        #expect(diagnostics.isEmpty, "\(day): \(diagnostics.map(\.description).joined(separator: "\n"))")
    }

    @Test(arguments: Skeleton.kinds)
    func everyKeyIsPresentAndCommented(kind: String) {
        let text = Self.text(kind)
        let yaml = kind == "indicators" ? text : text.components(separatedBy: "---\n")[1]
        var written: Set<String> = []
        for line in yaml.split(separator: "\n") {
            var content = line.drop { $0 == " " }
            if content.hasPrefix("#") { continue }
            if content.hasPrefix("- ") { content = content.dropFirst(2) }
            guard let colon = content.firstIndex(of: ":"), !content[..<colon].contains(" ") else { continue }
            let key = String(content[..<colon])
            written.insert(key)
            #expect(line.contains("  # required: ") || line.contains("  # optional: "), "\(kind): no comment on '\(line)'")
        }
        if kind == "plan" { #expect(text.contains("baseline: {value: ") && text.contains(", date: ")) }
        for key in Self.keys[kind]! {
            #expect(written.contains(key), "\(kind): no '\(key)'")
        }
    }

    @Test func theQuarterlyReportIsTheLastQuarterThatHasEnded() {
        let january = Self.text("quarterly", today: Day(iso: "2007-01-29")!)
        #expect(january.contains("financial_year: 2006/07 "))
        #expect(january.contains("quarter: 3 "))
        #expect(january.contains("October to December 2006"))
        let april = Self.text("quarterly", today: Day(iso: "2007-04-10")!)
        #expect(april.contains("financial_year: 2006/07 "))
        #expect(april.contains("quarter: 4 "))
        #expect(april.contains("January to March 2007"))
        let june = Self.text("quarterly", today: Day(iso: "2007-07-01")!)
        #expect(june.contains("financial_year: 2007/08 "))
        #expect(june.contains("quarter: 1 "))
    }

    @Test func titlesAreQuotedWhenTheyNeedIt() {
        let text = Skeleton.text(kind: "page", title: "Q3: \"faults\" # 2006/07", today: Fixture.today)!
        #expect(text.contains("title: \"Q3: \\\"faults\\\" # 2006/07\""))
        #expect(Fixture(["content/a.md": text]).errors().isEmpty)
        #expect(Skeleton.text(kind: "page", title: "About", today: Fixture.today)!.contains("title: About "))
    }

    @Test func unknownKindHasNoText() {
        #expect(Skeleton.text(kind: "minutes", title: "M", today: Fixture.today) == nil)
    }

    // MARK: - Writing files

    @Test func writesUnderContentCreatingFolders() throws {
        let root = TemporaryFolder.make()
        let written = try Skeleton.write(kind: "quarterly", path: "performance/2007-08-q1", root: root.path, today: Fixture.today)
        #expect(written == root.path + "/content/performance/2007-08-q1.md")
        let text = Tree.text(root, "content/performance/2007-08-q1.md")
        #expect(text.hasPrefix("---\n"))
        #expect(text.contains("title: 2007 08 q1 "))
        #expect(text.contains("kind: quarterly "))

        try Skeleton.write(kind: "page", path: "about.md", title: "About this intranet", root: root.path, today: Fixture.today)
        #expect(Tree.text(root, "content/about.md").contains("title: About this intranet "))

        // The quarterly report named an indicator the site had no registry for, so `new` wrote the registry too.
        #expect(Tree.text(root, "content/indicators.yaml").contains("- id: \(Skeleton.defaultIndicator) "))
        let again = TemporaryFolder.make()
        #expect(try Skeleton.write(kind: "indicators", path: "indicators", root: again.path, today: Fixture.today)
            == again.path + "/content/indicators.yaml")
    }

    @Test func refusesToOverwrite() throws {
        let root = TemporaryFolder.make()
        let path = try Skeleton.write(kind: "review", path: "reviews/bvr", root: root.path, today: Fixture.today)
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: SkeletonError.self) {
            try Skeleton.write(kind: "review", path: "reviews/bvr", root: root.path, today: Fixture.today)
        }
        #expect(throws: SkeletonError.self) {
            try Skeleton.write(kind: "page", path: "reviews/bvr", root: root.path, today: Fixture.today)
        }
        #expect(Tree.text(root, "content/reviews/bvr.md") == "mine\n")

        try Skeleton.write(kind: "indicators", path: nil, root: root.path, today: Fixture.today)
        do throws(SkeletonError) {
            try Skeleton.write(kind: "indicators", path: nil, root: root.path, today: Fixture.today)
            Issue.record("overwrote content/indicators.yaml")
        } catch {
            #expect(error.message.contains("already exists"))
        }
    }

    @Test(arguments: ["../x", "a/../../x", "..", "/etc/x", "/x", "a//b", "a/", "", ".hidden", "a/.b", "-x",
                      "a b", "a\\b", "a:b", "content/x", "a/*"])
    func refusesUnsafePaths(path: String) {
        let root = TemporaryFolder.make()
        #expect(throws: SkeletonError.self, "\(path)") {
            try Skeleton.write(kind: "page", path: path, root: root.path, today: Fixture.today)
        }
        #expect(Tree.snapshot(root).isEmpty, "\(path) wrote something")
    }

    @Test func refusesAPathForTheRegistry() {
        let root = TemporaryFolder.make()
        #expect(throws: SkeletonError.self) {
            try Skeleton.write(kind: "indicators", path: "performance/indicators", root: root.path, today: Fixture.today)
        }
        #expect(throws: SkeletonError.self) {
            try Skeleton.write(kind: "quarterly", path: nil, root: root.path, today: Fixture.today)
        }
        #expect(Tree.snapshot(root).isEmpty)
    }

    @Test func refusesAnUnknownKindListingTheKinds() {
        let root = TemporaryFolder.make()
        do throws(SkeletonError) {
            try Skeleton.write(kind: "quartely", path: "performance/q1", root: root.path, today: Fixture.today)
            Issue.record("wrote an unknown kind")
        } catch {
            #expect(error.message == "unknown kind 'quartely'; the kinds are: page, quarterly, scorecard, review, highlight, plan, committee, newsletter, indicators (did you mean 'quarterly'?)")
        }
        #expect(Tree.snapshot(root).isEmpty)
    }

    @Test func refusesARootThatIsNotAFolder() {
        let root = TemporaryFolder.make().appending(path: "missing")
        #expect(throws: SkeletonError.self) {
            try Skeleton.write(kind: "page", path: "a", root: root.path, today: Fixture.today)
        }
        #expect(!FileManager.default.fileExists(atPath: root.path))
    }

    /// Written to disk in any folder, the documents name the site's own review and registry and
    /// link to the review from wherever they are, so the site checks cleanly.
    @Test func writtenDocumentsFindTheSitesReviewAndIndicators() throws {
        let root = TemporaryFolder.make()
        try Skeleton.write(kind: "review", path: "reviews/bvr-2004", root: root.path, today: Fixture.today)
        let notes = Skeleton.notes(kind: "quarterly", root: root.path)
        #expect(notes.count == 1)
        try FileManager.default.createDirectory(at: root.appending(path: "content"), withIntermediateDirectories: true)
        try Data("indicators:\n  - id: calls-answered\n    name: Calls answered immediately\n    unit: percent\n    direction: higher\n    target: 75\n".utf8)
            .write(to: root.appending(path: "content/indicators.yaml"))
        #expect(Skeleton.notes(kind: "quarterly", root: root.path).isEmpty)
        #expect(Skeleton.notes(kind: "highlight", root: root.path).isEmpty)

        let paths = ["page": "about", "quarterly": "performance/2026-27-q2", "scorecard": "performance/scorecard",
                     "highlight": "reviews/highlight-2026-11", "plan": "plans/improvement-plan",
                     "committee": "committee/scrutiny/2026-11-21-update"]
        for (kind, path) in paths { try Skeleton.write(kind: kind, path: path, root: root.path, today: Fixture.today) }
        let committee = Tree.text(root, "content/committee/scrutiny/2026-11-21-update.md")
        #expect(committee.contains("review: bvr-2004 "))
        #expect(committee.contains("link: ../../reviews/bvr-2004.md "))
        #expect(Tree.text(root, "content/reviews/highlight-2026-11.md").contains("review: bvr-2004 "))
        #expect(Tree.text(root, "content/performance/2026-27-q2.md").contains("indicator: calls-answered "))

        let options = BuildOptions(root: root.path, today: Fixture.today)
        do {
            let report = try Pipeline(options: options).run(.check)
            #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.description).joined(separator: "\n"))")
        } catch {
            Issue.record("\(error.diagnostics.map(\.description).joined(separator: "\n"))")
        }
    }

    @Test func pathsAndLinks() {
        #expect(Skeleton.relativeLink(from: ["committee"], to: "reviews/bvr.md") == "../reviews/bvr.md")
        #expect(Skeleton.relativeLink(from: [], to: "reviews/bvr.md") == "reviews/bvr.md")
        #expect(Skeleton.relativeLink(from: ["reviews"], to: "reviews/bvr.md") == "bvr.md")
        #expect(Skeleton.relativeLink(from: ["a", "b"], to: "a/c/bvr.md") == "../c/bvr.md")
        #expect(Skeleton.humanise("ict-best-value-review") == "Ict best value review")
        #expect(Skeleton.scalar("1.1") == "\"1.1\"")
        #expect(Skeleton.scalar("In hand") == "In hand")
        #expect(Skeleton.scalar("yes") == "\"yes\"")
    }
}

@Suite struct NewsletterSkeletonTests {
    @Test func aNewIssueTakesTheNextNumber() throws {
        let root = TemporaryFolder.make()
        try FileManager.default.createDirectory(at: root.appending(path: "content/newsletter"), withIntermediateDirectories: true)
        try Data("---\ntitle: Third\ndate: 2007-02-05\nkind: newsletter\nissue: 3\n---\n".utf8)
            .write(to: root.appending(path: "content/newsletter/issue-03.md"))
        let written = try Skeleton.write(kind: "newsletter", path: "newsletter/issue-04", root: root.path, today: Day(iso: "2007-03-01")!)
        let text = try String(contentsOfFile: written, encoding: .utf8)
        #expect(text.contains("\nissue: 4 "))
        let options = BuildOptions(root: root.path, today: Day(iso: "2007-03-01")!)
        #expect(throws: Never.self) { try Pipeline(options: options).run(.check) }
    }
}
