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

    /// A tag written like a slug (`customer-satisfaction`) is shown as words ("Customer
    /// satisfaction"); one with a capital or a space is shown as its author wrote it.
    static func displayName(of written: String) -> String {
        guard !written.contains(" "), written == written.lowercased() else { return written }
        let words = written.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
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

/// Everything the renderer needs: pages with their URLs, sections, tags, files to copy, navigation,
/// and the relations between reports (series, supersession, reviews).
struct SiteGraph: Sendable {
    static let tagsFolder = "tags"
    static let indicatorsFolder = "indicators"
    static let actionsFolder = "actions"
    static let archiveFolder = "archive"

    let config: SiteConfig
    let pages: [SitePage]
    /// Keyed by folder; the home page is "".
    let sections: [String: SiteSection]
    let tags: [SiteTag]
    let assets: [SourceFile]
    /// Published pages by their path inside `content/`.
    let pageIndex: [String: Int]
    /// Copied files by their path inside `content/`.
    let assetPaths: Set<String>
    let registry: IndicatorRegistry
    /// Where each indicator's `id:` is written in content/indicators.yaml.
    var indicatorLocations: [String: SourceLocation] = [:]
    var navigation: [ResolvedNavigationItem] = []
    /// Drafts left out of this build.
    var drafts: Set<String> = []
    /// Pages dated after the build date, left out of this build, with their dates.
    var future: [String: Day] = [:]
    /// Markdown files that had errors; links to them are not reported again.
    var failed: Set<String> = []
    /// Published reviews by id, as indices into `pages`.
    var reviews: [String: Int] = [:]
    /// The published documents naming each review, oldest first.
    var reviewDocuments: [String: [Int]] = [:]
    /// Published quarterly reports, in period order.
    var quarterlies: [Int] = []
    /// Whether any plan or scorecard lists actions, so the action tracker is written.
    var hasActions = false
    /// Page → the page that replaces it (`superseded_by`).
    var supersededBy: [Int: Int] = [:]
    /// Page → the copied file its `source:` names, by its path inside `content/`.
    var sources: [Int: String] = [:]
    /// Page → the reports before and after it in its series (quarterly reports; one review's highlight reports).
    var previous: [Int: Int] = [:]
    var next: [Int: Int] = [:]

    init(config: SiteConfig, pages: [SitePage], sections: [String: SiteSection], tags: [SiteTag], assets: [SourceFile],
         pageIndex: [String: Int], registry: IndicatorRegistry) {
        self.config = config
        self.pages = pages
        self.sections = sections
        self.tags = tags
        self.assets = assets
        self.pageIndex = pageIndex
        self.assetPaths = Set(assets.map(\.contentPath))
        self.registry = registry
    }

    var home: SiteSection { sections[""]! }
    var hasIndicators: Bool { !registry.indicators.isEmpty }

    /// Where indicator `id` is defined: its `id:` value, or the registry file if that is not known.
    func location(ofIndicator id: String) -> SourceLocation {
        indicatorLocations[id] ?? SourceLocation(file: "\(SourceFile.contentFolder)/\(IndicatorRegistry.fileName)")
    }
    /// Dated pages other than newsletters: the reports the archive, the feeds and the dashboard are about.
    var reports: [Int] { pages.indices.filter { Self.isReport(pages[$0]) } }

    static func isReport(_ page: SitePage) -> Bool { page.date != nil && page.source.frontMatter.kind != .newsletter }

    /// Pages Dossier makes itself, beside the content: the indicators, the action tracker, the archive.
    var generatedFolders: [String] {
        (hasIndicators ? [Self.indicatorsFolder] : []) + (hasActions ? [Self.actionsFolder] : [])
            + (reports.isEmpty ? [] : [Self.archiveFolder])
    }
    var sortedSections: [SiteSection] { sections.keys.sorted().map { sections[$0]! } }

    /// How many list pages a section has at the site's page size.
    func listPageCount(_ section: SiteSection) -> Int {
        max(1, (section.pages.count + config.pageSize - 1) / max(1, config.pageSize))
    }

    /// The site path of page `number` (from 1) of a section's list: `reports/`, `reports/page/2/`.
    static func listPagePath(_ section: SiteSection, _ number: Int) -> String {
        number == 1 ? section.urlPath : "\(section.urlPath)page/\(number)/"
    }
}
