import Foundation

/// Stage 5: Markdown to HTML, then every page, section list and tag page through its template.
/// Everything renders in parallel; the result is in output-path order.
struct SiteRenderer {
    let templates: TemplateSet
    let markdown: MarkdownRenderer
    let buildDate: Day
    let generator: String
    /// Check every context against the template's declared shape; mismatches are errors.
    var validateContexts = false
    /// How many recent pages the home page lists.
    var recentCount = 10

    private enum Job {
        case page(Int)
        case section(String)
        case tagIndex
        case tag(Int)
        case indicatorIndex
        case indicator(Int)
        case actionTracker
    }

    /// What every job shares, made once.
    private struct Shared: @unchecked Sendable {
        let graph: SiteGraph
        let urls: SiteURLs
        let site: TemplateContext.SiteData
        let links: SiteLinkResolver
        let summaries: [TemplateObject]
        var documents: DocumentContext.Inputs { DocumentContext.Inputs(graph: graph, urls: urls, links: links, today: today) }
        let today: Day
    }

    func render(_ graph: SiteGraph, into log: DiagnosticLog) -> [OutputFile] {
        let urls = SiteURLs(baseURL: graph.config.baseURL)
        let site = TemplateContext.siteData(graph: graph, urls: urls, buildDate: buildDate, generator: generator)
        // Each page is rendered for lists once, not once per list it appears in (its section, its tags, home).
        var listed = [TemplateObject?](repeating: nil, count: graph.pages.count)
        listed.withUnsafeMutableBufferPointer { slots in
            let slots = UnsafeSendable(slots)
            DispatchQueue.concurrentPerform(iterations: graph.pages.count) { index in
                slots.value[index] = TemplateContext.listedPage(graph.pages[index], in: graph, site: site, templates: templates)
            }
        }
        let shared = Shared(
            graph: graph, urls: urls, site: site,
            links: SiteLinkResolver(graph: graph, urls: urls),
            summaries: listed.map { $0! }, today: buildDate)

        let tagJobs: [Job] = graph.tags.isEmpty ? [] : [.tagIndex] + graph.tags.indices.map(Job.tag)
        let indicatorJobs: [Job] = graph.hasIndicators ? [.indicatorIndex] + graph.registry.indicators.indices.map(Job.indicator) : []
        // Long lists first, so the last jobs to finish are short ones and both cores stay busy.
        let jobs = graph.sections.keys.sorted().map(Job.section) + tagJobs + (graph.hasActions ? [.actionTracker] : [])
            + indicatorJobs + graph.pages.indices.map(Job.page)

        var outputs = [OutputFile?](repeating: nil, count: jobs.count)
        outputs.withUnsafeMutableBufferPointer { slots in
            let slots = UnsafeSendable(slots)
            DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
                slots.value[index] = render(jobs[index], shared, log: log)
            }
        }
        var files = outputs.compactMap { $0 }
        for (path, text) in templates.assets.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile(path: path, contents: .text(text)))
        }
        for asset in graph.assets {
            files.append(OutputFile(path: asset.contentPath, contents: .copy(from: asset.path)))
        }
        return files.sorted { $0.path < $1.path }
    }

    private func render(_ job: Job, _ shared: Shared, log: DiagnosticLog) -> OutputFile {
        let graph = shared.graph
        switch job {
        case let .page(index):
            let page = graph.pages[index]
            let (body, diagnostics) = markdown.render(page.source, links: shared.links)
            log.add(contentsOf: diagnostics)
            let data = TemplateContext.PageData(
                kind: page.source.document.map { .init($0.kind) } ?? .page, title: page.title, urlPath: page.urlPath,
                summary: page.summary, date: page.date, content: body.html, tags: page.tags, headings: body.headings,
                kindTitle: page.source.document?.kind.title)
            var doc: TemplateObject?
            if page.source.document != nil {
                let (object, problems) = DocumentContext.document(page, shared.documents)
                log.add(contentsOf: problems)
                doc = object
            }
            return output(data, TemplateContext.make(site: shared.site, page: data, doc: doc), log: log)

        case let .section(folder):
            let section = graph.sections[folder]!
            var data = TemplateContext.PageData(kind: section.isHome ? .home : .section, title: section.title, urlPath: section.urlPath)
            if let index = section.index {
                let (body, diagnostics) = markdown.render(index, links: shared.links)
                log.add(contentsOf: diagnostics)
                data.content = body.html
                data.summary = index.frontMatter.summary
                data.headings = body.headings
            }
            let listed = section.isHome ? recentPages(graph) : section.pages
            let subsections = section.subsections.compactMap { graph.sections[$0] }
            return output(data, TemplateContext.make(
                site: shared.site, page: data, pages: listed.map { shared.summaries[$0] },
                sections: subsections.map { TemplateContext.sectionSummary($0, urls: shared.urls) }), log: log)

        case .tagIndex:
            let data = TemplateContext.PageData(kind: .tags, title: "Tags", urlPath: "\(SiteGraph.tagsFolder)/")
            return output(data, TemplateContext.make(
                site: shared.site, page: data, tags: graph.tags.map { TemplateContext.tagSummary($0, urls: shared.urls) }), log: log)

        case let .tag(index):
            let tag = graph.tags[index]
            let data = TemplateContext.PageData(kind: .tag, title: tag.reference.name, urlPath: tag.reference.urlPath)
            return output(data, TemplateContext.make(site: shared.site, page: data, pages: tag.pages.map { shared.summaries[$0] }), log: log)

        case .indicatorIndex:
            let data = TemplateContext.PageData(kind: .indicators, title: "Performance indicators", urlPath: "\(SiteGraph.indicatorsFolder)/")
            return output(data, TemplateContext.make(site: shared.site, page: data, doc: DocumentContext.indicators(shared.documents)), log: log)

        case let .indicator(index):
            let indicator = graph.registry.indicators[index]
            let data = TemplateContext.PageData(kind: .indicator, title: indicator.name, urlPath: "\(SiteGraph.indicatorsFolder)/\(indicator.id)/",
                                                summary: indicator.standard)
            return output(data, TemplateContext.make(site: shared.site, page: data, doc: DocumentContext.indicator(indicator, shared.documents)), log: log)

        case .actionTracker:
            let data = TemplateContext.PageData(kind: .actions, title: "Action tracker", urlPath: "\(SiteGraph.actionsFolder)/",
                                                summary: "Every action of every improvement plan and balanced scorecard, overdue first.")
            return output(data, TemplateContext.make(site: shared.site, page: data, doc: DocumentContext.actions(shared.documents)), log: log)
        }
    }

    private func output(_ data: TemplateContext.PageData, _ context: TemplateObject, log: DiagnosticLog) -> OutputFile {
        let template = data.kind.rawValue
        if validateContexts {
            for mismatch in TemplateContext.shape(for: template).mismatches(in: context) {
                log.add(.error("context of '\(data.urlPath)' does not match the \(template) template's data: \(mismatch)",
                               at: SourceLocation(file: "\(TemplateSet.folder)/\(template).mustache", line: 0)))
            }
        }
        return OutputFile(path: data.urlPath + "index.html", contents: .text(templates.render(context, with: template)))
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
