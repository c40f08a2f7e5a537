/// YAML written line by line, each line with an optional comment; the comments are lined up when
/// rendered. What `dossier new` and `dossier init` write their commented files with.
struct CommentedYAML {
    private var lines: [(text: String, comment: String?)] = []

    /// A line of YAML, with the comment shown after it.
    mutating func add(_ text: String, _ comment: String? = nil) { lines.append((text, comment)) }
    /// A line that is only a comment.
    mutating func comment(_ text: String) { lines.append(("# " + text, nil)) }

    func render() -> String {
        let width = min(44, lines.filter { $0.comment != nil }.map(\.text.count).max() ?? 0)
        return lines.map { line in
            guard let comment = line.comment else { return line.text + "\n" }
            let padding = String(repeating: " ", count: max(2, width + 2 - line.text.count))
            return line.text + padding + "# " + comment + "\n"
        }.joined()
    }
}
