import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Stage 7: the site is written into a staging folder beside the output folder as it is rendered,
/// then swapped in, so a failed build leaves the previous site exactly as it was. Writes and deletes
/// nothing else.
struct OutputWriter {
    /// Marks a folder as Dossier's output, which a later build may replace.
    static let marker = ".dossier"
    static let markerText = "This folder is written by Dossier and replaced on every build.\n"

    let fileSystem: FileSystem
    let root: String
    var oldSite: OldSiteRemoval = .beforeReturning

    /// Checks the output folder and opens a staging folder beside it for the files of this build.
    /// Holds the output's lock (see `OutputLock`) until the staging folder is committed or discarded.
    func begin(_ output: String) throws(Diagnostic) -> StagingFolder {
        let target = Self.resolved(URL(fileURLWithPath: output).standardizedFileURL)
        try checkTarget(target)
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw Self.failure("cannot write the site: \(error.localizedDescription)", output)
        }
        let lock = try OutputLock.acquire(for: target)
        let pid = ProcessInfo.processInfo.processIdentifier
        let notes = OutputLeftovers.clear(beside: target, except: pid, oldSite: oldSite)
        // Checked again under the lock: the leftovers may have held the previous site.
        try checkTarget(target)
        let staging = target.deletingLastPathComponent().appending(path: ".\(target.lastPathComponent).staging-\(pid)")
        try? FileManager.default.removeItem(at: staging)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw Self.failure("cannot write the site: \(error.localizedDescription)", output)
        }
        return StagingFolder(folder: staging, target: target, fileSystem: fileSystem, root: root, lock: lock, notes: notes,
                             oldSite: oldSite)
    }

    /// Only what `begin` does first, for a build that stops before writing (it has errors): under
    /// the lock, put back a previous site a killed build left aside and clear leftovers.
    func recover(_ output: String) -> [Diagnostic] {
        let target = Self.resolved(URL(fileURLWithPath: output).standardizedFileURL)
        guard FileManager.default.fileExists(atPath: target.deletingLastPathComponent().path),
              (try? checkTarget(target)) != nil, let lock = try? OutputLock.acquire(for: target) else { return [] }
        defer { lock.release() }
        return OutputLeftovers.clear(beside: target, except: ProcessInfo.processInfo.processIdentifier, oldSite: oldSite)
    }

    /// The path with every symbolic link in it followed, as far as it exists: the safety checks,
    /// the lock and the swap all work on the folder the site really goes to.
    static func resolved(_ url: URL) -> URL {
        var existing = url
        var rest: [String] = []
        while existing.path != "/" && !FileManager.default.fileExists(atPath: existing.path) {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        guard let real = realpath(existing.path, nil) else { return url }
        defer { free(real) }
        var result = URL(fileURLWithPath: String(cString: real))
        for part in rest { result.append(path: part) }
        return result
    }

    /// Writes `files` and swaps them in: `begin`, every file, then `commit`.
    func write(_ files: [OutputFile], to output: String) throws(Diagnostic) {
        let staging = try begin(output)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            switch file.contents {
            case let .text(text): staging.write(file.path, Array(text.utf8))
            case let .copy(source): staging.copy(file.path, from: source)
            }
        }
        try staging.commit()
    }

    private func checkTarget(_ target: URL) throws(Diagnostic) {
        let rootURL = URL(fileURLWithPath: root.isEmpty ? "." : root).standardizedFileURL
        let outputPath = target.resolvingSymlinksInPath().path
        let rootPath = rootURL.resolvingSymlinksInPath().path
        let sources = [SourceFile.contentFolder, TemplateSet.folder].map { rootURL.appending(path: $0).resolvingSymlinksInPath().path }
        let holdsRoot = outputPath == rootPath || rootPath.hasPrefix(outputPath + "/")
        let insideSources = sources.contains { outputPath == $0 || outputPath.hasPrefix($0 + "/") }
        if holdsRoot || insideSources {
            throw Self.failure("refusing to write the site into '\(target.path)', which holds the site's sources", target.path,
                          hint: "choose an output folder of its own, such as site/")
        }
        if outputPath == "/" { throw Self.failure("refusing to write the site into '/'", "/") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw Self.failure("the output path is a file, not a folder", target.path, hint: "choose another --output")
        }
        var status = stat()
        if stat(target.path, &status) == 0 && status.st_mode & S_IWUSR == 0 {
            throw Self.failure("refusing to replace '\(target.path)': the folder is read-only", target.path,
                               hint: "make it writable (chmod u+w) if the site may be replaced, or choose another --output")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? []
        if !entries.isEmpty && !entries.contains(Self.marker) {
            throw Self.failure("refusing to replace '\(target.path)': it is not empty and was not written by Dossier", target.path,
                          hint: "move its files away, or choose another --output")
        }
    }

    /// A relative path of plain segments: nothing can land outside the output folder.
    static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.contains("\\")
            && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    static func failure(_ message: String, _ path: String, hint: String? = nil) -> Diagnostic {
        .error(message, at: SourceLocation(file: path, line: 0, column: 0), hint: hint)
    }
}

