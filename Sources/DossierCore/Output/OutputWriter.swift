import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Stage 6: writes the site into a staging folder beside the output folder, then swaps it in, so a
/// failed build leaves the previous site exactly as it was. Writes and deletes nothing else.
struct OutputWriter {
    /// Marks a folder as Dossier's output, which a later build may replace.
    static let marker = ".dossier"
    static let markerText = "This folder is written by Dossier and replaced on every build.\n"

    let fileSystem: FileSystem
    let root: String

    func write(_ files: [OutputFile], to output: String) throws(Diagnostic) {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: output).standardizedFileURL
        try checkTarget(target)
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appending(path: ".\(name).staging-\(pid)")
        let previous = parent.appending(path: ".\(name).previous-\(pid)")

        do {
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            try writeAll(files, into: staging)
            try Data(Self.markerText.utf8).write(to: staging.appending(path: Self.marker))
        } catch {
            try? manager.removeItem(at: staging)
            throw failure("cannot write the site: \(error.localizedDescription)", output)
        }

        do {
            if manager.fileExists(atPath: target.path) {
                try manager.moveItem(at: target, to: previous)
                do {
                    try manager.moveItem(at: staging, to: target)
                } catch {
                    try? manager.moveItem(at: previous, to: target)
                    throw error
                }
                try? manager.removeItem(at: previous)
            } else {
                try manager.moveItem(at: staging, to: target)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw failure("cannot replace the output folder: \(error.localizedDescription)", output)
        }
    }

    private func checkTarget(_ target: URL) throws(Diagnostic) {
        let rootURL = URL(fileURLWithPath: root.isEmpty ? "." : root).standardizedFileURL
        let outputPath = target.resolvingSymlinksInPath().path
        let rootPath = rootURL.resolvingSymlinksInPath().path
        let sources = [SourceFile.contentFolder, TemplateSet.folder].map { rootURL.appending(path: $0).resolvingSymlinksInPath().path }
        let holdsRoot = outputPath == rootPath || rootPath.hasPrefix(outputPath + "/")
        let insideSources = sources.contains { outputPath == $0 || outputPath.hasPrefix($0 + "/") }
        if holdsRoot || insideSources {
            throw failure("refusing to write the site into '\(target.path)', which holds the site's sources", target.path,
                          hint: "choose an output folder of its own, such as site/")
        }
        if outputPath == "/" { throw failure("refusing to write the site into '/'", "/") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw failure("the output path is a file, not a folder", target.path, hint: "choose another --output")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? []
        if !entries.isEmpty && !entries.contains(Self.marker) {
            throw failure("refusing to replace '\(target.path)': it is not empty and was not written by Dossier", target.path,
                          hint: "move its files away, or choose another --output")
        }
    }

    private func writeAll(_ files: [OutputFile], into folder: URL) throws {
        for file in files where !Self.isSafe(file.path) {
            throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: file.path])
        }
        var folders: Set<String> = []
        for file in files {
            var folder = ContentPath.folder(of: file.path)
            // Every ancestor too: `reports/page/2/` has no file of its own in `reports/page/`.
            while !folder.isEmpty, folders.insert(folder).inserted { folder = ContentPath.folder(of: folder) }
        }
        for relative in folders.sorted() {
            // Sorted, so every parent is made before its children; plain mkdir is far cheaper than
            // FileManager's, which checks every ancestor again for each of thousands of page folders.
            if mkdir(folder.appending(path: relative).path, 0o755) != 0 && errno != EEXIST {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        }
        let firstError = ErrorBox()
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            do {
                let path = folder.appending(path: file.path).path
                switch file.contents {
                case let .text(text): try Self.writeFile(path, Array(text.utf8))
                case let .copy(source): try Self.writeFile(path, Array(fileSystem.read(RootPath.join(root, source))))
                }
            } catch {
                firstError.set(error)
            }
        }
        if let error = firstError.error { throw error }
    }

    private static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            guard result > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            written += result
        }
    }

    /// A relative path of plain segments: nothing can land outside the output folder.
    static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.contains("\\")
            && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    private func failure(_ message: String, _ path: String, hint: String? = nil) -> Diagnostic {
        .error(message, at: SourceLocation(file: path, line: 0, column: 0), hint: hint)
    }
}

private final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var error: Error?
    func set(_ error: Error) {
        lock.lock(); defer { lock.unlock() }
        if self.error == nil { self.error = error }
    }
}
