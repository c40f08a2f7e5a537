import Foundation

/// The build reads its input through this seam, so tests can build fixture trees in memory.
public protocol FileSystem: Sendable {
    /// Every regular file under `folder`, as paths relative to it with `/` separators, sorted.
    /// An absent folder has no files.
    func files(under folder: String) throws -> [String]
    func read(_ path: String) throws -> Data
    func isDirectory(_ path: String) -> Bool
}

public struct LocalFileSystem: FileSystem {
    public init() {}

    public func files(under folder: String) throws -> [String] {
        var found: [String] = []
        guard isDirectory(folder) else { return [] }
        let base = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL.resolvingSymlinksInPath()
        let keys: [URLResourceKey] = [.isRegularFileKey]
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: keys) else { return [] }
        let prefixLength = base.path.count + 1
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: Set(keys)).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            // A symbolic link pointing outside the folder is not content.
            guard path.hasPrefix(base.path + "/") else { continue }
            found.append(String(path.dropFirst(prefixLength)))
        }
        return found.sorted()
    }

    public func read(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
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
