import Yams

/// Where each value of a YAML document is written, by path: `""` for the document, `slug`,
/// `tags[2]`, `navigation[1].link` (list positions count from 1).
///
/// Looked up in the composed node tree when asked: only errors and a few checks ask, so most
/// documents never pay for a table of every value's position.
struct ValueLocations: @unchecked Sendable {
    // Unchecked because Yams' `Node` is not Sendable: its tags are classes that resolve lazily.
    // The tree is never changed after composing, and lookups read only keys' text and marks,
    // never tags, so threads can share it.
    private let root: Node?
    private let file: String
    private let lineOffset: Int
    private let columnOffset: Int
    /// The YAML text, for where the text of a block scalar starts (its indentation is not in the tree).
    private let text: String

    /// For a document that was not read: every lookup misses.
    static let none = ValueLocations(root: nil, file: "", lineOffset: 0, columnOffset: 0, text: "")

    init(_ root: Node, source: YAMLSource) {
        self.init(root: root, file: source.file, lineOffset: source.lineOffset, columnOffset: source.columnOffset, text: source.text)
    }

    private init(root: Node?, file: String, lineOffset: Int, columnOffset: Int, text: String) {
        self.root = root
        self.file = file
        self.lineOffset = lineOffset
        self.columnOffset = columnOffset
        self.text = text
    }

    subscript(path: String) -> SourceLocation? {
        guard let root, let node = Self.lookUp(Substring(path), inMapping: root) else { return nil }
        let mark = node.mark
        return SourceLocation(file: file, line: lineOffset + (mark?.line ?? 1), column: columnOffset + (mark?.column ?? 1))
    }

    /// Where the text of the scalar at `path` starts in the file, for Markdown held in front matter:
    /// the file line of the text's first line, and the columns before its column 1. For a block
    /// scalar (`|`, `>`) that is the line after the indicator and the block's indentation; for a
    /// scalar on the key's line, its own line and column (after an opening quote).
    func textStart(of path: String) -> (line: Int, columnOffset: Int)? {
        guard let root, let node = Self.lookUp(Substring(path), inMapping: root), case let .scalar(scalar) = node,
              let mark = node.mark else { return nil }
        switch scalar.style {
        case .literal, .folded:
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(mark.line)
            let indent = lines.first { !$0.allSatisfy { $0 == " " || $0 == "\r" } }?.prefix { $0 == " " }.count ?? 0
            return (lineOffset + mark.line + 1, columnOffset + indent)
        case .singleQuoted, .doubleQuoted:
            return (lineOffset + mark.line, columnOffset + mark.column)
        default:
            return (lineOffset + mark.line, columnOffset + mark.column - 1)
        }
    }

    /// `path` within a node reached by a key (or the root): a key's name comes next, or nothing.
    private static func lookUp(_ path: Substring, inMapping node: Node) -> Node? {
        if path.isEmpty { return node }
        guard case let .mapping(mapping) = node else { return nil }
        // From the last pair, so that of two keys giving one path the later wins.
        for (key, value) in mapping.reversed() {
            guard case let .scalar(name) = key, path.hasPrefix(name.string) else { continue }
            let rest = path.dropFirst(name.string.count)
            let found: Node?
            switch rest.first {
            case nil: found = value
            case "."? where rest.count > 1: found = lookUp(rest.dropFirst(), inMapping: value)
            case "["?: found = lookUp(rest, inSequence: value)
            default: found = nil
            }
            if let found { return found }
        }
        return nil
    }

    /// `path` within a node reached by a list position: `[n]` comes next.
    private static func lookUp(_ path: Substring, inSequence node: Node) -> Node? {
        guard case let .sequence(items) = node, path.first == "[", let close = path.firstIndex(of: "]"),
              let position = Int(path[path.index(after: path.startIndex)..<close]), items.indices.contains(position - 1) else {
            return nil
        }
        let item = items[position - 1]
        let rest = path[path.index(after: close)...]
        switch rest.first {
        case nil: return item
        case "."? where rest.count > 1: return lookUp(rest.dropFirst(), inMapping: item)
        case "["?: return lookUp(rest, inSequence: item)
        default: return nil
        }
    }
}
