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

    /// Checks the output folder and opens a staging folder beside it for the files of this build.
    func begin(_ output: String) throws(Diagnostic) -> StagingFolder {
        let target = URL(fileURLWithPath: output).standardizedFileURL
        try checkTarget(target)
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = target.deletingLastPathComponent().appending(path: ".\(target.lastPathComponent).staging-\(pid)")
        try? FileManager.default.removeItem(at: staging)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw Self.failure("cannot write the site: \(error.localizedDescription)", output)
        }
        return StagingFolder(folder: staging, target: target, fileSystem: fileSystem, root: root)
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

