import Foundation
import Testing
@testable import DossierCore

/// docs/content.md against the binary: every example document in it builds as one site, and its
/// error examples are exactly what Dossier prints for the mistakes the text describes.
@Suite struct DocsExamplesTests {
    struct Block {
        let language: String
        let text: String
        /// The docs line of the opening fence.
        let line: Int
    }

    /// The fenced blocks of a Markdown file, outer fences only (a ```` fence may hold ``` blocks).
    static func blocks(_ path: String) throws -> [Block] {
        let lines = try String(contentsOf: repositoryRoot.appending(path: path), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [Block] = []
        var open: (fence: String, language: String, line: Int, body: [String])?
        for (index, line) in lines.enumerated() {
            if var current = open {
                if line == current.fence {
                    blocks.append(Block(language: current.language, text: current.body.map { $0 + "\n" }.joined(), line: current.line))
                    open = nil
                } else {
                    current.body.append(line)
                    open = current
                }
            } else if line.hasPrefix("```") {
                let fence = String(line.prefix { $0 == "`" })
                open = (fence, String(line.dropFirst(fence.count)), index + 1, [])
            }
        }
        return blocks
    }

    static let docs = "docs/content.md"

    /// Where each kind's example goes: the paths the docs' own error examples name.
    static let paths: [String: String] = [
        "quarterly": "content/performance/2006-07-q3.md", "scorecard": "content/performance/2007-08-scorecard.md",
        "review": "content/reviews/ict-best-value-review.md", "highlight": "content/reviews/highlight-2004-05.md",
        "plan": "content/plans/ict-improvement-plan-2005.md", "committee": "content/committee/2005-09-12-plan-progress.md",
        "newsletter": "content/newsletter/issue-03.md",
    ]

    /// The docs' examples as one site: typed documents at their paths, plain pages and body-only
    /// examples as pages of their own, the registry, and site.yaml (with the page it links to).
    static func exampleSite() throws -> [String: String] {
        var files: [String: String] = ["content/about.md": "---\ntitle: About\n---\nText.\n"]
        for (index, block) in try blocks(docs).enumerated() {
            let text = block.text
            switch block.language {
            case "markdown", "yaml" where text.hasPrefix("---\n"):
                if text.hasPrefix("---\n") {
                    let kind = text.split(separator: "\n").first { $0.hasPrefix("kind: ") }.map { String($0.dropFirst(6)) }
                    files[kind.flatMap { paths[$0] } ?? "content/pages/example-\(index).md"] = text
                } else {
                    files["content/pages/body-\(index).md"] = "---\ntitle: Example \(index)\n---\n" + text
                }
            case "yaml" where text.hasPrefix("indicators:"):
                files["content/indicators.yaml"] = text
            case "yaml" where text.hasPrefix("title:"):
                files["content/site.yaml"] = text
            default:
                continue
            }
        }
        return files
    }

    static func diagnostics(_ files: [String: String], today: Day = Fixture.today, future: Bool = false) -> [String] {
        var options = Fixture(files).options()
        options.today = today
        options.includeFuture = future
        do {
            return try Pipeline(options: options).run(.check).diagnostics.map(\.description)
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func everyExampleDocumentBuildsWithNothingToSay() throws {
        let site = try Self.exampleSite()
        // Each kind's example, the registry, site.yaml, plain pages and the chart and table examples.
        #expect(Set(Self.paths.values).isSubset(of: site.keys))
        #expect(site["content/indicators.yaml"] != nil && site["content/site.yaml"] != nil)
        #expect(site.keys.filter { $0.hasPrefix("content/pages/body-") }.count >= 2)
        #expect(Self.diagnostics(site) == [])
    }

    /// The site.yaml fragments (`tolerance: 1`) read as a whole site.yaml.
    @Test func everySiteYAMLFragmentIsValid() throws {
        for block in try Self.blocks(Self.docs) where block.language == "yaml" && !block.text.hasPrefix("---")
            && !block.text.hasPrefix("indicators:") && !block.text.hasPrefix("- ") {
            let site = ["content/site.yaml": block.text, "content/about.md": "---\ntitle: About\n---\n",
                        "content/performance/_index.md": "---\ntitle: Performance\n---\n"]
            #expect(Self.diagnostics(site) == [],
                    "docs line \(block.line)")
        }
    }

    /// The error block's text, without the CLI's closing count line.
    static func errorBlock(containing needle: String) throws -> [String] {
        let block = try #require(try blocks(docs).first { $0.language.isEmpty && $0.text.contains(needle) })
        var entries: [String] = []
        for line in block.text.split(separator: "\n").map(String.init) where !line.hasPrefix("dossier: ") {
            if line.hasPrefix("  hint: "), let last = entries.popLast() { entries.append(last + "\n" + line) } else { entries.append(line) }
        }
        return entries
    }

    /// Replaces `old` by `new` on one line (1-based) of a file of the site.
    static func mistake(_ site: inout [String: String], _ path: String, line: Int, _ old: String, _ new: String) {
        var lines = site[path]!.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[line - 1].contains(old), "\(path):\(line) has no '\(old)': \(lines[line - 1])")
        lines[line - 1] = lines[line - 1].replacingOccurrences(of: old, with: new)
        site[path] = lines.joined(separator: "\n")
    }

    @Test func theErrorsInDocumentsExampleIsWhatDossierPrints() throws {
        var site = try Self.exampleSite()
        Self.mistake(&site, Self.paths["committee"]!, line: 10, "2005-09-12", "2005-09-31")
        Self.mistake(&site, Self.paths["quarterly"]!, line: 8, "quarter: 3", "quarter: 5")
        Self.mistake(&site, Self.paths["quarterly"]!, line: 23, "actual: 92", "actual: 192")
        Self.mistake(&site, Self.paths["quarterly"]!, line: 26, "fault-minor", "fault-minro")
        Self.mistake(&site, Self.paths["scorecard"]!, line: 33, "status: overdue", "status: done")
        Self.mistake(&site, Self.paths["plan"]!, line: 24, "\"1.2\"", "\"1.1\"")
        Self.mistake(&site, Self.paths["plan"]!, line: 37, "number: 2", "number: 1")
        Self.mistake(&site, Self.paths["highlight"]!, line: 7, "ict-best-value-review", "ict-best-value-reveiw")
        let expected = try Self.errorBlock(containing: "is not 1, 2, 3 or 4")
        #expect(Self.diagnostics(site).filter { $0.contains(": error: ") } == expected)
    }

    @Test func theEveryBadValueExampleIsWhatDossierPrints() throws {
        var site = try Self.exampleSite()
        let path = Self.paths["quarterly"]!
        Self.mistake(&site, path, line: 8, "quarter: 3", "quarter: Q3")
        Self.mistake(&site, path, line: 23, "actual: 92", "actual: 92%")
        Self.mistake(&site, path, line: 24, "volume: 1684", "volume: 1,684")
        let expected = try Self.errorBlock(containing: "found 'Q3'")
        #expect(Self.diagnostics(site).filter { $0.contains(": error: ") } == expected)
    }

    @Test func theOverdueActionsWarningsAreWhatDossierPrints() throws {
        var site = try Self.exampleSite()
        let path = Self.paths["scorecard"]!
        Self.mistake(&site, path, line: 33, "status: overdue", "status: in-hand")
        Self.mistake(&site, path, line: 40, "status: not-started", "status: overdue")
        #expect(Self.diagnostics(site) == (try Self.errorBlock(containing: "warning: milestones.overdue")))
    }

    @Test func theUnknownKeyExampleIsWhatDossierPrints() throws {
        var site = try Self.exampleSite()
        let page = try #require(site.first { $0.value.hasPrefix("---\ntitle: \"Quarterly performance report") && !$0.value.contains("kind:") })
        site = ["content/performance/2006-07-q3.md": page.value.replacingOccurrences(of: "\ntitle:", with: "\ntittle:")]
        let expected = try Self.errorBlock(containing: "unknown key 'tittle'")
        #expect(Array(Self.diagnostics(site).filter { $0.contains("'tittle'") }) == expected)
    }

    @Test func theLeftOutPageNoteIsWhatDossierPrints() throws {
        let site = ["content/committee/2012-02-06-scrutiny-update.md": "---\ntitle: Scrutiny update\ndate: 2012-02-06\n---\nText.\n"]
        #expect(Self.diagnostics(site, today: Day(iso: "2007-02-15")!) == (try Self.errorBlock(containing: ": note: not published")))
    }

    @Test func theNewCommandErrorsAreWhatDossierPrints() throws {
        let block = try #require(try Self.blocks(Self.docs).first { $0.text.contains("$ dossier new minutes") })
        let printed = block.text.split(separator: "\n").filter { $0.hasPrefix("dossier: error: ") }.map { String($0.dropFirst("dossier: error: ".count)) }
        let root = TemporaryFolder.make()
        try Skeleton.write(kind: "quarterly", path: "performance/2006-07-q3", root: root.path, today: Fixture.today)
        var messages: [String] = []
        for (kind, path) in [("quarterly", "performance/2006-07-q3"), ("minutes", "committee/2007-02-minutes")] {
            do {
                try Skeleton.write(kind: kind, path: path, root: root.path, today: Fixture.today)
            } catch {
                // Written in the site's folder, as `dossier new` run there prints it.
                messages.append(error.message.replacingOccurrences(of: root.path + "/", with: ""))
            }
        }
        #expect(messages == printed)
    }

    /// README's error example: the example site with a bad date and a misspelt template variable.
    @Test func theReadmeErrorExampleIsWhatDossierPrints() throws {
        var site: [String: String] = [:]
        let content = repositoryRoot.appending(path: "content")
        for path in try FileManager.default.subpathsOfDirectory(atPath: content.path) {
            // Text files only (every file of the example site is text); folders give no contents.
            if let text = try? String(contentsOf: content.appending(path: path), encoding: .utf8) { site["content/" + path] = text }
        }
        Self.mistake(&site, "content/performance/2006-07-q3.md", line: 3, "2007-01-29", "2007-13-29")
        site["templates/page.mustache"] = try String(contentsOf: repositoryRoot.appending(path: "templates/page.mustache"), encoding: .utf8)
        Self.mistake(&site, "templates/page.mustache", line: 5, "page.title", "page.titel")
        let block = try #require(try Self.blocks("README.md").first { $0.text.contains("page.titel") })
        let printed = block.text.split(separator: "\n").map(String.init)
        let found = Self.diagnostics(site, future: true).joined(separator: "\n").split(separator: "\n").map(String.init)
        #expect(found.count == 4)
        for (line, expected) in zip(found, printed) {
            // The README shortens the list of names with "…".
            if expected.hasSuffix(" …") { #expect(line.hasPrefix(String(expected.dropLast(2)))) } else { #expect(line == expected) }
        }
    }
}
