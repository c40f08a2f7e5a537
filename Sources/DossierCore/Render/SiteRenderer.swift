import Dispatch

/// Stage 6: runs every job of the output plan — Markdown to HTML, the view model of the page, its
/// template — in parallel, handing each file to the sink as soon as it is made, so no build holds
/// every page in memory.
struct SiteRenderer {
    let templates: TemplateSet
    let markdown: MarkdownRenderer
    let buildDate: Day
    let generator: String
    /// Check every context against its template's shape; mismatches are errors (tests turn it on).
    var validateContexts = false
    /// How many recent pages the home page lists.
    var recentCount = 10

    /// What every job shares, made once before the jobs run.
    struct Shared: Sendable {
        let graph: SiteGraph
        let plan: OutputPlan
        let site: TemplateContext.Site
        let documents: DocumentContext.Inputs
        /// Each page as lists show it, with its `list-item.mustache` rendering, by page index,
        /// encoded once for every list it is in.
        let listed: [Encoded<ListEntryView>]
        /// The action tracker, which the dashboard shares.
        let tracker: ActionsView
        /// Tags by slug, as indices into `graph.tags`.
        let tagsBySlug: [String: Int]
        /// The latest current quarterly report's view, which its page and the dashboard share.
        let latestQuarterly: (index: Int, view: QuarterlyView)?
        /// The A–Z index, which all its pages share.
        let azIndex: AZIndex
        var urls: SiteURLs { site.urls }
    }

    /// Renders every job of the plan.
    func render(_ graph: SiteGraph, plan: OutputPlan, to sink: OutputSink, into log: DiagnosticLog) {
        let shared = prepare(graph, plan: plan)
        for diagnostics in run(plan.jobs, shared, to: sink).values { log.add(contentsOf: diagnostics) }
    }

    /// A page as lists show it, with its `list-item.mustache` rendering.
    func listEntry(_ page: SitePage, in graph: SiteGraph, site: TemplateContext.Site) -> Encoded<ListEntryView> {
        let item = TemplateContext.listed(page, in: graph, urls: site.urls)
        let context = TemplateEncoder.value(ListItemContext(site: site.encoded(on: nil), item: item))
        return Encoded(ListEntryView(item, html: templates.renderString(PageKind.listItemTemplate, context)))
    }

    func site(_ graph: SiteGraph) -> TemplateContext.Site {
        TemplateContext.site(graph: graph, urls: SiteURLs(baseURL: graph.config.baseURL), buildDate: buildDate, generator: generator)
    }

    /// What the jobs share. `listed` gives each page's list entry when the caller kept them from
    /// an earlier build; otherwise they are made here.
    func prepare(_ graph: SiteGraph, plan: OutputPlan, listed: [Encoded<ListEntryView>]? = nil) -> Shared {
        let site = site(graph)
        let urls = site.urls
        let listed = listed ?? parallelMap(graph.pages) { listEntry($0, in: graph, site: site) }
        let documents = DocumentContext.Inputs(graph: graph, urls: urls, links: SiteLinkResolver(graph: graph, urls: urls),
                                               today: buildDate, markdown: markdown)
        var latestQuarterly: (Int, QuarterlyView)?
        if let index = DocumentContext.latestQuarterly(graph), case let (.quarterly(view), _) = DocumentContext.document(graph.pages[index], documents) {
            latestQuarterly = (index, view)
        }
        return Shared(graph: graph, plan: plan, site: site, documents: documents, listed: listed,
                      tracker: DocumentContext.actions(documents),
                      tagsBySlug: Dictionary(graph.tags.enumerated().map { ($1.reference.slug, $0) }) { first, _ in first },
                      latestQuarterly: latestQuarterly, azIndex: AZIndex(graph))
    }

    /// Runs `jobs` in parallel, long ones first so the last to finish are short and every core
    /// stays busy; returns each job's diagnostics.
    func run(_ jobs: [OutputPlan.Job], _ shared: Shared, to sink: OutputSink) -> [OutputPlan.Job: [Diagnostic]] {
        let ordered = jobs.sorted { Self.weight($0) > Self.weight($1) }
        let found = parallelMap(ordered) { job -> [Diagnostic] in
            let log = DiagnosticLog()
            run(job, shared, sink: sink, log: log)
            return log.diagnostics
        }
        return Dictionary(uniqueKeysWithValues: zip(ordered, found))
    }

    private static func weight(_ job: OutputPlan.Job) -> Int {
        switch job {
        case .siteFeed, .sectionFeed, .sitemap: return 3
        case .sectionList, .tagIndex, .tag, .archive, .actionTracker, .azIndex, .azLetter: return 2
        case .indicatorIndex, .indicator, .notFound, .newsletterEmail, .searchPage: return 1
        case .page, .themeFile, .contentFile, .reportPDF: return 0
        }
    }

    private func run(_ job: OutputPlan.Job, _ shared: Shared, sink: OutputSink, log: DiagnosticLog) {
        let graph = shared.graph
        switch job {
        case let .page(path):
            let index = graph.pageIndex[path]!
            let page = graph.pages[index]
            let (body, diagnostics) = markdown.render(page.source, links: shared.documents.links)
            log.add(contentsOf: diagnostics)
            let kind = page.source.document.map { PageKind($0.kind) } ?? .page
            var data = TemplateContext.Page(
                kind: kind, title: page.title, urlPath: page.urlPath, summary: page.summary, date: page.date, content: body.html,
                tags: page.tags, headings: body.headings, kindTitle: page.source.document?.kind.title)
            data.breadcrumbs = breadcrumbs(to: page.source.file.folder, in: graph)
            let link = { (other: Int) in (graph.pages[other].title, graph.pages[other].urlPath) }
            data.previous = graph.previous[index].map(link)
            data.next = graph.next[index].map(link)
            data.supersededBy = graph.supersededBy[index].map(link)
            data.source = graph.sources[index].map { (String($0.split(separator: "/").last ?? ""), $0) }
            var doc: TemplateValue?
            var view: DocumentContext.View?
            if page.source.document != nil {
                if let latest = shared.latestQuarterly, latest.index == index {
                    doc = TemplateEncoder.value(latest.view)
                    view = .quarterly(latest.view)
                } else {
                    let (made, problems) = DocumentContext.document(page, shared.documents)
                    log.add(contentsOf: problems)
                    doc = made.value
                    view = made
                }
            }
            if graph.config.search { data.search = SearchFilters.page(page, view: view) }
            if graph.config.pdf && SiteGraph.isReport(page) {
                data.pdf = PagePDFView(url: ReportPDFs.fileName)
            }
            write(data, TemplateContext.make(site: shared.site, page: data), doc: doc, to: sink, log: log)

        case let .sectionList(folder, number):
            let section = graph.sections[folder]!
            var data = TemplateContext.Page(kind: section.isHome ? .home : .section,
                                            title: number == 1 ? section.title : "\(section.title), page \(number)",
                                            urlPath: SiteGraph.listPagePath(section, number))
            data.breadcrumbs = section.isHome ? [] : breadcrumbs(to: ContentPath.folder(of: folder), in: graph)
            if number > 1 { data.breadcrumbs.append((section.title, section.urlPath)) }
            if !section.isHome && !section.pages.isEmpty { data.feedPath = section.urlPath + Feeds.fileName }
            data.pagination = (number, graph.listPageCount(section), { SiteGraph.listPagePath(section, $0) })
            if let index = section.index, number == 1 {
                let (body, diagnostics) = markdown.render(index, links: shared.documents.links)
                log.add(contentsOf: diagnostics)
                data.content = body.html
                data.summary = index.frontMatter.summary
                data.headings = body.headings
            }
            let size = max(1, graph.config.pageSize)
            let listed = section.isHome ? recentPages(graph) : Array(section.pages.dropFirst((number - 1) * size).prefix(size))
            let subsections = number == 1 ? section.subsections.compactMap { graph.sections[$0] } : []
            let context = TemplateContext.make(site: shared.site, page: data, pages: listed.map { shared.listed[$0] },
                                               sections: subsections.map { TemplateContext.sectionSummary($0, urls: shared.urls) })
            var doc: TemplateValue?
            if section.isHome {
                let latest = shared.latestQuarterly.map { (graph.pages[$0.index], $0.view) }
                doc = TemplateEncoder.value(DocumentContext.dashboard(shared.documents, latestQuarterly: latest,
                                                                      tracker: shared.tracker))
            }
            write(data, context, doc: doc, to: sink, log: log)

        case .tagIndex:
            var data = TemplateContext.Page(kind: .tags, title: "Tags", urlPath: "\(SiteGraph.tagsFolder)/")
            data.breadcrumbs = [home]
            write(data, TemplateContext.make(site: shared.site, page: data, tags: graph.tags.map { TemplateContext.tagSummary($0, urls: shared.urls) }),
                  to: sink, log: log)

        case let .tag(slug):
            let tag = graph.tags[shared.tagsBySlug[slug]!]
            var data = TemplateContext.Page(kind: .tag, title: tag.reference.name, urlPath: tag.reference.urlPath)
            data.breadcrumbs = [home, ("Tags", "\(SiteGraph.tagsFolder)/")]
            write(data, TemplateContext.make(site: shared.site, page: data, pages: tag.pages.map { shared.listed[$0] }), to: sink, log: log)

        case .indicatorIndex:
            var data = TemplateContext.Page(kind: .indicators, title: "Performance indicators", urlPath: "\(SiteGraph.indicatorsFolder)/")
            data.breadcrumbs = [home]
            write(data, TemplateContext.make(site: shared.site, page: data),
                  doc: TemplateEncoder.value(DocumentContext.indicators(shared.documents)), to: sink, log: log)

        case let .indicator(id):
            let indicator = graph.registry.indicator(id)!
            var data = TemplateContext.Page(kind: .indicator, title: indicator.name, urlPath: "\(SiteGraph.indicatorsFolder)/\(id)/",
                                            summary: indicator.standard)
            data.breadcrumbs = [home, ("Performance indicators", "\(SiteGraph.indicatorsFolder)/")]
            let view = DocumentContext.indicator(indicator, shared.documents)
            if graph.config.search { data.search = SearchFilters.indicator(view) }
            write(data, TemplateContext.make(site: shared.site, page: data), doc: TemplateEncoder.value(view), to: sink, log: log)

        case .actionTracker:
            var data = TemplateContext.Page(kind: .actions, title: "Action tracker", urlPath: "\(SiteGraph.actionsFolder)/",
                                            summary: "Every action of every improvement plan and balanced scorecard, overdue first.")
            data.breadcrumbs = [home]
            write(data, TemplateContext.make(site: shared.site, page: data),
                  doc: TemplateEncoder.value(shared.tracker), to: sink, log: log)

        case .archive:
            var data = TemplateContext.Page(kind: .archive, title: "Archive of reports", urlPath: "\(SiteGraph.archiveFolder)/",
                                            summary: "Every report by financial year and quarter, newest first.")
            data.breadcrumbs = [home]
            write(data, TemplateContext.make(site: shared.site, page: data),
                  doc: TemplateEncoder.value(DocumentContext.archive(shared.documents)), to: sink, log: log)

        case .azIndex:
            var data = TemplateContext.Page(kind: .az, title: "A–Z index", urlPath: AZIndex.path(), summary: Self.azSummary)
            data.breadcrumbs = [home]
            write(data, TemplateContext.make(site: shared.site, page: data),
                  doc: TemplateEncoder.value(AZContext.view(shared.azIndex, letter: nil, urls: shared.urls)), to: sink, log: log)

        case let .azLetter(letter):
            let label = AZIndex.letters.first { $0.key == letter }?.label ?? letter
            var data = TemplateContext.Page(kind: .az, title: "A–Z index: \(label)", urlPath: AZIndex.path(letter: letter),
                                            summary: Self.azSummary)
            data.breadcrumbs = [home, ("A–Z index", AZIndex.path())]
            write(data, TemplateContext.make(site: shared.site, page: data),
                  doc: TemplateEncoder.value(AZContext.view(shared.azIndex, letter: letter, urls: shared.urls)), to: sink, log: log)

        case .searchPage:
            var data = TemplateContext.Page(kind: .search, title: "Search", urlPath: SearchPage.path)
            data.breadcrumbs = [home]
            write(data, TemplateContext.make(site: shared.site, page: data), to: sink, log: log)

        case .notFound:
            var data = TemplateContext.Page(kind: .notFound, title: "Page not found", urlPath: "")
            data.breadcrumbs = [home]
            let context = checked(data.kind, TemplateEncoder.value(TemplateContext.make(site: shared.site, page: data)), nil, log: log)
            sink.write("404.html", templates.render(PageKind.notFound.template, context))

        case .siteFeed:
            sink.write(Feeds.fileName, Array(Feeds.site(graph, urls: shared.urls).utf8))

        case let .sectionFeed(folder):
            sink.write(graph.sections[folder]!.urlPath + Feeds.fileName, Array(Feeds.section(graph.sections[folder]!, graph, urls: shared.urls).utf8))

        case .sitemap:
            sink.write(Sitemap.fileName, Array(Sitemap.xml(graph, urls: shared.urls).utf8))

        case let .newsletterEmail(path):
            for file in NewsletterFiles.files(for: graph.pages[graph.pageIndex[path]!], graph: graph, urls: shared.urls) {
                if case let .text(text) = file.contents { sink.write(file.path, Array(text.utf8)) }
            }

        case let .themeFile(path):
            sink.write(path, Array(templates.assets[path]!.utf8))

        case let .contentFile(path):
            sink.copy(path, from: ContentPath.join(SourceFile.contentFolder, path))

        case .reportPDF:
            // Printed from the written page by the PDF stage (ReportPDFs), once every page is written.
            break
        }
    }

    private var home: (title: String, path: String) { ("Home", "") }

    private static let azSummary = "Every report, indicator, action, objective, lead officer, tag and committee, from A to Z."

    /// Home, then each section from the top down to `folder`, itself included.
    private func breadcrumbs(to folder: String, in graph: SiteGraph) -> [(title: String, path: String)] {
        var trail: [(title: String, path: String)] = []
        var current = folder
        while !current.isEmpty {
            if let section = graph.sections[current] { trail.insert((section.title, section.urlPath), at: 0) }
            current = ContentPath.folder(of: current)
        }
        return [home] + trail
    }

    private func write(_ data: TemplateContext.Page, _ context: PageContext, doc: TemplateValue? = nil, to sink: OutputSink, log: DiagnosticLog) {
        let value = checked(data.kind, TemplateEncoder.value(context), doc, log: log)
        sink.write(data.urlPath + "index.html", templates.render(data.kind.template, value))
    }

    /// The page's context with its `doc`, checked against the template's shape when asked.
    private func checked(_ kind: PageKind, _ common: TemplateValue, _ doc: TemplateValue?, log: DiagnosticLog) -> TemplateValue {
        var value = common
        if let doc, case let .object(object) = common {
            var fields = object.fields
            fields["doc"] = doc
            value = .object(TemplateValue.Object(fields))
        }
        if validateContexts {
            for mismatch in kind.shape.mismatches(in: value) {
                log.add(.error("context of a '\(kind.template)' page does not match its template's data: \(mismatch)",
                               at: SourceLocation(file: "\(TemplateSet.folder)/\(kind.template).mustache", line: 0)))
            }
        }
        return value
    }

    /// The newest reports across the site, for the home page (newsletter issues are not reports).
    private func recentPages(_ graph: SiteGraph) -> [Int] {
        Array(graph.reports.sorted { a, b in
            let x = graph.pages[a], y = graph.pages[b]
            return (x.date!, y.source.file.contentPath) > (y.date!, x.source.file.contentPath)
        }.prefix(recentCount))
    }
}

/// `map` over both cores, keeping the order.
func parallelMap<Element: Sendable, Result: Sendable>(_ items: [Element], _ transform: @Sendable (Element) -> Result) -> [Result] {
    var results = [Result?](repeating: nil, count: items.count)
    results.withUnsafeMutableBufferPointer { buffer in
        let slots = UnsafeSendable(buffer)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.value[index] = transform(items[index])
        }
    }
    return results.map { $0! }
}
