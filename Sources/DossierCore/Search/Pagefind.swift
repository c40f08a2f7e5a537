import Foundation

/// The Pagefind indexer (PyPI `pagefind-bin`, a static binary run as `python3 -m pagefind_bin`),
/// which Dossier runs over the staging folder after every page is written and before the swap,
/// so a failed index leaves the previous site as it was. Only the `<main>` of the pages marked
/// `data-pagefind-body` is indexed.
public struct Pagefind: Sendable {
    /// The release the search page's script is written for; `.ci/run` installs it.
    public static let version = "1.5.2"
    public static let installCommand = "python3 -m pip install pagefind-bin==\(version)"
    /// Where the index goes inside the site: `pagefind/pagefind.js`, its fragments and chunks.
    static let bundleFolder = "pagefind"

    /// The command that runs Pagefind, before its own arguments.
    public var command: [String]

    public init(command: [String] = ["python3", "-m", "pagefind_bin"]) {
        self.command = command
    }

    /// Nil when Pagefind 1.5 runs; otherwise what is wrong, as an error at `location` (the
    /// `search` key of site.yaml, or `--search`).
    func problem(at location: SourceLocation) -> Diagnostic? {
        tool.versionProblem(["--version"], expected: "pagefind 1.5.", wanted: "Pagefind 1.5", at: location)
    }

    private var tool: ExternalTool {
        ExternalTool(name: "Pagefind", feature: "search", command: command, installCommand: Self.installCommand)
    }

    /// Indexes the site in `folder`, writing `folder/pagefind/`; errors name `output`, the folder
    /// the site is built for.
    func index(_ folder: String, reportedAs output: String) throws(Diagnostic) {
        let result: (status: Int32, output: String)
        do {
            // Charts repeat their data table in SVG text: index the table once.
            result = try tool.run(["--site", folder, "--output-subdir", Self.bundleFolder, "--exclude-selectors", "svg", "--quiet"])
        } catch {
            throw .error("cannot run Pagefind: \(error.localizedDescription)", at: SourceLocation(file: output, line: 0),
                         hint: "install it with: \(Self.installCommand)")
        }
        guard result.status == 0 else {
            let said = result.output.split(separator: "\n").suffix(8).joined(separator: "\n  ")
            throw .error("Pagefind failed to index the site (exit status \(result.status))\(said.isEmpty ? "" : ":\n  \(said)")",
                         at: SourceLocation(file: output, line: 0))
        }
    }
}
