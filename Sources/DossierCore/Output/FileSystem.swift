import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The build reads its input through this seam, so tests can build fixture trees in memory.
public protocol FileSystem: Sendable {
    /// Every regular file under `folder`, as paths relative to it with `/` separators, sorted.
    /// An absent folder has no files.
    func files(under folder: String) throws -> [String]
    func read(_ path: String) throws -> Data
    func isDirectory(_ path: String) -> Bool
    /// As `files(under:)`, also giving the links it left out because they point outside `folder`.
    func files(under folder: String, skippedLinks: inout [String]) throws -> [String]
    /// Throws unless the file is a regular file that can be opened for reading.
    func checkReadable(_ path: String) throws
}

extension FileSystem {
    public func files(under folder: String, skippedLinks: inout [String]) throws -> [String] {
        try files(under: folder)
    }

    public func checkReadable(_ path: String) throws {}
}

/// A file or folder that cannot be read, named, with the system's reason ("Permission denied").
public struct FileSystemError: Error, LocalizedError, Sendable {
    public let path: String
    public let reason: String

    public init(path: String, errno code: Int32) {
        self.path = path
        reason = String(cString: strerror(code))
    }

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var errorDescription: String? { "'\(path)': \(reason)" }
}

public struct LocalFileSystem: FileSystem {
    public init() {}

    public func files(under folder: String) throws -> [String] {
        var skipped: [String] = []
        return try files(under: folder, skippedLinks: &skipped)
    }

    public func files(under folder: String, skippedLinks: inout [String]) throws -> [String] {
        guard isDirectory(folder) else { return [] }
        let base = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        var found: [String] = []
        try walk(folder, relative: "", base: base, into: &found, skipped: &skippedLinks)
        return found.sorted()
    }

    /// readdir with the entry type it returns: FileManager's enumerator builds a dictionary of
    /// attributes for every file, which costs more than reading the file.
    private func walk(_ folder: String, relative: String, base: String, into found: inout [String], skipped: inout [String]) throws {
        guard let directory = opendir(folder) else { throw FileSystemError(path: folder, errno: errno) }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let path = folder + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var status = stat()
                guard lstat(path, &status) == 0 else { continue }
                type = (status.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (status.st_mode & S_IFMT) == S_IFLNK ? Int32(DT_LNK) : Int32(DT_REG)
            }
            switch type {
            case Int32(DT_DIR):
                try walk(path, relative: relativePath, base: base, into: &found, skipped: &skipped)
            case Int32(DT_REG):
                found.append(relativePath)
            case Int32(DT_LNK):
                // A link is followed only to a file inside the folder: content cannot pull in /etc/passwd.
                let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                var isDirectory: ObjCBool = false
                if target.hasPrefix(base + "/"), FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), !isDirectory.boolValue {
                    found.append(relativePath)
                } else if !target.hasPrefix(base + "/") {
                    skipped.append(relativePath)
                }
            default:
                continue
            }
        }
    }

    /// A regular file's bytes; a FIFO or device is refused rather than waited on.
    public func read(_ path: String) throws -> Data {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw FileSystemError(path: path, errno: errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw FileSystemError(path: path, errno: errno) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw FileSystemError(path: path, reason: "not a regular file") }
        // One byte more than the file's size, so the read that finds the end needs no more room.
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: max(4096, bytes.count))) }
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw FileSystemError(path: path, errno: errno) }
            if count == 0 { break }
            filled += count
        }
        return Data(bytes[..<filled])
    }

    /// Whether the file can be opened for reading (a FIFO, a device, an unreadable file cannot).
    public func checkReadable(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw FileSystemError(path: path, errno: errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw FileSystemError(path: path, errno: errno) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw FileSystemError(path: path, reason: "not a regular file") }
    }

    public func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// A file tree held in memory, keyed by path (`root/content/a.md`).
public struct InMemoryFileSystem: FileSystem {
    public var contents: [String: Data]

    public init(_ files: [String: String] = [:]) {
        contents = files.mapValues { Data($0.utf8) }
    }

    public func files(under folder: String) throws -> [String] {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return contents.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
    }

    public func read(_ path: String) throws -> Data {
        guard let data = contents[path] else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        return data
    }

    public func isDirectory(_ path: String) -> Bool {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return contents.keys.contains { $0.hasPrefix(prefix) }
    }
}
