/// `site.search`, on every page of a site with search on: where the search page, its script and
/// Pagefind's index are.
struct SiteSearchView: Codable, Sendable, Equatable {
    /// The search page.
    let url: String
    let script: String
    /// The folder of Pagefind's bundle (`pagefind.js`), ending in `/`.
    let bundle: String
}

/// `page.search`, on the pages that are indexed: the Pagefind filters and metadata of the page.
struct PageSearchView: Codable, Sendable, Equatable {
    /// "Quarterly performance report", "Page", "Indicator".
    let kind: String
    /// Financial years, `2006/07`.
    let years: [String]
    /// "Target missed", "Overdue" …
    let statuses: [String]
    let date: DateView?
}
