import Foundation

/// The programs the importer runs: pandoc for every file, LibreOffice for .doc, .odt and .rtf.
/// Programs are found on PATH; the commands can be replaced (`DOSSIER_PANDOC`, `DOSSIER_SOFFICE`) to
/// use another build.
public struct ImportTools: Sendable {
    public var pandoc: String
    public var soffice: String

    public init(pandoc: String = "pandoc", soffice: String = "soffice") {
        self.pandoc = pandoc
        self.soffice = soffice
    }

    public static var fromEnvironment: ImportTools {
        let environment = ProcessInfo.processInfo.environment
        return ImportTools(pandoc: environment["DOSSIER_PANDOC"] ?? "pandoc", soffice: environment["DOSSIER_SOFFICE"] ?? "soffice")
    }

    static let pandocInstall = "apt-get install pandoc"
    static let sofficeInstall = "apt-get install libreoffice-writer-nogui"

    /// Whether pandoc can be run (for tests that need it).
    public var hasPandoc: Bool { Self.find(pandoc) != nil }

    static func find(_ program: String) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a program with stdout and stderr read together; nil when it is not on PATH.
    static func run(_ program: String, _ arguments: [String], in folder: URL? = nil) -> (status: Int32, output: String)? {
        guard let executable = find(program) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
