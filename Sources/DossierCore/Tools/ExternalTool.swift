import Foundation

/// A program a build runs but Dossier does not carry (Pagefind, WeasyPrint's Python), by the
/// command line that starts it. Finding it, asking its version and running it are the same for
/// every such program; what each is for, and the words of its errors, are its own.
struct ExternalTool: Sendable {
    /// What it is called in messages: `Pagefind`.
    let name: String
    /// The setting that needs it, as the messages name it: `search`, `PDF`.
    let feature: String
    /// The command, before the arguments of each run.
    let command: [String]
    /// How to get it: `python3 -m pip install pagefind-bin==1.5.2`.
    let installCommand: String

    /// Nil when `versionArguments` print a first line starting with `expected` (`pagefind 1.5.`);
    /// otherwise why the tool cannot serve, as an error at `location` with the install hint.
    /// `wanted` names the release in the message (`Pagefind 1.5`).
    func versionProblem(_ versionArguments: [String], expected: String, wanted: String, at location: SourceLocation) -> Diagnostic? {
        let hint = "install it with: \(installCommand)"
        let shown = command.joined(separator: " ")
        let result: (status: Int32, output: String)
        do {
            result = try run(versionArguments)
        } catch {
            return .error("\(feature) is on, but \(name) cannot be run (\(shown): \(error.localizedDescription))", at: location, hint: hint)
        }
        let output = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.status == 0 else {
            let said = output.split(separator: "\n").last.map { ": \($0)" } ?? ""
            return .error("\(feature) is on, but \(name) is not installed (\(shown) exited \(result.status)\(said))", at: location, hint: hint)
        }
        guard output.hasPrefix(expected) else {
            return .error("\(feature) needs \(wanted), but \(shown) reports '\(output)'", at: location, hint: hint)
        }
        return nil
    }

    /// Runs the command with `arguments`; stdout and stderr together.
    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let program = command.first, let executable = Self.find(program) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "'\(command.first ?? "")' is not on PATH"])
        }
        return try Self.run(executable, Array(command.dropFirst()) + arguments)
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `program` itself when it is a path, else the first executable of that name on PATH.
    static func find(_ program: String) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
