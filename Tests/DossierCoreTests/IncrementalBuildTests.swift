import Foundation
import Testing
@testable import DossierCore

/// The preview's incremental rebuilds must always give what a full build of the same files gives.
@Suite struct IncrementalBuildTests {
    /// A copy of the example site in a temporary folder, with a few more plain pages so lists paginate.
    final class Tree {
        let root: URL
        init() throws {
            root = TemporaryFolder.make().appending(path: "site-root")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            for folder in ["content", "templates"] {
                try FileManager.default.copyItem(at: repositoryRoot.appending(path: folder), to: root.appending(path: folder))
            }
            try write("content/site.yaml", read("content/site.yaml") + "page_size: 3\nfeed_size: 4\n")
            for number in 1...8 {
                try write("content/notes/note-\(number).md",
                          "---\ntitle: Note \(number)\ndate: 2005-0\(number)-01\ntags: [notes]\n---\nSee [the plan](../plans/ict-improvement-plan-2002.md).\n\n## Part \(number)\n")
            }
        }

        func read(_ path: String) throws -> String { try String(contentsOf: root.appending(path: path), encoding: .utf8) }
        func write(_ path: String, _ text: String) throws {
            let url = root.appending(path: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        func remove(_ path: String) throws { try FileManager.default.removeItem(at: root.appending(path: path)) }
        func rename(_ from: String, _ to: String) throws { try FileManager.default.moveItem(at: root.appending(path: from), to: root.appending(path: to)) }
        func replace(_ path: String, _ old: String, _ new: String) throws {
            let text = try read(path)
            guard let range = text.range(of: old) else { return }
            try write(path, text.replacingCharacters(in: range, with: new))
        }
        var options: BuildOptions { BuildOptions(root: root.path, today: Fixture.today) }
    }

    /// A small deterministic generator, so a failing sequence can be replayed from its seed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 1 ^ state << 31
        }
    }

    typealias Edit = (name: String, apply: (Tree, inout Generator) throws -> Set<String>)

    nonisolated(unsafe) static let edits: [Edit] = [
        ("body of a note", { tree, random in
            let path = "content/notes/note-\(Int.random(in: 1...8, using: &random)).md"
            guard (try? tree.read(path)) != nil else { return [] }
            try tree.write(path, try tree.read(path) + "\nMore text \(random.next() % 1000).\n")
            return [path]
        }),
        ("title of a note", { tree, random in
            let number = Int.random(in: 1...8, using: &random)
            let path = "content/notes/note-\(number).md"
            try tree.replace(path, "title: Note \(number)", "title: Note \(number) renamed \(random.next() % 100)")
            return [path]
        }),
        ("date of a note", { tree, random in
            let path = "content/notes/note-\(Int.random(in: 1...8, using: &random)).md"
            guard let text = try? tree.read(path), let range = text.range(of: #"date: \d{4}-\d{2}-\d{2}"#, options: .regularExpression) else { return [] }
            try tree.write(path, text.replacingCharacters(in: range, with: "date: 200\(Int.random(in: 3...8, using: &random))-0\(Int.random(in: 1...9, using: &random))-15"))
            return [path]
        }),
        ("tags of a note", { tree, random in
            let path = "content/notes/note-\(Int.random(in: 1...8, using: &random)).md"
            try tree.replace(path, "tags: [notes]", "tags: [notes, extra-\(random.next() % 3)]")
            return [path]
        }),
        ("draft", { tree, random in
            let path = "content/notes/note-\(Int.random(in: 1...8, using: &random)).md"
            guard let text = try? tree.read(path) else { return [] }
            try tree.write(path, text.contains("draft: true") ? text.replacingOccurrences(of: "draft: true\n", with: "")
                                                             : text.replacingOccurrences(of: "---\ntitle:", with: "---\ndraft: true\ntitle:"))
            return [path]
        }),
        ("an indicator's result", { tree, random in
            let path = "content/performance/2006-07-q3.md"
            guard let text = try? tree.read(path), let range = text.range(of: #"actual: \d+(\.\d+)?"#, options: .regularExpression) else { return [] }
            try tree.write(path, text.replacingCharacters(in: range, with: "actual: \(Int.random(in: 50...100, using: &random))"))
            return [path]
        }),
        ("the registry", { tree, random in
            let path = "content/indicators.yaml"
            guard let text = try? tree.read(path), let range = text.range(of: #"target: \d+"#, options: .regularExpression) else { return [] }
            try tree.write(path, text.replacingCharacters(in: range, with: "target: \(Int.random(in: 80...99, using: &random))"))
            return [path]
        }),
        ("add a page", { tree, random in
            let path = "content/notes/added-\(random.next() % 5).md"
            try tree.write(path, "---\ntitle: Added \(random.next() % 100)\ndate: 2004-03-0\(Int.random(in: 1...9, using: &random))\ntags: [notes, added]\n---\nNew.\n")
            return [path]
        }),
        ("delete a page", { tree, random in
            let path = "content/notes/note-\(Int.random(in: 1...8, using: &random)).md"
            guard (try? tree.read(path)) != nil else { return [] }
            try tree.remove(path)
            return [path]
        }),
        ("rename a page", { tree, random in
            let number = Int.random(in: 1...8, using: &random)
            let from = "content/notes/note-\(number).md", to = "content/notes/renamed-\(number)-\(random.next() % 10).md"
            guard (try? tree.read(from)) != nil else { return [] }
            try tree.rename(from, to)
            return [from, to]
        }),
        ("site.yaml", { tree, random in
            let path = "content/site.yaml"
            let text = try tree.read(path)
            if let range = text.range(of: #"page_size: \d+"#, options: .regularExpression) {
                try tree.write(path, text.replacingCharacters(in: range, with: "page_size: \(Int.random(in: 2...5, using: &random))"))
            }
            return [path]
        }),
        ("the site title", { tree, random in
            let path = "content/site.yaml"
            let text = try tree.read(path)
            guard let range = text.range(of: #"title: ICT Services Intranet.*"#, options: .regularExpression) else { return [] }
            try tree.write(path, text.replacingCharacters(in: range, with: "title: ICT Services Intranet \(random.next() % 10)"))
            return [path]
        }),
        ("a template", { tree, random in
            let path = "templates/partials/footer.mustache"
            try tree.write(path, try tree.read(path) + "<!-- \(random.next() % 100) -->\n")
            return [path]
        }),
        ("the page template", { tree, random in
            let path = "templates/page.mustache"
            try tree.replace(path, "<h1>{{page.title}}", "<h1 data-v=\"\(random.next() % 100)\">{{page.title}}")
            return [path]
        }),
        ("a section's title", { tree, random in
            let path = "content/notes/_index.md"
            try tree.write(path, "---\ntitle: Notes \(random.next() % 100)\nsummary: Short notes.\n---\nThe notes.\n")
            return [path]
        }),
        ("break a page's YAML, then fix it", { tree, random in
            let path = "content/reviews/highlight-2004-05.md"
            let text = try tree.read(path)
            try tree.write(path, text.replacingOccurrences(of: "---\ntitle:", with: "---\ntitle: [unclosed\nnot:"))
            return [path]
        }),
    ]

    /// The files and diagnostics a fresh full build of the tree gives.
    static func fullBuild(_ tree: Tree) -> (files: [String: [UInt8]], diagnostics: [String]) {
        do {
            let report = try Pipeline(options: tree.options).run(.check)
            var files: [String: [UInt8]] = [:]
            for file in report.files {
                switch file.contents {
                case let .text(text): files[file.path] = Array(text.utf8)
                case let .copy(source): files[file.path] = Array((try? Data(contentsOf: tree.root.appending(path: source))) ?? Data())
                }
            }
            return (files, report.diagnostics.map(\.description).sorted())
        } catch {
            return ([:], error.diagnostics.map(\.description).sorted())
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomEditsAlwaysGiveWhatAFullBuildGives(seed: UInt64) throws {
        let tree = try Tree()
        var random = Generator(state: seed)
        let session = SiteSession(options: tree.options)
        var outcome = session.build()
        var expected = Self.fullBuild(tree)
        #expect(!outcome.failed && session.files == expected.files)
        var lastGood = session.files
        var brokenPath: String?
        for step in 1...12 {
            var changed: Set<String>
            var name: String
            if let broken = brokenPath {
                // Fix what the last step broke, as a writer would.
                try tree.replace(broken, "title: [unclosed\nnot:", "title:")
                changed = [broken]
                name = "fix the YAML"
                brokenPath = nil
            } else {
                let edit = Self.edits[Int.random(in: 0..<Self.edits.count, using: &random)]
                changed = try edit.apply(tree, &random)
                name = edit.name
                if name.hasPrefix("break") { brokenPath = changed.first }
            }
            session.update(changed)
            outcome = session.build()
            expected = Self.fullBuild(tree)
            let label = "seed \(seed), step \(step): \(name)"
            #expect(outcome.diagnostics.map(\.description).sorted() == expected.diagnostics, "\(label)")
            if outcome.failed {
                #expect(session.files == lastGood, "\(label): a failed build keeps the last good site")
            } else {
                let wrong = Set(session.files.keys).union(expected.files.keys).filter { session.files[$0] != expected.files[$0] }.sorted()
                #expect(wrong.isEmpty, "\(label): these outputs differ from a full build: \(wrong.prefix(8))")
                lastGood = session.files
            }
        }
    }

    @Test func aBodyEditRendersThatPageAloneAndATitleEditItsLists() throws {
        let tree = try Tree()
        let session = SiteSession(options: tree.options)
        _ = session.build()
        try tree.write("content/notes/note-3.md", try tree.read("content/notes/note-3.md") + "\nOne more line.\n")
        session.update(["content/notes/note-3.md"])
        #expect(session.build().rendered == ["notes/note-3/index.html"])

        try tree.replace("content/notes/note-3.md", "title: Note 3", "title: Note three")
        session.update(["content/notes/note-3.md"])
        let rendered = Set(session.build().rendered)
        #expect(rendered.contains("notes/note-3/index.html") && rendered.contains("tags/notes/index.html"))
        #expect(rendered.contains { $0.hasPrefix("notes/") && $0.hasSuffix("feed.xml") } && rendered.contains("sitemap.xml"))
        #expect(!rendered.contains("about/index.html"), "a page that does not list it is not made again")
    }
}
