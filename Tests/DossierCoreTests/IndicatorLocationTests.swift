import Foundation
import Testing
@testable import DossierCore

/// Errors about an indicator's own page are reported at its `id:` in content/indicators.yaml.
@Suite struct IndicatorLocationTests {
    static func registry(_ ids: [String]) -> String {
        "indicators:\n" + ids.map { "  - id: \($0)\n    name: Calls\n    unit: count\n    direction: higher\n    target: 90\n" }.joined()
    }

    @Test func aWindowsNameIsReportedAtTheIndicatorsID() {
        let files = ["content/indicators.yaml": Self.registry(["calls", "con"]), "content/a.md": Fixture.page("A")]
        #expect(Fixture(files).diagnostics().map(\.description) == [
            "content/indicators.yaml:7:9: warning: the page of indicator 'con' is written to 'indicators/con/index.html': "
                + "the name 'con' is reserved on Windows, so the site cannot be copied to a Windows share\n"
                + "  hint: use another slug or file name",
        ])
    }

    @Test func anIDTooLongForAFileNameIsReportedAtItsLineAndColumn() {
        let long = String(repeating: "x", count: 300)
        let short = String(repeating: "x", count: 40) + "…"
        let path = "indicators/" + String(repeating: "x", count: 29) + "…"
        let files = ["content/indicators.yaml": Self.registry(["calls", "faults", long]), "content/a.md": Fixture.page("A")]
        #expect(Fixture(files).errors() == [
            "content/indicators.yaml:12:9: error: the page of indicator '\(short)' is written to '\(path)': "
                + "the name '\(short)' is 300 bytes long, and file systems allow at most 255\n"
                + "  hint: use a shorter, plainer slug, tag or id",
        ])
    }

    @Test func theGraphKnowsWhereEachIndicatorIsDefined() throws {
        let log = DiagnosticLog()
        let fixture = Fixture(["content/indicators.yaml": Self.registry(["calls", "faults"]), "content/a.md": Fixture.page("A")])
        let content = ContentLoader(fileSystem: fixture.fileSystem, root: Fixture.root).load(into: log)
        let validated = Validator().validate(PageParser().parse(content, into: log), into: log)
        #expect(validated.indicatorLocations == [
            "calls": SourceLocation(file: "content/indicators.yaml", line: 2, column: 9),
            "faults": SourceLocation(file: "content/indicators.yaml", line: 7, column: 9),
        ])
    }

    @Test func thePreviewReportsTheLineAfterAnEdit() throws {
        let tree = try IncrementalBuildTests.Tree()
        let registry = try tree.read("content/indicators.yaml")
        #expect(registry.hasSuffix("\n") && registry.split(separator: "\n", omittingEmptySubsequences: false).count == 83)
        try tree.write("content/indicators.yaml", registry + "  - id: con\n    name: Contact\n    unit: count\n    direction: higher\n    target: 1\n")
        let session = SiteSession(options: tree.options)
        let located = { (outcome: SiteSession.Outcome) in
            outcome.diagnostics.map(\.description).filter { $0.hasPrefix("content/indicators.yaml") }.map { $0.prefix { $0 != " " } }
        }
        #expect(located(session.build()) == ["content/indicators.yaml:83:9:"])
        // A line added above moves it down, in the preview as in a full build.
        try tree.write("content/indicators.yaml", "# One more comment.\n" + tree.read("content/indicators.yaml"))
        session.update(["content/indicators.yaml"])
        #expect(located(session.build()) == ["content/indicators.yaml:84:9:"])
        #expect(IncrementalBuildTests.fullBuild(tree).diagnostics.filter { $0.hasPrefix("content/indicators.yaml:84:9: warning: the page of indicator 'con'") }.count == 1)
    }
}
