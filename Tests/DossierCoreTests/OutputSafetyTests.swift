import Foundation
import Testing
@testable import DossierCore

@Suite struct OutputSafetyTests {
    @Test func slugsThatClimbOutAreErrors() {
        for slug in ["../../x", "a/b", ".hidden", "..", "x\\\\y"] {
            let site = Fixture(["content/a.md": Fixture.page("A", extra: "slug: \"\(slug)\"\n")])
            let errors = site.errors()
            #expect(errors.count == 1, "slug \(slug)")
            #expect(errors.first?.hasPrefix("content/a.md:3:7: error: slug '") == true, "slug \(slug): \(errors)")
        }
    }

    @Test func outputPathsAreCheckedBeforeWriting() {
        #expect(OutputWriter.isSafe("reports/q3/index.html"))
        for path in ["", "/etc/passwd", "../x", "a/../../x", "a//b", "./a", "a\\b"] {
            #expect(!OutputWriter.isSafe(path), "\(path)")
        }
    }

    @Test func aFailedBuildLeavesThePreviousSiteExactlyAsItWas() throws {
        let output = TemporaryFolder.make().appending(path: "site")
        var fixture = Fixture(["content/a.md": Fixture.page("A"), "content/b.md": Fixture.page("B")])
        _ = try fixture.build(into: output)
        let before = Tree.snapshot(output)
        #expect(before["a/index.html"] != nil)

        fixture.files["content/b.md"] = "---\ntitle: B\ndate: not-a-date\n---\n"
        fixture.files["content/c.md"] = Fixture.page("C")
        #expect(throws: BuildFailure.self) { try fixture.build(into: output) }
        #expect(Tree.snapshot(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(leftovers.sorted() == [".site.lock", "site"], "no staging folder left behind, only the lock file")
    }

    /// By default the old site of a rebuild is renamed `.site.old-PID` and removed by a detached
    /// `rm` after the build returns; so is an old site whose removal was cut short. Neither is
    /// warned about, and the new site is whole when the build returns.
    @Test func aRebuildRemovesTheOldSiteAfterItReturns() async throws {
        let parent = TemporaryFolder.make()
        let output = parent.appending(path: "site")
        var fixture = Fixture(["content/a.md": Fixture.page("A"), "content/old.md": Fixture.page("Old")])
        var options = fixture.options(output: output.path)
        options.oldSiteRemoval = .inBackground
        _ = try Pipeline(options: options).run(.build)
        let cutShort = parent.appending(path: ".site.old-99999/deep/folder")
        try FileManager.default.createDirectory(at: cutShort, withIntermediateDirectories: true)
        try Data("left".utf8).write(to: cutShort.appending(path: "index.html"))

        fixture.files["content/old.md"] = nil
        fixture.files["content/new.md"] = Fixture.page("New")
        options = fixture.options(output: output.path)
        options.oldSiteRemoval = .inBackground
        let report = try Pipeline(options: options).run(.build)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let site = Tree.snapshot(output)
        #expect(site["new/index.html"] != nil && site["old/index.html"] == nil && site["a/index.html"] != nil)
        var beside: [String] = []
        for _ in 0..<3_000 {
            beside = try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted()
            if beside == [".site.lock", "site"] { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(beside == [".site.lock", "site"], "the old sites are removed")
    }

    @Test func aGoodBuildReplacesTheWholeSite() throws {
        let output = TemporaryFolder.make().appending(path: "site")
        var fixture = Fixture(["content/a.md": Fixture.page("A"), "content/old.md": Fixture.page("Old")])
        _ = try fixture.build(into: output)
        fixture.files["content/old.md"] = nil
        _ = try fixture.build(into: output)
        let files = Tree.snapshot(output)
        #expect(files["old/index.html"] == nil)
        #expect(files["a/index.html"] != nil)
    }

    @Test func refusesToReplaceAFolderDossierDidNotWrite() throws {
        let output = TemporaryFolder.make().appending(path: "documents")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: output.appending(path: "minutes.docx"))
        let fixture = Fixture(["content/a.md": Fixture.page("A")])
        #expect(throws: BuildFailure.self) { try fixture.build(into: output) }
        #expect(Tree.snapshot(output) == ["minutes.docx": Data("precious".utf8)])
    }

    @Test func refusesToWriteIntoTheSourcesOrTheRoot() throws {
        let root = TemporaryFolder.make()
        try FileManager.default.createDirectory(at: root.appending(path: "content"), withIntermediateDirectories: true)
        try Data(Fixture.page("A").utf8).write(to: root.appending(path: "content/a.md"))
        for output in [root, root.appending(path: "content"), root.appending(path: "content/out"), root.deletingLastPathComponent()] {
            let options = BuildOptions(root: root.path, output: output.path, today: Fixture.today)
            #expect(throws: BuildFailure.self, "\(output.path)") { try Pipeline(options: options).run(.build) }
        }
        #expect(Tree.snapshot(root).keys.sorted() == ["content/a.md"])
    }

    @Test func sameInputSameBytes() throws {
        let fixture = Fixture([
            "content/site.yaml": "title: T\nnavigation:\n  - title: Reports\n    link: reports/\n",
            "content/reports/a.md": Fixture.page("A", "## One\n", extra: "date: 2006-01-01\ntags: [x, y, z]\n"),
            "content/reports/b.md": Fixture.page("B", extra: "date: 2006-01-01\ntags: [z, y]\n"),
            "content/c.md": Fixture.page("C", extra: "tags: [y]\n"),
        ])
        let first = Tree.snapshot(try fixture.build())
        let second = Tree.snapshot(try fixture.build())
        #expect(first == second)
        #expect(first.count > 8)
    }
}
