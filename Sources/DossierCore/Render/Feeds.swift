/// Atom feeds of reports: one for the whole site (`feed.xml`) and one per section
/// (`performance/feed.xml`), newest first, with absolute URLs from `base_url`. Dates are the
/// reports' own, so a feed changes only when the reports do.
enum Feeds {
    static let fileName = "feed.xml"

    static func site(_ graph: SiteGraph, urls: SiteURLs) -> String {
        feed(title: graph.config.title, sitePath: "", pages: graph.reports, graph, urls)
    }

    /// A section's feed (the output plan gives one to every section with pages but the home page).
    static func section(_ section: SiteSection, _ graph: SiteGraph, urls: SiteURLs) -> String {
        feed(title: "\(section.title) – \(graph.config.title)", sitePath: section.urlPath,
             pages: section.pages.filter { graph.pages[$0].date != nil }, graph, urls)
    }

    private static func feed(title: String, sitePath: String, pages: [Int], _ graph: SiteGraph, _ urls: SiteURLs) -> String {
        let newest = pages.sorted { a, b in
            let x = graph.pages[a], y = graph.pages[b]
            return (x.date!, y.source.file.contentPath) > (y.date!, x.source.file.contentPath)
        }.prefix(max(0, graph.config.feedSize))
        let updated = newest.first.map { timestamp(graph.pages[$0].date!) } ?? "1970-01-01T00:00:00Z"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XML.escape(graph.config.language, attribute: true))">
            <title>\(XML.escape(title))</title>
            <link rel="self" href="\(XML.escape(urls.absolute(sitePath + fileName), attribute: true))"/>
            <link rel="alternate" type="text/html" href="\(XML.escape(urls.absolute(sitePath), attribute: true))"/>
            <id>\(XML.escape(urls.absolute(sitePath)))</id>
            <updated>\(updated)</updated>
            <author><name>\(XML.escape(graph.config.organisation ?? graph.config.title))</name></author>
            <generator>Dossier</generator>

            """
        for index in newest {
            let page = graph.pages[index]
            let url = urls.absolute(page.urlPath)
            xml += "<entry>\n<title>\(XML.escape(page.title))</title>\n"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XML.escape(url, attribute: true))\"/>\n"
            xml += "<id>\(XML.escape(url))</id>\n<updated>\(timestamp(page.date!))</updated>\n"
            if let summary = page.summary { xml += "<summary>\(XML.escape(summary))</summary>\n" }
            for tag in page.tags { xml += "<category term=\"\(XML.escape(tag.name, attribute: true))\"/>\n" }
            xml += "</entry>\n"
        }
        return xml + "</feed>\n"
    }

    private static func timestamp(_ day: Day) -> String { day.iso + "T00:00:00Z" }
}

/// `sitemap.xml`: every page a reader can reach, with absolute URLs and the reports' dates.
enum Sitemap {
    static let fileName = "sitemap.xml"

    static func xml(_ graph: SiteGraph, urls: SiteURLs) -> String {
        var entries: [(path: String, date: Day?)] = graph.pages.map { ($0.urlPath, $0.date) }
        for section in graph.sortedSections {
            for number in 1...(section.isHome ? 1 : graph.listPageCount(section)) { entries.append((SiteGraph.listPagePath(section, number), nil)) }
        }
        if !graph.tags.isEmpty { entries.append(("\(SiteGraph.tagsFolder)/", nil)) }
        entries += graph.tags.map { ($0.reference.urlPath, nil) }
        entries += graph.generatedFolders.map { ($0 + "/", nil) }
        if graph.hasIndicators { entries += graph.registry.indicators.map { ("\(SiteGraph.indicatorsFolder)/\($0.id)/", nil) } }
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in entries.sorted(by: { $0.path < $1.path }) {
            xml += "<url><loc>\(XML.escape(urls.absolute(entry.path)))</loc>"
            if let date = entry.date { xml += "<lastmod>\(date.iso)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }
}
