/// Builds the common part of every page's view model (`site`, `page`, lists, pagination), which
/// docs/templates.md documents name by name. Typed pages add `doc` beside it.
enum TemplateContext {
    /// What every page shows of the site, made once per build. Only the navigation's `current`
    /// differs from page to page.
    struct Site: Sendable {
        let view: SiteView
        let navigation: [ResolvedNavigationItem]
        let urls: SiteURLs
        /// `view` encoded once, without its navigation.
        private let encoded: [String: TemplateValue]

        init(view: SiteView, navigation: [ResolvedNavigationItem], urls: SiteURLs) {
            self.view = view
            self.navigation = navigation
            self.urls = urls
            guard case let .object(object) = TemplateEncoder.value(view) else { preconditionFailure("a site view is an object") }
            encoded = object.fields
        }

        /// The site's header navigation as one page sees it.
        func navigation(on page: String) -> [SiteView.NavigationItem] {
            navigation.prefix(SiteConfig.headerNavigationLimit).map { view(of: $0, on: page) }
        }

        /// The footer's links as one page sees them: what the header has no room for, then the
        /// archive and the tags unless the header links to them.
        func footerNavigation(on page: String) -> [SiteView.NavigationItem] {
            var items = navigation.dropFirst(SiteConfig.headerNavigationLimit).map { view(of: $0, on: page) }
            let targets = Set(navigation.map(\.target))
            for (title, target) in [("Archive", "\(SiteGraph.archiveFolder)/"), ("Tags", "\(SiteGraph.tagsFolder)/")] {
                let present = target.hasPrefix(SiteGraph.archiveFolder) ? view.archiveURL != nil : view.tagsURL != nil
                guard present, !targets.contains(target) else { continue }
                items.append(self.view(of: ResolvedNavigationItem(title: title, target: target, isExternal: false), on: page))
            }
            return items
        }

        private func view(of item: ResolvedNavigationItem, on page: String) -> SiteView.NavigationItem {
            let current = !item.isExternal && (item.target == page || (!item.target.isEmpty && page.hasPrefix(item.target)))
            return SiteView.NavigationItem(title: item.title, url: item.isExternal ? item.target : urls.href(item.target),
                                           current: current, external: item.isExternal)
        }

        /// The site as one page sees it, encoded: only the navigation is encoded anew.
        func encoded(on page: String?) -> Encoded<SiteView> {
            var fields = encoded
            fields["navigation"] = TemplateEncoder.value(page.map(navigation(on:)) ?? [])
            fields["footerNavigation"] = TemplateEncoder.value(page.map(footerNavigation(on:)) ?? [])
            return Encoded(value: .object(TemplateValue.Object(fields)))
        }
    }

    static func site(graph: SiteGraph, urls: SiteURLs, buildDate: Day, generator: String) -> Site {
        let config = graph.config
        let brand = SiteView.Brand(name: config.brand.name ?? config.title, colour: config.brand.colour.hex,
                                   textColour: config.brand.colour.textColour,
                                   logoURL: config.brand.logo.flatMap(ContentPath.normalise).map(urls.href))
        return Site(view: SiteView(
            title: config.title, cssTitle: CSSString.escape(config.title), organisation: config.organisation, brand: brand, language: config.language, url: urls.href(""),
            stylesheet: urls.href("\(TemplateSet.assetsFolder)/dossier.css"), generator: generator, buildDate: DateView(buildDate),
            tagsURL: graph.tags.isEmpty ? nil : urls.href("\(SiteGraph.tagsFolder)/"),
            hasNavigation: !graph.navigation.isEmpty,
            feedURL: graph.reports.isEmpty ? nil : urls.href(Feeds.fileName),
            archiveURL: graph.reports.isEmpty ? nil : urls.href("\(SiteGraph.archiveFolder)/"),
            indexURL: urls.href(AZIndex.path()),
            search: config.search ? SiteSearchView(url: urls.href(SearchPage.path), script: urls.href(SearchPage.script),
                                                   bundle: urls.href(Pagefind.bundleFolder + "/")) : nil,
            navigation: [], footerNavigation: []), navigation: graph.navigation, urls: urls)
    }

    /// What a page is, before it becomes a view: the renderer fills in what the page has.
    struct Page {
        var kind: PageKind
        var title: String
        var urlPath: String
        var summary: String? = nil
        var date: Day? = nil
        var content: String = ""
        var tags: [TagReference] = []
        var headings: [Heading] = []
        var kindTitle: String? = nil
        /// The way here from the home page, as (title, site path), not including this page.
        var breadcrumbs: [(title: String, path: String)] = []
        var previous: (title: String, path: String)? = nil
        var next: (title: String, path: String)? = nil
        var supersededBy: (title: String, path: String)? = nil
        /// The original document (`source:`), as (file name, site path).
        var source: (title: String, path: String)? = nil
        /// The section's own feed, when it has one.
        var feedPath: String? = nil
        /// Page `current` of `count` of a section's list.
        var pagination: (current: Int, count: Int, path: (Int) -> String)? = nil
        /// Its Pagefind filters, when it is indexed.
        var search: PageSearchView? = nil
        /// Its PDF, when the build prints one.
        var pdf: PagePDFView? = nil
    }

    static func make(site: Site, page: Page, pages: [Encoded<ListEntryView>] = [], sections: [SectionSummaryView] = [],
                     tags: [TagSummaryView] = []) -> PageContext {
        let urls = site.urls
        let link = { (target: (title: String, path: String)?) in target.map { LinkView(title: $0.title, url: urls.href($0.path)) } }
        let tagLinks = page.tags.map { tagLink($0, urls) }
        let view = PageView(
            title: page.title, summary: page.summary, url: urls.href(page.urlPath), content: page.content, kind: page.kind.template,
            kindTitle: page.kindTitle, isHome: page.kind == .home, isSection: page.kind == .section,
            isTag: page.kind == .tag, isTagIndex: page.kind == .tags, date: page.date.map(DateView.init),
            tags: tagLinks, hasTags: !tagLinks.isEmpty,
            headings: page.headings.map { PageView.HeadingView(level: $0.level, text: $0.text, id: $0.id) },
            sections: page.headings.filter { $0.level == 2 }.map { PageView.HeadingView(level: $0.level, text: $0.text, id: $0.id) },
            cssTitle: CSSString.escape(page.title),
            absoluteURL: page.kind == .notFound ? nil : urls.absolute(page.urlPath),
            feedURL: page.feedPath.map { urls.href($0) },
            previous: link(page.previous), next: link(page.next), supersededBy: link(page.supersededBy),
            source: link(page.source), search: page.search, pdf: page.pdf)
        return PageContext(
            site: site.encoded(on: page.urlPath), page: view,
            breadcrumbs: page.breadcrumbs.map { LinkView(title: $0.title, url: urls.href($0.path)) },
            hasBreadcrumbs: !page.breadcrumbs.isEmpty, pagination: pagination(page.pagination, urls),
            pages: pages, hasPages: !pages.isEmpty, sections: sections, hasSections: !sections.isEmpty,
            tags: tags, hasTags: !tags.isEmpty)
    }

    /// A page as lists show it.
    static func listed(_ page: SitePage, in graph: SiteGraph, urls: SiteURLs) -> ListedPageView {
        let tagLinks = page.tags.map { tagLink($0, urls) }
        return ListedPageView(
            title: page.title, url: urls.href(page.urlPath), summary: page.summary, date: page.date.map(DateView.init),
            tags: tagLinks, hasTags: !tagLinks.isEmpty,
            section: graph.sections[page.source.file.folder].map { LinkView(title: $0.title, url: urls.href($0.urlPath)) })
    }

    static func sectionSummary(_ section: SiteSection, urls: SiteURLs) -> SectionSummaryView {
        SectionSummaryView(title: section.title, url: urls.href(section.urlPath), summary: section.index?.frontMatter.summary,
                           count: section.pages.count)
    }

    static func tagSummary(_ tag: SiteTag, urls: SiteURLs) -> TagSummaryView {
        TagSummaryView(name: tag.reference.name, url: urls.href(tag.reference.urlPath), count: tag.pages.count)
    }

    /// How many pages either side of the current one the pagination bar links to. The first and
    /// the last page are always linked, so every page is a few steps from any other, and a list of
    /// N pages costs O(1) links per page, not O(N).
    static let paginationWindow = 2

    /// The page numbers the bar shows: the first, the last, and a window around the current one.
    static func paginationNumbers(current: Int, count: Int) -> [Int] {
        let low = max(1, current - paginationWindow), high = min(count, current + paginationWindow)
        var numbers = [1] + Array(low...high) + [count]
        numbers = numbers.filter { (1...count).contains($0) }
        return Array(Set(numbers)).sorted()
    }

    private static func pagination(_ pages: (current: Int, count: Int, path: (Int) -> String)?, _ urls: SiteURLs) -> PaginationView? {
        guard let pages, pages.count > 1 else { return nil }
        let numbers = paginationNumbers(current: pages.current, count: pages.count)
        return PaginationView(
            current: pages.current, count: pages.count,
            previous: pages.current > 1 ? urls.href(pages.path(pages.current - 1)) : nil,
            next: pages.current < pages.count ? urls.href(pages.path(pages.current + 1)) : nil,
            pages: zip([0] + numbers, numbers).map { previous, number in
                PaginationView.Entry(number: number, url: urls.href(pages.path(number)), current: number == pages.current,
                                     gap: number > previous + 1 && previous > 0)
            })
    }

    private static func tagLink(_ tag: TagReference, _ urls: SiteURLs) -> TagLinkView {
        TagLinkView(name: tag.name, url: urls.href(tag.urlPath))
    }
}
