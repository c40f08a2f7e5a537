import Foundation
@testable import DossierCore

/// A site held in memory: paths relative to the site root (`content/a.md`).
struct Fixture {
    static let root = "site-root"
    static let today = Day(year: 2026, month: 11, day: 21)!

    var files: [String: String]

    init(_ files: [String: String]) { self.files = files }

    var fileSystem: InMemoryFileSystem {
        InMemoryFileSystem(Dictionary(uniqueKeysWithValues: files.map { ("\(Fixture.root)/\($0.key)", $0.value) }))
    }

    /// The old site of a rebuild is removed before the build returns, so tests may look beside
    /// the output at once (`OutputSafetyTests` checks the background removal builds do by default).
    func options(output: String? = nil, drafts: Bool = false) -> BuildOptions {
        var options = BuildOptions(root: Fixture.root, output: output, includeDrafts: drafts, today: Fixture.today, fileSystem: fileSystem)
        options.oldSiteRemoval = .beforeReturning
        return options
    }

    /// Runs `check` and returns the diagnostics (empty when the site is fine).
    func diagnostics(drafts: Bool = false) -> [Diagnostic] {
        do {
            return try Pipeline(options: options(drafts: drafts)).run(.check).diagnostics
        } catch {
            return error.diagnostics
        }
    }

    func errors(drafts: Bool = false) -> [String] {
        diagnostics(drafts: drafts).filter { $0.severity == .error }.map(\.description)
    }

    /// Builds into a fresh temporary folder and returns it.
    func build(into output: URL? = nil, drafts: Bool = false) throws -> URL {
        let folder = output ?? TemporaryFolder.make().appending(path: "site")
        _ = try Pipeline(options: options(output: folder.path, drafts: drafts)).run(.build)
        return folder
    }

    static func page(_ title: String, _ body: String = "Text.\n", extra: String = "") -> String {
        "---\ntitle: \(title)\n\(extra)---\n\(body)"
    }
}

enum TemporaryFolder {
    static func make() -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "dossier-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

enum Tree {
    /// Every file under `folder` with its bytes, by relative path.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            result[String(path.dropFirst(base.count + 1))] = try? Data(contentsOf: url)
        }
        return result
    }

    static func text(_ folder: URL, _ path: String) -> String {
        (try? String(contentsOf: folder.appending(path: path), encoding: .utf8)) ?? ""
    }
}

/// The repository, whose content/ is the example site.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
