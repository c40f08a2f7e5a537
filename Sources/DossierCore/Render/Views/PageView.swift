/// The page being rendered (`page.*`): its title, address, body and place in the site.
struct PageView: Codable, Sendable, Equatable {
    struct HeadingView: Codable, Sendable, Equatable {
        let level: Int
        let text: String
        let id: String
    }

    var title: String
    var summary: String?
    var url: String
    /// The body as HTML.
    var content: String
    /// The template's name: `page`, `quarterly`, `404` …
    var kind: String
    /// "Quarterly performance report" for a typed document.
    var kindTitle: String?
    var isHome: Bool
    var isSection: Bool
    var isTag: Bool
    var isTagIndex: Bool
    var date: DateView?
    var tags: [TagLinkView]
    var hasTags: Bool
    var headings: [HeadingView]
    /// The body's level-2 headings, for a contents list beside the document's own sections.
    var sections: [HeadingView]
    /// The title escaped for a CSS string (`content: "…"` in an `@page` rule): only letters,
    /// digits and spaces are left as they are, so it is safe inside a `<style>` element.
    var cssTitle: String
    var absoluteURL: String?
    /// The section's own feed, on a section's list.
    var feedURL: String?
    var previous: LinkView?
    var next: LinkView?
    var supersededBy: LinkView?
    /// The original document the page was made from: its file name and address.
    var source: LinkView?
    /// What search knows of the page, when the site has search and indexes this page.
    var search: PageSearchView?
    /// The report's PDF, when the build prints them.
    var pdf: PagePDFView?
}

/// `page.pdf`: the report's `report.pdf`. Its page count and size are known only after the page
/// is printed, so the template writes `<!--dossier:pdf-facts-->` inside the link and the build
/// fills it in.
struct PagePDFView: Codable, Sendable, Equatable {
    let url: String
}

/// Page `current` of `count` of a section's list, with links to a window of pages around it.
struct PaginationView: Codable, Sendable, Equatable {
    struct Entry: Codable, Sendable, Equatable {
        let number: Int
        let url: String
        let current: Bool
        /// Pages between this one and the previous entry are not linked (show an ellipsis).
        let gap: Bool
    }

    let current: Int
    let count: Int
    let previous: String?
    let next: String?
    let pages: [Entry]
}

/// A page as lists show it.
struct ListedPageView: Codable, Sendable, Equatable {
    let title: String
    let url: String
    let summary: String?
    let date: DateView?
    let tags: [TagLinkView]
    let hasTags: Bool
    let section: LinkView?
}

/// A listed page with its `list-item.mustache` rendering (`pages[].html`), rendered once and
/// reused by every list the page is in. Templates see the page's fields and `html` side by side.
struct ListEntryView: Codable, Sendable, Equatable {
    let page: ListedPageView
    let html: String

    init(_ page: ListedPageView, html: String) {
        self.page = page
        self.html = html
    }

    private enum CodingKeys: String, CodingKey { case html }

    init(from decoder: Decoder) throws {
        page = try ListedPageView(from: decoder)
        html = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .html)
    }

    func encode(to encoder: Encoder) throws {
        try page.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(html, forKey: .html)
    }
}

struct SectionSummaryView: Codable, Sendable, Equatable {
    let title: String
    let url: String
    let summary: String?
    let count: Int
}

struct TagSummaryView: Codable, Sendable, Equatable {
    let name: String
    let url: String
    let count: Int
}

/// What `list-item.mustache` gets.
struct ListItemContext: Codable, Sendable, Equatable {
    let site: Encoded<SiteView>
    let item: ListedPageView
}

/// What every page template gets; typed pages add `doc` (see `PageKind.docShape`).
struct PageContext: Codable, Sendable, Equatable {
    var site: Encoded<SiteView>
    var page: PageView
    var breadcrumbs: [LinkView]
    var hasBreadcrumbs: Bool
    var pagination: PaginationView?
    var pages: [Encoded<ListEntryView>]
    var hasPages: Bool
    var sections: [SectionSummaryView]
    var hasSections: Bool
    var tags: [TagSummaryView]
    var hasTags: Bool
}
