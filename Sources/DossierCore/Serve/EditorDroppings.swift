/// Files that editors leave beside the one being edited, which must not trigger a rebuild.
enum EditorDroppings {
    /// Whether a file or folder named `name` (one path component, not a path) is an editor's
    /// dropping or hidden: vim's swap files (`.x.md.swp`, `.swx`, `.swo`) and its probe `4913`,
    /// backups (`x.md~`), emacs autosaves (`#x.md#`), and every dot-file and dot-folder (`.git`,
    /// `.DS_Store`, emacs's lock links `.#x.md`). The watchers neither report such files nor look
    /// inside such folders; the build skips dot-names too.
    static func isDropping(_ name: String) -> Bool {
        if name.isEmpty || name.hasPrefix(".") || name.hasSuffix("~") || name == "4913" { return true }
        if name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix(".swo") { return true }
        if name.count >= 2, name.hasPrefix("#"), name.hasSuffix("#") { return true }
        return false
    }

    /// Whether any component of a `/`-separated relative path is a dropping.
    static func isDropping(path: String) -> Bool {
        path.split(separator: "/", omittingEmptySubsequences: false).contains { isDropping(String($0)) }
    }
}
