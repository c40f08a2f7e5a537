import Foundation

/// The data every template gets, built as `TemplateObject`s following `TemplateContext.shape`, which docs/templates.md documents name by name.
/// An absent optional value is `NSNull`: false in a section, empty as a variable, and it stops
/// Mustache from looking the name up in an outer scope.
enum TemplateContext {
    private static let date: TemplateShape = .object(["iso": .value, "long": .value])
    private static let link: TemplateShape = .object(["name": .value, "url": .value])
    private static let pageLink: TemplateShape = .object(["title": .value, "url": .value])
    private static let summaryFields: [String: TemplateShape] = [
        "title": .value, "url": .value, "summary": .value, "date": date, "tags": .list(link), "hasTags": .value,
        "section": .object(["title": .value, "url": .value]),
    ]
    private static let site: TemplateShape = .object([
        "title": .value, "organisation": .value, "language": .value, "url": .value, "stylesheet": .value,
        "generator": .value, "buildDate": date, "tagsURL": .value, "hasNavigation": .value, "feedURL": .value, "archiveURL": .value,
        "navigation": .list(.object(["title": .value, "url": .value, "current": .value, "external": .value])),
    ])

    /// What `list-item.mustache` gets: one page, rendered once and reused by every list it is in.
    static let listItemShape: TemplateShape = .object(["site": site, "item": .object(summaryFields)])

    /// The data of a page rendered with `template`: the common names, plus `doc` for typed documents
    /// and the pages made from them.
    static func shape(for template: String) -> TemplateShape {
        guard let kind = DocumentContext.Template(rawValue: template), case let .object(fields) = shape else { return shape }
        return .object(fields.merging(["doc": DocumentContext.shape(for: kind)]) { a, _ in a })
    }

    static let shape: TemplateShape = .object([
        "site": site,
        "page": .object([
            "title": .value, "summary": .value, "url": .value, "content": .value, "kind": .value, "kindTitle": .value,
            "isHome": .value, "isSection": .value, "isTag": .value, "isTagIndex": .value, "date": date,
            "tags": .list(link), "hasTags": .value, "absoluteURL": .value, "feedURL": .value,
            "headings": .list(.object(["level": .value, "text": .value, "id": .value])),
            "previous": pageLink, "next": pageLink, "supersededBy": pageLink,
        ]),
        "breadcrumbs": .list(pageLink), "hasBreadcrumbs": .value,
        "pagination": .object(["current": .value, "count": .value, "previous": .value, "next": .value,
                               "pages": .list(.object(["number": .value, "url": .value, "current": .value]))]),
        // `html` is the page as `list-item.mustache` rendered it.
        "pages": .list(.object(summaryFields.merging(["html": .value]) { a, _ in a })), "hasPages": .value,
        "sections": .list(.object(["title": .value, "url": .value, "summary": .value, "count": .value])),
        "hasSections": .value,
        "tags": .list(.object(["name": .value, "url": .value, "count": .value])), "hasTags": .value,
    ])

    /// Which template renders a page.
    enum Kind: String {
        case home, page, section, tag, tags
        case review, highlight, quarterly, scorecard, plan, committee, newsletter, indicator, indicators, actions, archive
        case notFound = "404"

        init(_ document: DocumentKind) { self.init(rawValue: document.rawValue)! }
    }

    /// The parts of the context that are the same on every page.
    struct SiteData: @unchecked Sendable {
        let fields: [String: Any]
        let navigation: [ResolvedNavigationItem]
        let urls: SiteURLs
    }

    static func siteData(graph: SiteGraph, urls: SiteURLs, buildDate: Day, generator: String) -> SiteData {
        let config = graph.config
        return SiteData(fields: [
            "title": config.title,
            "organisation": config.organisation ?? NSNull(),
            "language": config.language,
            "url": urls.href(""),
            "stylesheet": urls.href("\(TemplateSet.assetsFolder)/dossier.css"),
            "generator": generator,
            "buildDate": date(buildDate),
            "tagsURL": graph.tags.isEmpty ? NSNull() : urls.href("\(SiteGraph.tagsFolder)/"),
            "hasNavigation": !graph.navigation.isEmpty || !graph.tags.isEmpty,
            "feedURL": graph.reports.isEmpty ? NSNull() : urls.href(Feeds.fileName),
            "archiveURL": graph.reports.isEmpty ? NSNull() : urls.href("\(SiteGraph.archiveFolder)/"),
        ], navigation: graph.navigation, urls: urls)
    }

    struct PageData {
        var kind: Kind
        var title: String
        var urlPath: String
        var summary: String? = nil
        var date: Day? = nil
        var content: String = ""
        var tags: [TagReference] = []
        var headings: [Heading] = []
        /// "Quarterly performance report" for a typed document.
        var kindTitle: String? = nil
        /// The way here from the home page, as (title, site path), not including this page.
        var breadcrumbs: [(title: String, path: String)] = []
        var previous: (title: String, path: String)? = nil
        var next: (title: String, path: String)? = nil
        var supersededBy: (title: String, path: String)? = nil
        /// The section's own feed, when it has one.
        var feedPath: String? = nil
        /// Page `current` of `count` of a section's list.
        var pagination: (current: Int, count: Int, path: (Int) -> String)? = nil
    }

    static func make(site: SiteData, page: PageData, pages: [TemplateObject] = [],
                     sections: [TemplateObject] = [], tags: [TemplateObject] = [], doc: TemplateObject? = nil) -> TemplateObject {
        var siteFields = site.fields
        siteFields["navigation"] = site.navigation.map { item -> TemplateObject in
            let current = !item.isExternal && (item.target == page.urlPath || (!item.target.isEmpty && page.urlPath.hasPrefix(item.target)))
            return TemplateObject(["title": item.title, "url": item.isExternal ? item.target : site.urls.href(item.target),
                                   "current": current, "external": item.isExternal])
        }
        let tagLinks = page.tags.map { link($0, site.urls) }
        var fields: [String: Any] = [
            "site": TemplateObject(siteFields),
            "page": TemplateObject([
                "title": page.title, "summary": page.summary ?? NSNull(), "url": site.urls.href(page.urlPath),
                "content": page.content, "kind": page.kind.rawValue, "kindTitle": page.kindTitle ?? NSNull(),
                "isHome": page.kind == .home, "isSection": page.kind == .section,
                "isTag": page.kind == .tag, "isTagIndex": page.kind == .tags,
                "date": page.date.map(date) ?? NSNull(), "tags": tagLinks, "hasTags": !tagLinks.isEmpty,
                "headings": page.headings.map { TemplateObject(["level": $0.level, "text": $0.text, "id": $0.id]) },
                "absoluteURL": page.kind == .notFound ? NSNull() : site.urls.absolute(page.urlPath),
                "feedURL": page.feedPath.map { site.urls.href($0) } ?? NSNull(),
                "previous": link(page.previous, site.urls), "next": link(page.next, site.urls),
                "supersededBy": link(page.supersededBy, site.urls),
            ]),
            "breadcrumbs": page.breadcrumbs.map { link($0, site.urls) }, "hasBreadcrumbs": !page.breadcrumbs.isEmpty,
            "pagination": pagination(page.pagination, site.urls),
            "pages": pages, "hasPages": !pages.isEmpty,
            "sections": sections, "hasSections": !sections.isEmpty,
            "tags": tags, "hasTags": !tags.isEmpty,
        ]
        if let doc { fields["doc"] = doc }
        return TemplateObject(fields)
    }

    /// A page as lists show it, with its `list-item.mustache` rendering.
    static func listedPage(_ page: SitePage, in graph: SiteGraph, site: SiteData, templates: TemplateSet) -> TemplateObject {
        var fields = summary(of: page, in: graph, urls: site.urls)
        let siteFields = site.fields.merging(["navigation": [TemplateObject]()]) { _, new in new }
        let item = TemplateObject(["site": TemplateObject(siteFields), "item": TemplateObject(fields)])
        fields["html"] = templates.render(item, with: TemplateSet.listItemTemplate)
        return TemplateObject(fields)
    }

    private static func summary(of page: SitePage, in graph: SiteGraph, urls: SiteURLs) -> [String: Any] {
        let tagLinks = page.tags.map { link($0, urls) }
        let section = graph.sections[page.source.file.folder]
        return [
            "title": page.title, "url": urls.href(page.urlPath), "summary": page.summary ?? NSNull(),
            "date": page.date.map(date) ?? NSNull(), "tags": tagLinks, "hasTags": !tagLinks.isEmpty,
            "section": section.map { TemplateObject(["title": $0.title, "url": urls.href($0.urlPath)]) } ?? NSNull(),
        ]
    }

    static func sectionSummary(_ section: SiteSection, urls: SiteURLs) -> TemplateObject {
        TemplateObject(["title": section.title, "url": urls.href(section.urlPath),
                        "summary": section.index?.frontMatter.summary ?? NSNull(), "count": section.pages.count])
    }

    static func tagSummary(_ tag: SiteTag, urls: SiteURLs) -> TemplateObject {
        TemplateObject(["name": tag.reference.name, "url": urls.href(tag.reference.urlPath), "count": tag.pages.count])
    }

    private static func link(_ target: (title: String, path: String)?, _ urls: SiteURLs) -> Any {
        target.map { TemplateObject(["title": $0.title, "url": urls.href($0.path)]) } ?? NSNull()
    }

    private static func pagination(_ pages: (current: Int, count: Int, path: (Int) -> String)?, _ urls: SiteURLs) -> Any {
        guard let pages, pages.count > 1 else { return NSNull() }
        return TemplateObject([
            "current": pages.current, "count": pages.count,
            "previous": pages.current > 1 ? urls.href(pages.path(pages.current - 1)) : NSNull(),
            "next": pages.current < pages.count ? urls.href(pages.path(pages.current + 1)) : NSNull(),
            "pages": (1...pages.count).map { number in
                TemplateObject(["number": number, "url": urls.href(pages.path(number)), "current": number == pages.current])
            },
        ])
    }

    private static func link(_ tag: TagReference, _ urls: SiteURLs) -> TemplateObject {
        TemplateObject(["name": tag.name, "url": urls.href(tag.urlPath)])
    }

    private static func date(_ day: Day) -> TemplateObject {
        TemplateObject(["iso": day.iso, "long": day.long])
    }
}
