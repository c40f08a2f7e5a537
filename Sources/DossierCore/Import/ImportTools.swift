import Foundation

/// The programs the importer runs: pandoc for every file, LibreOffice for .doc, .odt and .rtf.
/// Programs are found on PATH; the commands can be replaced (`DOSSIER_PANDOC`, `DOSSIER_SOFFICE`) to
/// use another build.
public struct ImportTools: Sendable {
    public var pandoc: String
    public var soffice: String
    /// How long one run of either may take before it is stopped: a document LibreOffice hangs on
    /// (it can wait for a dialog no one sees) must not hang the import.
    public var timeout: TimeInterval

    public init(pandoc: String = "pandoc", soffice: String = "soffice", timeout: TimeInterval = 300) {
        self.pandoc = pandoc
        self.soffice = soffice
        self.timeout = timeout
    }

    public static var fromEnvironment: ImportTools {
        let environment = ProcessInfo.processInfo.environment
        return ImportTools(pandoc: environment["DOSSIER_PANDOC"] ?? "pandoc", soffice: environment["DOSSIER_SOFFICE"] ?? "soffice")
    }

    static let pandocInstall = "apt-get install pandoc"
    static let sofficeInstall = "apt-get install libreoffice-writer-nogui"

    /// Whether pandoc can be run (for tests that need it).
    public var hasPandoc: Bool { Self.find(pandoc) != nil }

    /// Whether LibreOffice can be run (for tests that need it).
    public var hasSoffice: Bool { Self.find(soffice) != nil }

    static func find(_ program: String) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Converts `file` with LibreOffice into `format` (`docx`, `odt`, …) in `folder`, as
    /// `soffice --headless --convert-to FORMAT`; nil when soffice is not there. It runs with a
    /// profile of its own, made in `profile`: with the user's, a LibreOffice already open (or
    /// another import running) takes the job over and this one converts nothing, and the home
    /// folder of root or a service account may not be writable. The profile also turns off
    /// LibreOffice's saving of links to files as relative paths, which would turn
    /// `file:///S:/reports/q3.doc` into `../../S:/reports/q3.doc`, relative to the temporary folder.
    /// soffice exits 0 also when it wrote nothing: look for the file.
    static func convert(_ file: URL, to format: String, into folder: URL, profile: URL, with soffice: String,
                        timeout: TimeInterval) -> Run? {
        let settings = profile.appendingPathComponent("user", isDirectory: true)
        try? FileManager.default.createDirectory(at: settings, withIntermediateDirectories: true)
        try? Data(sofficeSettings.utf8).write(to: settings.appendingPathComponent("registrymodifications.xcu"))
        return run(soffice, ["-env:UserInstallation=\(profile.absoluteURL.absoluteString)", "--headless", "--norestore",
                             "--convert-to", format, "--outdir", folder.path, file.path], timeout: timeout)
    }

    private static let sofficeSettings = """
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <item oor:path="/org.openoffice.Office.Common/Save/URL"><prop oor:name="FileSystem" oor:op="fuse">\
        <value>false</value></prop></item>
        </oor:items>

        """

    /// How a run ended: its exit status and what it printed (stdout and stderr together), or that
    /// it was stopped at the time limit.
    struct Run {
        var status: Int32
        var output: String
        var timedOut: Bool
    }

    /// Runs a program; nil when it is not on PATH or cannot be started. A run that outlasts
    /// `timeout` is killed with its whole process group (Foundation starts each child in a group of
    /// its own): soffice is a script that starts oosplash, which starts soffice.bin, and killing
    /// only the first would leave the others running and holding the output pipe open.
    static func run(_ program: String, _ arguments: [String], in folder: URL? = nil, timeout: TimeInterval) -> Run? {
        guard let executable = find(program) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do { try process.run() } catch { return nil }
        let output = OutputReader(pipe.fileHandleForReading)
        let started = Date()
        var timedOut = false
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(-process.processIdentifier, SIGKILL)
            exited.wait()
        }
        // A child left behind after a normal exit may still hold the pipe; wait for it only as
        // long as the limit allows.
        let data = output.wait(upTo: max(1, timeout - Date().timeIntervalSince(started)))
        return Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self), timedOut: timedOut)
    }
}

/// Reads a pipe to its end on another thread, so that the program writing it never blocks on a
/// full pipe while the importer waits for it to exit.
private final class OutputReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            let read = handle.readDataToEndOfFile()
            self.lock.withLock { self.data = read }
            self.done.signal()
        }
    }

    func wait(upTo seconds: TimeInterval) -> Data {
        _ = done.wait(timeout: .now() + seconds)
        return lock.withLock { data }
    }
}
