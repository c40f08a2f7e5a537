import Yams

/// The value node of each common front-matter key, gathered in one pass over the page's mapping;
/// `frontMatter()` reads the values.
///
/// Every page goes through here, so it skips the costs of decoding `FrontMatter` through
/// `YAMLDecoder`: Codable containers, and for each key up to three `Node.Mapping` lookups (each
/// builds a key node, resolves its tag and scans the pairs). The values, and the errors, are the
/// decoder's: see `YAMLValue`.
struct FrontMatterFields {
    typealias Key = FrontMatter.CodingKeys

    private(set) var title, date, summary, tags, draft, slug, weight, kind, supersededBy, source: Node?
    /// Whether the mapping holds any key besides these: only then can a key be unknown.
    private(set) var hasOtherKeys = false

    /// Keys match as the decoder matches them: by their text, when they are plain strings (a key
    /// tagged otherwise, `!!int title`, is not `title`). The decoder alone would also expand a key
    /// tagged `!!merge`; `<<` is an unknown key in front matter, reported either way.
    init(_ node: Node) {
        guard case let .mapping(mapping) = node else { return }
        for (key, value) in mapping {
            guard case let .scalar(name) = key, let field = Key(rawValue: name.string), key.tag.rawValue == Self.plainString else {
                hasOtherKeys = true
                continue
            }
            switch field {
            case .title: title = value
            case .date: date = value
            case .summary: summary = value
            case .tags: tags = value
            case .draft: draft = value
            case .slug: slug = value
            case .weight: weight = value
            case .kind: kind = value
            case .supersededBy: supersededBy = value
            case .source: source = value
            }
        }
    }

    private static let plainString = Tag.Name.str.rawValue

    /// Reads the keys in the order the synthesized `Decodable` init does, so a page with several
    /// bad values reports the same (first) one.
    func frontMatter() throws(DecodingError) -> FrontMatter {
        var matter = FrontMatter(title: try YAMLValue.required(title, key: Key.title, in: [], YAMLValue.string))
        matter.date = try YAMLValue.optional(date, at: [Key.date], YAMLValue.day)
        matter.summary = try YAMLValue.optional(summary, at: [Key.summary], YAMLValue.string)
        matter.tags = try YAMLValue.optional(tags, at: [Key.tags], YAMLValue.strings)
        matter.draft = try YAMLValue.optional(draft, at: [Key.draft], YAMLValue.bool)
        matter.slug = try YAMLValue.optional(slug, at: [Key.slug], YAMLValue.string)
        matter.weight = try YAMLValue.optional(weight, at: [Key.weight], YAMLValue.int)
        matter.kind = try YAMLValue.optional(kind, at: [Key.kind], YAMLValue.keyword)
        matter.supersededBy = try YAMLValue.optional(supersededBy, at: [Key.supersededBy], YAMLValue.url)
        matter.source = try YAMLValue.optional(source, at: [Key.source], YAMLValue.url)
        return matter
    }
}
