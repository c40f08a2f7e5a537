/// A file of the site's content, named by its path from the site root (`content/reports/q3.md`).
public struct SourceFile: Sendable, Hashable {
    public static let contentFolder = "content"

    /// Path from the site root, as printed in diagnostics.
    public let path: String
    /// Path inside `content/`, as pages and links name each other.
    public let contentPath: String

    /// The file's name and its folder inside `content/` ("" for the top), worked out once.
    let fileName: String
    let folder: String

    init(contentPath: String) {
        self.contentPath = contentPath
        self.path = "\(SourceFile.contentFolder)/\(contentPath)"
        self.folder = ContentPath.folder(of: contentPath)
        self.fileName = folder.isEmpty ? contentPath : String(contentPath.dropFirst(folder.count + 1))
    }

    var isMarkdown: Bool { contentPath.hasSuffix(".md") }
    var isSiteConfig: Bool { contentPath == SiteConfig.fileName }
    var isIndicatorRegistry: Bool { contentPath == IndicatorRegistry.fileName }
    /// `_index.md` gives its folder (a section) a title and an introduction.
    var isSectionIndex: Bool { fileName == "_index.md" }
}

enum ContentPath {
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : "\(folder)/\(name)"
    }

    /// Resolves `.` and `..` segments; nil when the path climbs above the content folder.
    static func normalise(_ path: String) -> String? {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }
}
