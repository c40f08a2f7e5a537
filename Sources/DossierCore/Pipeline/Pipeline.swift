import Foundation

/// What a finished build reports: warnings, how long each stage took, and what it made.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var timings: [(stage: String, seconds: Double)]
    public var pageCount: Int
    public var fileCount: Int
    /// Every output file in path order, from `check` (a build streams its files to disk instead).
    public var files: [OutputFile]
    /// The path of every file the output plan makes, in order.
    public var plannedPaths: [String]
    /// The published pages, for tools that work on the built site (the offline archive).
    public var pages: [PublishedPage]
    /// The site's base URL, ending in `/`.
    public var baseURL: String
}

/// A page of the built site as other tools see it.
public struct PublishedPage: Sendable, Equatable {
    public var title: String
    public var date: Day?
    /// Path from the site's base, ending in `/`: `performance/2006-07-q3/`.
    public var urlPath: String
    /// `quarterly`, `plan` … for typed documents; nil for a plain page.
    public var kind: DocumentKind?
    /// The financial quarter a quarterly report covers.
    public var quarter: FinancialQuarter?
    /// A newsletter's issue number.
    public var issue: Int? = nil
}

/// load → parse → validate → build the site graph → plan the outputs → render → write. Each stage adds what it finds
/// to one log, so one run reports every error it can; nothing is written if there is any error.
public struct Pipeline: Sendable {
    public enum Mode: Sendable {
        /// Write the site.
        case build
        /// Do everything but write.
        case check
    }

    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    public func run(_ mode: Mode) throws(BuildFailure) -> BuildReport {
        let log = DiagnosticLog()
        var timer = StageTimer()
        let fileSystem = options.fileSystem

        let (content, templates) = timer.time("load") {
            (ContentLoader(fileSystem: fileSystem, root: options.root).load(into: log),
             TemplateSet.load(fileSystem: fileSystem, root: options.root, into: log))
        }
        let parsed = timer.time("parse") { PageParser().parse(content, into: log) }
        var validated = timer.time("validate") { Validator().validate(parsed, into: log) }
        if let search = options.search { validated.config.value.search = search }
        if let pdf = options.pdf { validated.config.value.pdf = pdf }
        let config = validated.config
        if config.value.search {
            let location = options.search == nil ? config.location(of: "search") : SourceLocation(file: "--search", line: 0)
            if let problem = options.pagefind.problem(at: location) { log.add(problem) }
        }
        if config.value.pdf {
            let location = options.pdf == nil ? config.location(of: "pdf") : SourceLocation(file: "--pdf", line: 0)
            if let problem = options.weasyPrint.problem(at: location) { log.add(problem) }
        }
        let graph = timer.time("graph") {
            SiteGraphBuilder(includeDrafts: options.includeDrafts, includeFuture: options.includeFuture, today: options.today)
                .build(config: config, registry: validated.registry, indicatorLocations: validated.indicatorLocations,
                       pages: validated.pages,
                       allMarkdown: content.markdown.map(\.file), assets: content.assets, into: log)
        }
        let plan = timer.time("plan") { OutputPlanner(themeFiles: templates.assets.keys.sorted()).plan(graph, into: log) }
        let renderer = SiteRenderer(
            templates: templates,
            markdown: MarkdownRenderer(allowRawHTML: config.value.allowRawHTML, reservedIDs: Self.templateIDs,
                                       tolerance: config.value.tolerance),
            buildDate: options.today, generator: "Dossier \(DossierVersion.current)", validateContexts: options.validateContexts)

        // A build writes each file into the staging folder as it is rendered; `check`, and a build
        // that already has errors, keep them in memory and write nothing.
        var staging: StagingFolder?
        if mode == .build && !log.hasErrors {
            do throws(Diagnostic) {
                staging = try OutputWriter(fileSystem: fileSystem, root: options.root, oldSite: options.oldSiteRemoval)
                    .begin(options.outputFolder)
                staging?.notes.forEach(log.add)
            } catch {
                throw BuildFailure(diagnostics: log.diagnostics + [error])
            }
        } else if mode == .build {
            OutputWriter(fileSystem: fileSystem, root: options.root, oldSite: options.oldSiteRemoval)
                .recover(options.outputFolder).forEach(log.add)
        }
        let memory = MemorySink()
        timer.time("render") { renderer.render(graph, plan: plan, to: staging ?? memory, into: log) }

        if log.hasErrors {
            staging?.discard()
            throw BuildFailure(diagnostics: log.diagnostics)
        }
        // The stages after the render work on the written site; the first to fail ends the build.
        // A failed print or index discards the staging folder; a failed swap has done so itself.
        func finish(_ stage: String, discardOnFailure: Bool = true, _ work: () throws(Diagnostic) -> Void) throws(BuildFailure) {
            let failure: Diagnostic? = timer.time(stage) {
                do throws(Diagnostic) {
                    try work()
                    return nil
                } catch {
                    return error
                }
            }
            guard let failure else { return }
            if discardOnFailure { staging?.discard() }
            throw BuildFailure(diagnostics: log.diagnostics + [failure])
        }
        if let staging {
            // The PDFs are printed from the written pages, and fill in their links, before search
            // indexes those pages.
            if config.value.pdf {
                try finish("pdf") { () throws(Diagnostic) in
                    try ReportPDFs.print(plan.reportPDFPages.filter { options.pdfPages?.contains($0) ?? true }, in: staging.folder.path,
                                         urls: SiteURLs(baseURL: config.value.baseURL),
                                         engine: options.weasyPrint, date: options.today, reportedAs: options.outputFolder)
                }
            }
            if config.value.search {
                try finish("search") { () throws(Diagnostic) in
                    try options.pagefind.index(staging.folder.path, reportedAs: options.outputFolder)
                }
            }
            try finish("write", discardOnFailure: false) { () throws(Diagnostic) in try staging.commit() }
        }
        let pages = graph.pages.map { page -> PublishedPage in
            var quarter: FinancialQuarter?
            var issue: Int?
            if case let .quarterly(report)? = page.source.document { quarter = report.period }
            if case let .newsletter(newsletter)? = page.source.document { issue = newsletter.issue }
            return PublishedPage(title: page.title, date: page.date, urlPath: page.urlPath, kind: page.source.document?.kind,
                                 quarter: quarter, issue: issue)
        }
        return BuildReport(diagnostics: log.diagnostics, timings: timer.timings, pageCount: graph.pages.count, fileCount: plan.entries.count,
                           files: memory.collected, plannedPaths: plan.paths, pages: pages, baseURL: config.value.baseURL)
    }

    /// Ids the default templates give to landmarks; headings in content must not take them.
    static let templateIDs: Set<String> = [
        "main-content", "site-navigation", "page-contents", "contents-title", "glance-title", "about-this-site",
        "headlines", "performance-indicators", "results", "balanced-scorecard", "actions", "outline-plan", "documents",
        "declarations", "recommendations", "background-documents", "appendices", "since-the-last-issue",
        "dashboard-exceptions", "dashboard-highlights", "dashboard-overdue", "dashboard-performance", "dashboard-reviews",
    ]
}

/// Times each stage for `--verbose`. Uses a monotonic clock; nothing it measures reaches the output.
struct StageTimer {
    private(set) var timings: [(stage: String, seconds: Double)] = []

    mutating func time<T, E: Error>(_ stage: String, _ work: () throws(E) -> T) throws(E) -> T {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try work()
        let elapsed = clock.now - start
        timings.append((stage, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        return result
    }
}
