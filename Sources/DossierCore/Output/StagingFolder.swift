import CFolderSwap
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The folder a build writes into while it renders, beside the output folder. `commit` swaps it in
/// for the old site; `discard` removes it and leaves the old site as it was. Either releases the
/// output's lock.
final class StagingFolder: OutputSink {
    let folder: URL
    let target: URL
    /// What was found beside the output and cleared before this build (see `OutputLeftovers`).
    let notes: [Diagnostic]
    private let lock: OutputLock?
    private let oldSite: OldSiteRemoval
    private let fileSystem: FileSystem
    private let root: String
    private let state = Mutex(State())

    private struct State {
        /// Folders made so far, relative to the staging folder.
        var folders: Set<String> = [""]
        var firstError: Error?
        var paths: [String] = []
    }

    init(folder: URL, target: URL, fileSystem: FileSystem, root: String, lock: OutputLock? = nil, notes: [Diagnostic] = [],
         oldSite: OldSiteRemoval = .beforeReturning) {
        self.folder = folder
        self.target = target
        self.lock = lock
        self.oldSite = oldSite
        self.notes = notes
        self.fileSystem = fileSystem
        self.root = root
    }

    /// Every path written, in path order.
    var writtenPaths: [String] { state.withLock { $0.paths.sorted() } }

    func write(_ path: String, _ bytes: [UInt8]) {
        record(path) { try Self.writeFile(self.folder.path + "/" + path, bytes) }
    }

    func copy(_ path: String, from source: String) {
        record(path) { try Self.writeFile(self.folder.path + "/" + path, Array(self.fileSystem.read(RootPath.join(self.root, source)))) }
    }

    private func record(_ path: String, _ work: () throws -> Void) {
        do {
            guard OutputWriter.isSafe(path) else { throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: path]) }
            try makeFolders(for: path)
            try work()
            state.withLock { $0.paths.append(path) }
        } catch {
            state.withLock { if $0.firstError == nil { $0.firstError = error } }
        }
    }

    /// Makes the file's folder and every missing ancestor, once each; plain mkdir is far cheaper
    /// than FileManager's, which checks every ancestor again for each of thousands of page folders.
    private func makeFolders(for path: String) throws {
        var missing: [String] = []
        var current = ContentPath.folder(of: path)
        while !state.withLock({ $0.folders.contains(current) }) {
            missing.append(current)
            current = ContentPath.folder(of: current)
        }
        for relative in missing.reversed() {
            if mkdir(folder.path + "/" + relative, 0o755) != 0 && errno != EEXIST {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            _ = state.withLock { $0.folders.insert(relative) }
        }
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

    /// Marks the folder as Dossier's and swaps it in for the old site.
    func commit() throws(Diagnostic) {
        if let error = state.withLock({ $0.firstError }) {
            discard()
            throw OutputWriter.failure("cannot write the site: \(error.localizedDescription)", target.path)
        }
        do {
            try Data(OutputWriter.markerText.utf8).write(to: folder.appending(path: OutputWriter.marker))
        } catch {
            discard()
            throw OutputWriter.failure("cannot write the site: \(error.localizedDescription)", target.path)
        }
        defer { lock?.release() }
        do {
            try swapIn()
        } catch {
            discard()
            throw OutputWriter.failure("cannot replace the output folder: \(error.localizedDescription)", target.path)
        }
    }

    /// In one step where the file system can (renameat2 RENAME_EXCHANGE: ext4, xfs, btrfs, tmpfs),
    /// so that a kill at any moment leaves either the old site or the new one at the output path;
    /// the old site, now in the staging folder's place, is then removed (see `OldSiteRemoval`). Elsewhere, two renames,
    /// with the old site as `.NAME.previous-PID` between them, which the next build puts back if
    /// this one is killed there (see `OutputLeftovers`).
    private func swapIn() throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: target.path) else {
            try manager.moveItem(at: folder, to: target)
            return
        }
        if dossier_exchange_paths(folder.path, target.path) == 0 {
            oldSite.retire(folder, beside: target)
            return
        }
        guard Self.exchangeRefused(errno) else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let previous = target.deletingLastPathComponent().appending(path: ".\(target.lastPathComponent).previous-\(ProcessInfo.processInfo.processIdentifier)")
        try manager.moveItem(at: target, to: previous)
        do {
            try manager.moveItem(at: folder, to: target)
        } catch {
            try? manager.moveItem(at: previous, to: target)
            throw error
        }
        oldSite.retire(previous, beside: target)
    }

    /// The errors of a file system or kernel that cannot exchange two paths in one step.
    static func exchangeRefused(_ code: Int32) -> Bool {
        [EINVAL, ENOSYS, EOPNOTSUPP, ENOTSUP].contains(code)
    }

    /// Removes the staging folder; the old site stays as it was.
    func discard() {
        try? FileManager.default.removeItem(at: folder)
        lock?.release()
    }
}
