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
        let hint = "install it with: \(Self.installCommand)"
        let result: (status: Int32, output: String)
        do {
            result = try run(["--version"])
        } catch {
            return .error("search is on, but Pagefind cannot be run (\(command.joined(separator: " ")): \(error.localizedDescription))",
                          at: location, hint: hint)
        }
        let output = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.status == 0 else {
            let said = output.split(separator: "\n").last.map { ": \($0)" } ?? ""
            return .error("search is on, but Pagefind is not installed (\(command.joined(separator: " ")) exited \(result.status)\(said))",
                          at: location, hint: hint)
        }
        guard output.hasPrefix("pagefind 1.5.") else {
            return .error("search needs Pagefind 1.5, but \(command.joined(separator: " ")) is '\(output)'", at: location, hint: hint)
        }
        return nil
    }

    /// Indexes the site in `folder`, writing `folder/pagefind/`; errors name `output`, the folder
    /// the site is built for.
    func index(_ folder: String, reportedAs output: String) throws(Diagnostic) {
        let result: (status: Int32, output: String)
        do {
            // Charts repeat their data table in SVG text: index the table once.
            result = try run(["--site", folder, "--output-subdir", Self.bundleFolder, "--exclude-selectors", "svg", "--quiet"])
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

    /// Runs the command with `arguments`; stdout and stderr together.
    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let program = command.first, let executable = Self.find(program) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "'\(command.first ?? "")' is not on PATH"])
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(command.dropFirst()) + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    private static func find(_ program: String) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
