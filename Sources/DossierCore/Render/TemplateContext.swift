import Foundation

/// The data every template gets, built as dictionaries (fast for swift-mustache to look up)
/// following `TemplateContext.shape`, which docs/templates.md documents name by name.
/// An absent optional value is `NSNull`: false in a section, empty as a variable, and it stops
/// Mustache from looking the name up in an outer scope.
enum TemplateContext {
    private static let date: TemplateShape = .object(["iso": .value, "long": .value])
    private static let link: TemplateShape = .object(["name": .value, "url": .value])
    private static let summary: TemplateShape = .object([
        "title": .value, "url": .value, "summary": .value, "date": date, "tags": .list(link), "hasTags": .value,
        "section": .object(["title": .value, "url": .value]),
    ])

    static let shape: TemplateShape = .object([
        "site": .object([
            "title": .value, "organisation": .value, "language": .value, "url": .value, "stylesheet": .value,
            "generator": .value, "buildDate": date, "tagsURL": .value,
            "navigation": .list(.object(["title": .value, "url": .value, "current": .value, "external": .value])),
        ]),
        "page": .object([
            "title": .value, "summary": .value, "url": .value, "content": .value, "kind": .value,
            "isHome": .value, "isSection": .value, "isTag": .value, "isTagIndex": .value, "date": date,
            "tags": .list(link), "hasTags": .value,
            "headings": .list(.object(["level": .value, "text": .value, "id": .value])),
        ]),
        "pages": .list(summary), "hasPages": .value,
        "sections": .list(.object(["title": .value, "url": .value, "summary": .value, "count": .value])),
        "hasSections": .value,
        "tags": .list(.object(["name": .value, "url": .value, "count": .value])), "hasTags": .value,
    ])

    enum Kind: String {
        case home, page, section, tag, tags
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
    }

    static func make(site: SiteData, page: PageData, pages: [[String: Any]] = [],
                     sections: [[String: Any]] = [], tags: [[String: Any]] = []) -> [String: Any] {
        var siteFields = site.fields
        siteFields["navigation"] = site.navigation.map { item -> [String: Any] in
            let current = !item.isExternal && (item.target == page.urlPath || (!item.target.isEmpty && page.urlPath.hasPrefix(item.target)))
            return ["title": item.title, "url": item.isExternal ? item.target : site.urls.href(item.target),
                    "current": current, "external": item.isExternal]
        }
        let tagLinks = page.tags.map { link($0, site.urls) }
        return [
            "site": siteFields,
            "page": [
                "title": page.title, "summary": page.summary ?? NSNull(), "url": site.urls.href(page.urlPath),
                "content": page.content, "kind": page.kind.rawValue,
                "isHome": page.kind == .home, "isSection": page.kind == .section,
                "isTag": page.kind == .tag, "isTagIndex": page.kind == .tags,
                "date": page.date.map(date) ?? NSNull(), "tags": tagLinks, "hasTags": !tagLinks.isEmpty,
                "headings": page.headings.map { ["level": $0.level, "text": $0.text, "id": $0.id] as [String: Any] },
            ] as [String: Any],
            "pages": pages, "hasPages": !pages.isEmpty,
            "sections": sections, "hasSections": !sections.isEmpty,
            "tags": tags, "hasTags": !tags.isEmpty,
        ]
    }

    static func summary(of page: SitePage, in graph: SiteGraph, urls: SiteURLs) -> [String: Any] {
        let tagLinks = page.tags.map { link($0, urls) }
        let section = graph.sections[page.source.file.folder]
        return [
            "title": page.title, "url": urls.href(page.urlPath), "summary": page.summary ?? NSNull(),
            "date": page.date.map(date) ?? NSNull(), "tags": tagLinks, "hasTags": !tagLinks.isEmpty,
            "section": section.map { ["title": $0.title, "url": urls.href($0.urlPath)] as [String: Any] } ?? NSNull(),
        ]
    }

    static func sectionSummary(_ section: SiteSection, urls: SiteURLs) -> [String: Any] {
        ["title": section.title, "url": urls.href(section.urlPath),
         "summary": section.index?.frontMatter.summary ?? NSNull(), "count": section.pages.count]
    }

    private static func link(_ tag: TagReference, _ urls: SiteURLs) -> [String: Any] {
        ["name": tag.name, "url": urls.href(tag.urlPath)]
    }

    private static func date(_ day: Day) -> [String: Any] {
        ["iso": day.iso, "long": day.long]
    }
}
