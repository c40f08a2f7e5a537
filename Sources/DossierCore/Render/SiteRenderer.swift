import Foundation

/// Stage 5: Markdown to HTML, then every page, section list and tag page through its template.
/// Pages render in parallel; the result is in output-path order.
struct SiteRenderer {
    let templates: TemplateSet
    let markdown: MarkdownRenderer
    let buildDate: Day
    let generator: String
    /// How many recent pages the home page lists.
    var recentCount = 10

    func render(_ graph: SiteGraph, into log: DiagnosticLog) -> [OutputFile] {
        let urls = SiteURLs(baseURL: graph.config.baseURL)
        let site = TemplateContext.siteData(graph: graph, urls: urls, buildDate: buildDate, generator: generator)
        let links = SiteLinkResolver(graph: graph, urls: urls)
        let summaries = graph.pages.map { TemplateContext.summary(of: $0, in: graph, urls: urls) }
        let shared = UnsafeSendable((site, summaries))

        var outputs = [OutputFile?](repeating: nil, count: graph.pages.count)
        outputs.withUnsafeMutableBufferPointer { slots in
            let slots = UnsafeSendable(slots)
            DispatchQueue.concurrentPerform(iterations: graph.pages.count) { index in
                let page = graph.pages[index]
                let (body, diagnostics) = markdown.render(page.source, links: links)
                log.add(contentsOf: diagnostics)
                let data = TemplateContext.PageData(
                    kind: .page, title: page.title, urlPath: page.urlPath, summary: page.summary, date: page.date,
                    content: body.html, tags: page.tags, headings: body.headings)
                let html = templates.render(TemplateContext.make(site: shared.value.0, page: data), with: "page")
                slots.value[index] = OutputFile(path: page.outputPath, contents: .text(html))
            }
        }
        var files = outputs.compactMap { $0 }

        for section in graph.sortedSections {
            var data = TemplateContext.PageData(kind: section.isHome ? .home : .section, title: section.title, urlPath: section.urlPath)
            if let index = section.index {
                let (body, diagnostics) = markdown.render(index, links: links)
                log.add(contentsOf: diagnostics)
                data.content = body.html
                data.summary = index.frontMatter.summary
                data.headings = body.headings
            }
            let listed = section.isHome ? recentPages(graph) : section.pages
            let context = TemplateContext.make(
                site: site, page: data, pages: listed.map { summaries[$0] },
                sections: section.subsections.compactMap { graph.sections[$0] }.map { TemplateContext.sectionSummary($0, urls: urls) })
            files.append(OutputFile(path: section.outputPath, contents: .text(templates.render(context, with: data.kind.rawValue))))
        }

        if !graph.tags.isEmpty {
            let tagRows = graph.tags.map { tag -> [String: Any] in
                ["name": tag.reference.name, "url": urls.href(tag.reference.urlPath), "count": tag.pages.count]
            }
            let index = TemplateContext.PageData(kind: .tags, title: "Tags", urlPath: "\(SiteGraph.tagsFolder)/")
            files.append(OutputFile(path: index.urlPath + "index.html",
                                    contents: .text(templates.render(TemplateContext.make(site: site, page: index, tags: tagRows), with: "tags"))))
            for tag in graph.tags {
                let data = TemplateContext.PageData(kind: .tag, title: tag.reference.name, urlPath: tag.reference.urlPath)
                let context = TemplateContext.make(site: site, page: data, pages: tag.pages.map { summaries[$0] })
                files.append(OutputFile(path: data.urlPath + "index.html", contents: .text(templates.render(context, with: "tag"))))
            }
        }

        for (path, text) in templates.assets.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile(path: path, contents: .text(text)))
        }
        for asset in graph.assets {
            files.append(OutputFile(path: asset.contentPath, contents: .copy(from: asset.path)))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The newest dated pages across the site, for the home page.
    private func recentPages(_ graph: SiteGraph) -> [Int] {
        let dated = graph.pages.indices.filter { graph.pages[$0].date != nil }
        return Array(dated.sorted { a, b in
            let x = graph.pages[a], y = graph.pages[b]
            return (x.date!, y.source.file.contentPath) > (y.date!, x.source.file.contentPath)
        }.prefix(recentCount))
    }
}
