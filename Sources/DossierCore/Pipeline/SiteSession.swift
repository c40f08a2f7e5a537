import Foundation

/// A site kept in memory between builds, for the preview. Each build runs the same stages as
/// `Pipeline` — parse, validate, graph, plan, render — but re-reads only the files it is told
/// changed, re-parses only files whose text changed, and re-renders only the outputs whose inputs
/// (as the output plan declares them) changed. The result is always the bytes a full build gives.
final class SiteSession {
    /// What one build did.
    struct Outcome: Sendable {
        /// Every diagnostic of the site as it now is; with an error, nothing else changed.
        var diagnostics: [Diagnostic]
        /// Output paths made again, and paths no longer made.
        var rendered: [String] = []
        var removed: [String] = []
        var timings: [(stage: String, seconds: Double)] = []
        var failed: Bool { diagnostics.hasErrors }
        var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    }

    let options: BuildOptions
    /// The site as last built without errors: output path → bytes.
    private(set) var files: [String: [UInt8]] = [:]
    /// The site's title and base URL, from the last build's settings.
    private(set) var siteTitle = SiteConfig.defaults.title
    private(set) var baseURL = SiteConfig.defaults.baseURL

    // What has been read.
    private var loadDiagnostics: [Diagnostic] = []
    private var configText: String?
    private var registryText: String?
    private var markdown: [String: String] = [:]
    private var assets: [String: Int] = [:]
    private var templates: TemplateSet
    private var templateDiagnostics: [Diagnostic] = []
    private var parsed: [String: (text: String, result: Result<SourcePage, DiagnosticList>)] = [:]
    /// A hash of each Markdown file's text, made when it is read.
    private var sourceHashes: [String: Int] = [:]

    // What the last good build made.
    private var fingerprints: [String: Int] = [:]
    private var jobDiagnostics: [OutputPlan.Job: [Diagnostic]] = [:]
    private var listEntries: [String: (fingerprint: Int, entry: Encoded<ListEntryView>)] = [:]

    init(options: BuildOptions) {
        self.options = options
        templates = TemplateSet(library: TemplateLibrary(), texts: [:], assets: [:])
        reloadContent()
        reloadTemplates()
    }

    /// Takes note of files that changed, were added or were removed, as paths from the site's root
    /// (`content/a.md`, `templates/page.mustache`). Anything else reloads everything.
    func update(_ paths: Set<String>) {
        var contentChanged: [String] = []
        var templatesChanged = false
        for path in paths {
            if path.hasPrefix(SourceFile.contentFolder + "/") {
                contentChanged.append(String(path.dropFirst(SourceFile.contentFolder.count + 1)))
            } else if path == TemplateSet.folder || path.hasPrefix(TemplateSet.folder + "/") {
                templatesChanged = true
            } else {
                reloadContent()
                templatesChanged = true
                contentChanged = []
                break
            }
        }
        if !contentChanged.isEmpty { updateContent(contentChanged) }
        if templatesChanged { reloadTemplates() }
    }

    private func reloadContent() {
        let log = DiagnosticLog()
        let content = ContentLoader(fileSystem: options.fileSystem, root: options.root).load(into: log)
        loadDiagnostics = log.diagnostics
        configText = content.configText
        registryText = content.registryText
        markdown = Dictionary(uniqueKeysWithValues: content.markdown.map { ($0.file.contentPath, $0.text) })
        sourceHashes = markdown.mapValues(\.hashValue)
        assets = [:]
        for asset in content.assets { assets[asset.contentPath] = fileHash(asset.path) }
    }

    /// Re-reads the named files; a name that is no longer a file, or is new, or a folder, means
    /// the content is listed again.
    private func updateContent(_ paths: [String]) {
        let known = Set(markdown.keys).union(assets.keys).union([SiteConfig.fileName, IndicatorRegistry.fileName])
        let fileSystem = options.fileSystem
        for path in paths {
            let full = RootPath.join(options.root, ContentPath.join(SourceFile.contentFolder, path))
            guard known.contains(path), let data = try? fileSystem.read(full), !fileSystem.isDirectory(full),
                  let text = String(data: data, encoding: .utf8) ?? (SourceFile(contentPath: path).isMarkdown ? nil : "") else {
                reloadContent()
                return
            }
            let file = SourceFile(contentPath: path)
            if file.isSiteConfig { configText = text }
            else if file.isIndicatorRegistry { registryText = text }
            else if file.isMarkdown { markdown[path] = text; sourceHashes[path] = text.hashValue }
            else { assets[path] = data.hashValue }
        }
    }

    private func reloadTemplates() {
        let log = DiagnosticLog()
        templates = TemplateSet.load(fileSystem: options.fileSystem, root: options.root, into: log)
        templateDiagnostics = log.diagnostics
    }

    private func fileHash(_ path: String) -> Int {
        (try? options.fileSystem.read(RootPath.join(options.root, path)))?.hashValue ?? 0
    }

    /// Builds what changed since the last good build.
    func build() -> Outcome {
        var timer = StageTimer()
        let log = DiagnosticLog()
        log.add(contentsOf: loadDiagnostics + templateDiagnostics)
        let parser = PageParser()
        let pages: [SourcePage] = timer.time("parse") {
            let paths = markdown.keys.sorted()
            let stale = paths.filter { parsed[$0]?.text != markdown[$0] }.map { ($0, markdown[$0]!) }
            let results = parallelMap(stale) { path, text in parser.parsePage(SourceFile(contentPath: path), text: text) }
            for ((path, text), result) in zip(stale, results) { parsed[path] = (text, result) }
            for path in parsed.keys where markdown[path] == nil { parsed[path] = nil }
            return paths.compactMap { path in
                switch parsed[path]!.result {
                case let .success(page): return page
                case let .failure(problems): log.add(contentsOf: problems.items); return nil
                }
            }
        }
        let registryFile = "\(SourceFile.contentFolder)/\(IndicatorRegistry.fileName)"
        let registry = parser.parseRegistry(registryText, file: registryFile, log: log)
        let input = PageParser.Parsed(config: parser.parseConfig(configText, log: log),
                                      registry: registry ?? Located(value: IndicatorRegistry(), file: registryFile, locations: .none),
                                      registryFailed: registryText != nil && registry == nil, pages: pages)
        var validated = timer.time("validate") { Validator().validate(input, into: log) }
        // The preview prints no PDFs, so its pages link none.
        validated.config.value.pdf = false
        let config = validated.config
        siteTitle = config.value.title
        baseURL = config.value.baseURL
        let assetFiles = assets.keys.sorted().map { SourceFile(contentPath: $0) }
        let graph = timer.time("graph") {
            SiteGraphBuilder(includeDrafts: options.includeDrafts, includeFuture: options.includeFuture, today: options.today)
                .build(config: config, registry: validated.registry, indicatorLocations: validated.indicatorLocations,
                       pages: validated.pages,
                       allMarkdown: markdown.keys.sorted().map { SourceFile(contentPath: $0) }, assets: assetFiles, into: log)
        }
        let plan = timer.time("plan") { OutputPlanner(themeFiles: templates.assets.keys.sorted()).plan(graph, into: log) }
        if log.hasErrors { return Outcome(diagnostics: log.diagnostics, timings: timer.timings) }

        let renderer = SiteRenderer(
            templates: templates,
            markdown: MarkdownRenderer(allowRawHTML: config.value.allowRawHTML, reservedIDs: Pipeline.templateIDs,
                                       tolerance: config.value.tolerance),
            buildDate: options.today, generator: "Dossier \(DossierVersion.current)", validateContexts: options.validateContexts)
        var fileHashes = assets.reduce(into: [String: Int]()) { $0[ContentPath.join(SourceFile.contentFolder, $1.key)] = $1.value }
        for (path, text) in templates.assets { fileHashes[TemplateSet.folder + "/" + path] = text.hashValue }
        let current = timer.time("compare") {
            InputFingerprints(graph: graph, templates: templates, sourceHashes: sourceHashes, registryText: registryText,
                              fileHashes: fileHashes, buildDate: options.today)
        }
        var entryPrints: [String: Int] = [:]
        var stale: Set<OutputPlan.Job> = []
        for entry in plan.entries {
            let print = current.value(of: entry)
            entryPrints[entry.path] = print
            if fingerprints[entry.path] != print { stale.insert(entry.job) }
        }
        // Each page's list entry, made again only when its listing, the site or list-item.mustache changed.
        let site = renderer.site(graph)
        let listFingerprint = current.value(of: .site) &+ 31 &* current.value(of: .template(PageKind.listItemTemplate))
        var entries = listEntries
        let listed: [Encoded<ListEntryView>] = timer.time("lists") {
            let prints = graph.pages.map { listFingerprint &+ 17 &* current.value(of: .listing($0.source.file.contentPath)) }
            let missing = graph.pages.indices.filter { entries[graph.pages[$0].source.file.contentPath]?.fingerprint != prints[$0] }
            let made = parallelMap(missing) { renderer.listEntry(graph.pages[$0], in: graph, site: site) }
            for (index, entry) in zip(missing, made) { entries[graph.pages[index].source.file.contentPath] = (prints[index], entry) }
            return graph.pages.map { entries[$0.source.file.contentPath]!.entry }
        }
        let sink = MemorySink()
        let jobs = plan.jobs.filter { stale.contains($0) }
        let found = timer.time("render") { renderer.run(jobs, renderer.prepare(graph, plan: plan, listed: listed), to: sink) }
        var diagnostics = jobDiagnostics.merging(found) { _, new in new }
        let planned = Set(plan.jobs)
        diagnostics = diagnostics.filter { planned.contains($0.key) }
        for problems in diagnostics.values { log.add(contentsOf: problems) }
        if log.hasErrors { return Outcome(diagnostics: log.diagnostics, timings: timer.timings) }

        // A good build: keep it.
        var rendered: [String] = []
        for file in sink.collected {
            switch file.contents {
            case let .text(text): files[file.path] = Array(text.utf8)
            case let .copy(source): files[file.path] = (try? Array(options.fileSystem.read(RootPath.join(options.root, source)))) ?? []
            }
            rendered.append(file.path)
        }
        let paths = Set(plan.paths)
        let removed = files.keys.filter { !paths.contains($0) }.sorted()
        for path in removed { files[path] = nil }
        fingerprints = entryPrints
        jobDiagnostics = diagnostics
        listEntries = entries.filter { markdownPathExists($0.key, graph) }
        return Outcome(diagnostics: log.diagnostics, rendered: rendered, removed: removed, timings: timer.timings)
    }

    private func markdownPathExists(_ path: String, _ graph: SiteGraph) -> Bool { graph.pageIndex[path] != nil }
}
