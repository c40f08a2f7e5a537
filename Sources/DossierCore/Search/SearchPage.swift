/// Where search lives in a site with `search: true`: the search page, its script (a theme file,
/// written only then) and which pages Pagefind indexes.
enum SearchPage {
    static let path = "search/"
    static let script = "\(TemplateSet.assetsFolder)/search.js"

    /// Whether the theme file at `path` belongs in a site: the script only with search on, so a
    /// site without search carries no script at all.
    static func includes(themeFile path: String, searchOn: Bool) -> Bool {
        searchOn || path != script
    }

    /// The pages worth finding: content pages, reports and indicator pages. Lists, the archive,
    /// the A–Z index and the search page itself would only repeat them.
    static func isIndexed(_ kind: PageKind) -> Bool {
        switch kind {
        case .page, .review, .highlight, .quarterly, .scorecard, .plan, .committee, .newsletter, .indicator: return true
        case .home, .section, .tag, .tags, .indicators, .actions, .archive, .notFound, .az, .search: return false
        }
    }
}
