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

    /// Reads every key, as the synthesized `Decodable` init would through `CheckedDecoder` when
    /// gathering errors: a bad value is recorded in `errors` and the other keys are still read, so
    /// a page with several bad values reports them all. Nil when any was recorded.
    func frontMatter(errors: inout [DecodingError]) -> FrontMatter? {
        func read<T>(_ node: Node?, _ key: Key, _ value: (Node, [CodingKey]) throws(DecodingError) -> T) -> T? {
            do {
                return try YAMLValue.optional(node, at: [key], value)
            } catch {
                errors.append(error)
                return nil
            }
        }
        let title: String?
        do {
            title = try YAMLValue.required(self.title, key: Key.title, in: [], YAMLValue.string)
        } catch {
            errors.append(error)
            title = nil
        }
        var matter = FrontMatter(title: title ?? "")
        matter.date = read(date, .date, YAMLValue.day)
        matter.summary = read(summary, .summary, YAMLValue.string)
        matter.tags = read(tags, .tags) { node, path throws(DecodingError) in try YAMLValue.strings(node, at: path, errors: &errors) } ?? nil
        matter.draft = read(draft, .draft, YAMLValue.bool)
        matter.slug = read(slug, .slug, YAMLValue.string)
        matter.weight = read(weight, .weight, YAMLValue.int)
        matter.kind = read(kind, .kind, YAMLValue.keyword)
        matter.supersededBy = read(supersededBy, .supersededBy, YAMLValue.url)
        matter.source = read(source, .source, YAMLValue.url)
        return errors.isEmpty ? matter : nil
    }
}
