/// The keys every page may set in its front matter.
public struct FrontMatter: StrictDecodable, Equatable, Sendable {
    public var title: String
    public var date: Day?
    public var summary: String?
    public var tags: [String]?
    public var draft: Bool?
    public var slug: String?
    public var weight: Int?
    /// A typed document's kind; nil for a plain page.
    public var kind: DocumentKind?
    /// A newer report that replaces this one: a relative path to its Markdown file.
    public var supersededBy: String?
    /// The document the page was made from (a Word file, by `dossier import`): a relative path to a
    /// file in `content/`, copied unchanged and linked from the page.
    public var source: String?

    public init(title: String, date: Day? = nil, summary: String? = nil, tags: [String]? = nil,
                draft: Bool? = nil, slug: String? = nil, weight: Int? = nil, kind: DocumentKind? = nil) {
        self.title = title
        self.date = date
        self.summary = summary
        self.tags = tags
        self.draft = draft
        self.slug = slug
        self.weight = weight
        self.kind = kind
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, date, summary, tags, draft, slug, weight, kind
        case supersededBy = "superseded_by"
        case source
    }

    static let keySchema = KeySchema(CodingKeys.self)
}
