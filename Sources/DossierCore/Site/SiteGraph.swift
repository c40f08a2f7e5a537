/// A published page with its place in the site.
struct SitePage: Sendable {
    let source: SourcePage
    /// Path from the site's base, ending in `/`: `reports/2006-q3/`.
    let urlPath: String
    let tags: [TagReference]

    var title: String { source.frontMatter.title }
    var date: Day? { source.frontMatter.date }
    var summary: String? { source.frontMatter.summary }
    var outputPath: String { urlPath + "index.html" }
}

struct TagReference: Sendable, Hashable {
    let name: String
    let slug: String
    var urlPath: String { "\(SiteGraph.tagsFolder)/\(slug)/" }
}

/// A folder of content: a list page of its pages and sub-folders. The top folder is the home page.
struct SiteSection: Sendable {
    /// Folder inside `content/`, "" for the home page.
    let folder: String
    let title: String
    /// The folder's `_index.md`, which gives the title and the introduction.
    let index: SourcePage?
    /// Indices into `SiteGraph.pages`, in list order.
    var pages: [Int]
    /// Folders of the sections directly inside this one, sorted.
    var subsections: [String]

    var urlPath: String { folder.isEmpty ? "" : folder + "/" }
    var outputPath: String { urlPath + "index.html" }
    var isHome: Bool { folder.isEmpty }
}

struct SiteTag: Sendable {
    let reference: TagReference
    /// Indices into `SiteGraph.pages`, in list order.
    let pages: [Int]
}

struct ResolvedNavigationItem: Sendable {
    let title: String
    /// A site path (`reports/`) or, for an external link, the absolute URL.
    let target: String
    let isExternal: Bool
}

/// Everything the renderer needs: pages with their URLs, sections, tags, files to copy, navigation.
struct SiteGraph: Sendable {
    static let tagsFolder = "tags"
    static let indicatorsFolder = "indicators"
    static let actionsFolder = "actions"

    let config: SiteConfig
    let pages: [SitePage]
    /// Keyed by folder; the home page is "".
    let sections: [String: SiteSection]
    let tags: [SiteTag]
    let assets: [SourceFile]
    let navigation: [ResolvedNavigationItem]
    /// Published pages by their path inside `content/`.
    let pageIndex: [String: Int]
    /// Drafts left out of this build.
    let drafts: Set<String>
    /// Markdown files that had errors; links to them are not reported again.
    let failed: Set<String>
    /// Copied files by their path inside `content/`.
    let assetPaths: Set<String>
    let registry: IndicatorRegistry
    /// Published reviews by id, as indices into `pages`.
    let reviews: [String: Int]
    /// The published documents naming each review, oldest first.
    let reviewDocuments: [String: [Int]]
    /// Published quarterly reports, in period order.
    let quarterlies: [Int]
    /// Whether any plan or scorecard lists actions, so the action tracker is written.
    let hasActions: Bool

    var home: SiteSection { sections[""]! }
    var hasIndicators: Bool { !registry.indicators.isEmpty }

    /// Pages Dossier makes itself, beside the content: the indicators and the action tracker.
    var generatedFolders: [String] {
        (hasIndicators ? [Self.indicatorsFolder] : []) + (hasActions ? [Self.actionsFolder] : [])
    }
    var sortedSections: [SiteSection] { sections.keys.sorted().map { sections[$0]! } }
}
