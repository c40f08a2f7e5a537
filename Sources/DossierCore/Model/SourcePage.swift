/// A Markdown file after its front matter has been read: typed keys plus the body still as Markdown.
struct SourcePage: Sendable {
    let file: SourceFile
    let frontMatter: FrontMatter
    /// Where each front-matter value is written.
    let locations: ValueLocations
    /// The typed document's own data, when the page has a `kind`.
    var document: Document? = nil
    let body: String
    /// The file's line number of the body's first line, so Markdown positions map back to the file.
    let bodyFirstLine: Int
    /// Columns of the file before the body's column 1: 0 for a Markdown file's body, the
    /// indentation for Markdown held in a front-matter block scalar.
    var bodyColumnOffset = 0

    var isDraft: Bool { frontMatter.draft ?? false }

    /// How other documents name this one when it is a review: its slug, or its file name without `.md`.
    var reviewID: String { frontMatter.slug ?? String(file.fileName.dropLast(".md".count)) }

    func location(of key: String) -> SourceLocation {
        locations[key] ?? SourceLocation(file: file.path, line: 2, column: 1)
    }
}
