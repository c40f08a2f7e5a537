/// What a file system allows of an output path, checked for every path in the output plan so that
/// `check` finds what the write would fail on, at the source that makes the path (a slug, a tag,
/// an indicator id, a file name).
enum OutputPathLimits {
    /// NAME_MAX on Linux, macOS and Windows file systems: bytes in one file or folder name.
    static let nameMax = 255
    /// PATH_MAX is 4096 bytes; the output folder's own path takes some of it.
    static let pathMax = 3_840
    /// Names Windows refuses for a file in any folder, whatever the extension (a site may be
    /// copied to, or served from, a Windows share).
    static let windowsReserved: Set<String> = Set(["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })

    enum Problem: Equatable {
        case error(String)
        case warning(String)
    }

    /// What is wrong with `path` (relative to the output folder), worst first.
    static func problems(_ path: String) -> [Problem] {
        var found: [Problem] = []
        if path.utf8.count > pathMax {
            found.append(.error("a path of \(path.utf8.count) bytes, more than the \(pathMax) a build allows (the system's limit is 4096, with the output folder's own path)"))
        }
        for segment in path.split(separator: "/") {
            if segment.utf8.count > nameMax {
                found.append(.error("the name '\(shortened(segment))' is \(segment.utf8.count) bytes long, and file systems allow at most \(nameMax)"))
            }
            if segment.contains("\\") {
                found.append(.error("the name '\(shortened(segment))' holds a backslash, which Windows and many servers read as a folder separator"))
            }
            if segment.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                found.append(.error("the name '\(shortened(segment))' holds a control character"))
            }
            let stem = segment.split(separator: ".", maxSplits: 1).first.map { $0.lowercased() } ?? ""
            if windowsReserved.contains(stem) {
                found.append(.warning("the name '\(segment)' is reserved on Windows, so the site cannot be copied to a Windows share"))
            }
        }
        return found
    }

    static func shortened<S: StringProtocol>(_ text: S) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : String(text)
    }
}
