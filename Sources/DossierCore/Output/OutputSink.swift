import Synchronization

/// Where rendered files go as they are made: the staging folder of a build, or memory for `check`,
/// the offline archive and tests. Called from many threads at once.
protocol OutputSink: Sendable {
    func write(_ path: String, _ bytes: [UInt8])
    /// A file copied unchanged from `source` (a path relative to the site root).
    func copy(_ path: String, from source: String)
}

/// Keeps every file in memory, for the tools that work on the built site without writing it.
final class MemorySink: OutputSink {
    private let files = Mutex<[OutputFile]>([])

    func write(_ path: String, _ bytes: [UInt8]) {
        let file = OutputFile(path: path, contents: .text(String(decoding: bytes, as: UTF8.self)))
        files.withLock { $0.append(file) }
    }

    func copy(_ path: String, from source: String) {
        files.withLock { $0.append(OutputFile(path: path, contents: .copy(from: source))) }
    }

    /// In path order.
    var collected: [OutputFile] { files.withLock { $0.sorted { $0.path < $1.path } } }
}
