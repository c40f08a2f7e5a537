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
        /// Page `number` (from 1) of a section's list.
        case section(String, number: Int)
        case tagIndex
        case tag(Int)
        case indicatorIndex
        case indicator(Int)
        case actionTracker
        case archive
        case notFound
        case siteFeed
        case sectionFeed(String)
        case sitemap
    }

    /// What every job shares, made once.
    private struct Shared: @unchecked Sendable {
        let graph: SiteGraph
        let urls: SiteURLs
        let site: TemplateContext.SiteData
        let links: SiteLinkResolver
        let summaries: [TemplateObject]
        var documents: DocumentContext.Inputs { DocumentContext.Inputs(graph: graph, urls: urls, links: links, today: today, markdown: markdown) }
        let today: Day
        let markdown: MarkdownRenderer
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
            summaries: listed.map { $0! }, today: buildDate, markdown: markdown)

        let tagJobs: [Job] = graph.tags.isEmpty ? [] : [.tagIndex] + graph.tags.indices.map(Job.tag)
        let indicatorJobs: [Job] = graph.hasIndicators ? [.indicatorIndex] + graph.registry.indicators.indices.map(Job.indicator) : []
        // Long lists first, so the last jobs to finish are short ones and both cores stay busy.
        let sectionJobs = graph.sortedSections.flatMap { section in
            (1...(section.isHome ? 1 : graph.listPageCount(section))).map { Job.section(section.folder, number: $0) }
        }
        let feedJobs: [Job] = (graph.reports.isEmpty ? [] : [.siteFeed]) + graph.sections.keys.sorted().map(Job.sectionFeed) + [.sitemap]
        let jobs = feedJobs + sectionJobs + tagJobs + (graph.hasActions ? [.actionTracker] : []) + (graph.reports.isEmpty ? [] : [.archive])
            + [.notFound] + indicatorJobs + graph.pages.indices.map(Job.page)

        // Jobs that make no file (a section with no pages has no feed) leave their slot empty.
        var outputs = [OutputFile?](repeating: nil, count: jobs.count)
        outputs.withUnsafeMutableBufferPointer { slots in
            let slots = UnsafeSendable(slots)
            DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
                slots.value[index] = render(jobs[index], shared, log: log)
            }
        }
        var files = outputs.compactMap { $0 }
        files += graph.pages.flatMap { NewsletterFiles.files(for: $0, graph: graph, urls: urls) }
        for (path, text) in templates.assets.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile(path: path, contents: .text(text)))
        }
        for asset in graph.assets {
            files.append(OutputFile(path: asset.contentPath, contents: .copy(from: asset.path)))
        }
        return files.sorted { $0.path < $1.path }
    }

    private func render(_ job: Job, _ shared: Shared, log: DiagnosticLog) -> OutputFile? {
        let graph = shared.graph
        switch job {
        case let .page(index):
            let page = graph.pages[index]
            let (body, diagnostics) = markdown.render(page.source, links: shared.links)
            log.add(contentsOf: diagnostics)
            var data = TemplateContext.PageData(
                kind: page.source.document.map { .init($0.kind) } ?? .page, title: page.title, urlPath: page.urlPath,
                summary: page.summary, date: page.date, content: body.html, tags: page.tags, headings: body.headings,
                kindTitle: page.source.document?.kind.title)
            data.breadcrumbs = breadcrumbs(to: page.source.file.folder, in: graph, including: true)
            let link = { (other: Int) in (graph.pages[other].title, graph.pages[other].urlPath) }
            data.previous = graph.previous[index].map(link)
            data.next = graph.next[index].map(link)
            data.supersededBy = graph.supersededBy[index].map(link)
            var doc: TemplateObject?
            if page.source.document != nil {
                let (object, problems) = DocumentContext.document(page, shared.documents)
                log.add(contentsOf: problems)
                doc = object
            }
            return output(data, TemplateContext.make(site: shared.site, page: data, doc: doc), log: log)

        case let .section(folder, number):
            let section = graph.sections[folder]!
            let path = SiteGraph.listPagePath(section, number)
            var data = TemplateContext.PageData(kind: section.isHome ? .home : .section,
                                                title: number == 1 ? section.title : "\(section.title), page \(number)", urlPath: path)
            data.breadcrumbs = section.isHome ? [] : breadcrumbs(to: ContentPath.folder(of: folder), in: graph, including: true)
            if number > 1 { data.breadcrumbs.append((section.title, section.urlPath)) }
            if !section.isHome && !section.pages.isEmpty { data.feedPath = section.urlPath + Feeds.fileName }
            let pageCount = graph.listPageCount(section)
            data.pagination = (number, pageCount, { SiteGraph.listPagePath(section, $0) })
            if let index = section.index, number == 1 {
                let (body, diagnostics) = markdown.render(index, links: shared.links)
                log.add(contentsOf: diagnostics)
                data.content = body.html
                data.summary = index.frontMatter.summary
                data.headings = body.headings
            }
            let size = max(1, graph.config.pageSize)
            let listed = section.isHome ? recentPages(graph) : Array(section.pages.dropFirst((number - 1) * size).prefix(size))
            let subsections = number == 1 ? section.subsections.compactMap { graph.sections[$0] } : []
            return output(data, TemplateContext.make(
                site: shared.site, page: data, pages: listed.map { shared.summaries[$0] },
                sections: subsections.map { TemplateContext.sectionSummary($0, urls: shared.urls) },
                doc: section.isHome ? DocumentContext.dashboard(shared.documents) : nil), log: log)

        case .tagIndex:
            var data = TemplateContext.PageData(kind: .tags, title: "Tags", urlPath: "\(SiteGraph.tagsFolder)/")
            data.breadcrumbs = [home(graph)]
            return output(data, TemplateContext.make(
                site: shared.site, page: data, tags: graph.tags.map { TemplateContext.tagSummary($0, urls: shared.urls) }), log: log)

        case let .tag(index):
            let tag = graph.tags[index]
            var data = TemplateContext.PageData(kind: .tag, title: tag.reference.name, urlPath: tag.reference.urlPath)
            data.breadcrumbs = [home(graph), ("Tags", "\(SiteGraph.tagsFolder)/")]
            return output(data, TemplateContext.make(site: shared.site, page: data, pages: tag.pages.map { shared.summaries[$0] }), log: log)

        case .indicatorIndex:
            var data = TemplateContext.PageData(kind: .indicators, title: "Performance indicators", urlPath: "\(SiteGraph.indicatorsFolder)/")
            data.breadcrumbs = [home(graph)]
            return output(data, TemplateContext.make(site: shared.site, page: data, doc: DocumentContext.indicators(shared.documents)), log: log)

        case let .indicator(index):
            let indicator = graph.registry.indicators[index]
            var data = TemplateContext.PageData(kind: .indicator, title: indicator.name, urlPath: "\(SiteGraph.indicatorsFolder)/\(indicator.id)/",
                                                summary: indicator.standard)
            data.breadcrumbs = [home(graph), ("Performance indicators", "\(SiteGraph.indicatorsFolder)/")]
            return output(data, TemplateContext.make(site: shared.site, page: data, doc: DocumentContext.indicator(indicator, shared.documents)), log: log)

        case .actionTracker:
            var data = TemplateContext.PageData(kind: .actions, title: "Action tracker", urlPath: "\(SiteGraph.actionsFolder)/",
                                                summary: "Every action of every improvement plan and balanced scorecard, overdue first.")
            data.breadcrumbs = [home(graph)]
            return output(data, TemplateContext.make(site: shared.site, page: data, doc: DocumentContext.actions(shared.documents)), log: log)

        case .archive:
            var data = TemplateContext.PageData(kind: .archive, title: "Archive of reports", urlPath: "\(SiteGraph.archiveFolder)/",
                                                summary: "Every report by financial year and quarter, newest first.")
            data.breadcrumbs = [home(graph)]
            return output(data, TemplateContext.make(site: shared.site, page: data, doc: DocumentContext.archive(shared.documents)), log: log)

        case .siteFeed:
            return Feeds.site(graph, urls: shared.urls)

        case let .sectionFeed(folder):
            return Feeds.section(graph.sections[folder]!, graph, urls: shared.urls)

        case .sitemap:
            return Sitemap.file(graph, urls: shared.urls)

        case .notFound:
            var data = TemplateContext.PageData(kind: .notFound, title: "Page not found", urlPath: "")
            data.breadcrumbs = [home(graph)]
            let context = TemplateContext.make(site: shared.site, page: data)
            return OutputFile(path: "404.html", contents: .text(templates.render(context, with: TemplateContext.Kind.notFound.rawValue)))
        }
    }

    private func home(_ graph: SiteGraph) -> (title: String, path: String) { ("Home", "") }

    /// Home, then each section from the top down to `folder` (itself only when `including`).
    private func breadcrumbs(to folder: String, in graph: SiteGraph, including: Bool) -> [(title: String, path: String)] {
        var trail: [(title: String, path: String)] = []
        var current = folder
        if !including { current = ContentPath.folder(of: folder) }
        while !current.isEmpty {
            if let section = graph.sections[current] { trail.insert((section.title, section.urlPath), at: 0) }
            current = ContentPath.folder(of: current)
        }
        return [home(graph)] + trail
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
