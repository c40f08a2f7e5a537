import Foundation
import ZIPFoundation
#if canImport(Glibc)
import Glibc
#endif

extension OfflineArchive {
    /// The archive as zip bytes, the same for the same archive: entries sorted by path under one
    /// folder (`dossier-archive-2006-07/`), folders listed before what they hold, every entry dated
    /// the day the archive was made at 00:00 UTC with fixed permissions (0644 files, 0755 folders),
    /// deflated, and nothing of the machine it was made on (no owners, no extra fields, no OS files).
    public func zip() throws(ArchiveError) -> Data {
        var components = DateComponents()
        (components.year, components.month, components.day) = (made.year, made.month, made.day)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        // ZIPFoundation writes the DOS date and time of this instant in UTC (gmtime).
        let date = calendar.date(from: components)!

        var folders: Set<String> = [folderName + "/"]
        for file in files {
            var parts = file.path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(folderName + "/" + parts.joined(separator: "/") + "/")
                parts = parts.dropLast()
            }
        }
        let entries = folders.map { (path: $0, data: Data?.none) } + files.map { (path: folderName + "/" + $0.path, data: Optional($0.data)) }
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for entry in entries.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
                if let data = entry.data {
                    try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                         permissions: 0o644, compressionMethod: .deflate) { (position: Int64, size: Int) in
                        data.subdata(in: Int(position)..<Int(position) + size)
                    }
                } else {
                    try archive.addEntry(with: entry.path, type: .directory, uncompressedSize: Int64(0), modificationDate: date,
                                         permissions: 0o755) { (_: Int64, _: Int) in Data() }
                }
            }
            guard let data = archive.data else { throw ArchiveError("the zip could not be made in memory") }
            return data
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw ArchiveError("cannot make the zip: \(error)")
        }
    }

    /// Writes the zip to `path` and nowhere else. An existing file is refused unless `force`; then
    /// the new zip is written beside it and renamed over it, so a failed write leaves the old one.
    public func write(to path: String, force: Bool) throws(ArchiveError) {
        let data = try zip()
        try ArchiveOutput.write(data, to: path, force: force)
    }
}

/// Where the zip may go, and writing it there.
enum ArchiveOutput {
    /// Refuses a folder, an existing file (unless `force`), a missing parent folder, and anywhere
    /// inside the site's sources (content/, templates/), where the next build would pick it up.
    static func check(_ path: String, root: String, force: Bool) throws(ArchiveError) {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                throw ArchiveError("'\(path)' is a folder", hint: "give --output a file name, such as \(target.path)/archive.zip")
            }
            if !force {
                throw ArchiveError("'\(path)' already exists", hint: "use --force to replace it, or choose another --output")
            }
        } else if isSymbolicLink(target.path) {
            throw ArchiveError("'\(path)' is a broken symbolic link", hint: "choose another --output")
        }
        let parent = target.deletingLastPathComponent()
        guard manager.fileExists(atPath: parent.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ArchiveError("the folder '\(parent.path)' does not exist", hint: "create it first, or choose another --output")
        }
        let rootURL = URL(fileURLWithPath: root.isEmpty ? "." : root).standardizedFileURL
        let resolved = parent.resolvingSymlinksInPath().path + "/"
        for folder in [SourceFile.contentFolder, TemplateSet.folder] {
            let source = rootURL.appending(path: folder).resolvingSymlinksInPath().path + "/"
            if resolved.hasPrefix(source) {
                throw ArchiveError("refusing to write the archive into '\(folder)/', which holds the site's sources",
                                   hint: "write it to the site's folder (the default) or anywhere outside \(folder)/")
            }
        }
    }

    static func write(_ data: Data, to path: String, force: Bool) throws(ArchiveError) {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        if !force {
            // O_EXCL: never replaces a file that appeared since the check, nor follows a link.
            try writeNew(data, to: target.path)
            return
        }
        let staging = target.deletingLastPathComponent()
            .appending(path: ".\(target.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)").path
        unlink(staging)
        do throws(ArchiveError) {
            try writeNew(data, to: staging)
            guard rename(staging, target.path) == 0 else {
                throw ArchiveError("cannot replace '\(path)': \(String(cString: strerror(errno)))")
            }
        } catch {
            unlink(staging)
            throw error
        }
    }

    private static func writeNew(_ data: Data, to path: String) throws(ArchiveError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? "it already exists" : String(cString: strerror(errno))
            throw ArchiveError("cannot write '\(path)': \(reason)")
        }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let result = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += result
            }
        }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        if failure != 0 {
            unlink(path)
            throw ArchiveError("cannot write '\(path)': \(String(cString: strerror(failure)))")
        }
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK
    }
}
