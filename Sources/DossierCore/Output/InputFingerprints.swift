/// A number for the current value of each input of the output plan: two builds that give an input
/// the same number gave it the same value, so an output whose inputs all kept their numbers is the
/// same bytes as before and need not be made again. Numbers hold within one process.
struct InputFingerprints {
    private var site = 0
    private var templates: [String: Int] = [:]
    private var sources: [String: Int] = [:]
    private var listings: [String: Int] = [:]
    private var members: [String: Int] = [:]
    private var documents = 0
    private var files: [String: Int] = [:]

    /// `sourceHashes`: a hash of each content file's text, by its path inside `content/`;
    /// `fileHashes`: of the bytes of each copied file, by its path from the root.
    init(graph: SiteGraph, templates: TemplateSet, sourceHashes: [String: Int], registryText: String?,
         fileHashes: [String: Int], buildDate: Day) {
        // Everything a page can show of the rest of the site without being its list: the settings,
        // the navigation, every page's address (links are rewritten to them) and every section's
        // title and summary (breadcrumbs, section lists).
        var hasher = Hasher()
        hasher.combine(String(describing: graph.config))
        hasher.combine(buildDate.iso)
        for item in graph.navigation { hasher.combine(item.title); hasher.combine(item.target); hasher.combine(item.isExternal) }
        hasher.combine(graph.tags.isEmpty)
        hasher.combine(graph.reports.isEmpty)
        hasher.combine(graph.hasIndicators)
        hasher.combine(graph.hasActions)
        for page in graph.pages { hasher.combine(page.source.file.contentPath); hasher.combine(page.urlPath) }
        for key in graph.sections.keys.sorted() {
            let section = graph.sections[key]!
            hasher.combine(key); hasher.combine(section.title); hasher.combine(section.index?.frontMatter.summary)
            hasher.combine(section.pages.count)
        }
        for path in graph.drafts.sorted() { hasher.combine(path) }
        for (path, day) in graph.future.sorted(by: { $0.key < $1.key }) { hasher.combine(path); hasher.combine(day.iso) }
        for path in graph.failed.sorted() { hasher.combine(path) }
        for asset in graph.assets { hasher.combine(asset.contentPath) }
        site = hasher.finalize()

        for name in templates.library.names {
            var hasher = Hasher()
            for used in templates.closure(of: name) { hasher.combine(used); hasher.combine(templates.texts[used]) }
            self.templates[name] = hasher.finalize()
        }
        self.sources = sourceHashes
        for page in graph.pages {
            var hasher = Hasher()
            hasher.combine(page.title); hasher.combine(page.date?.iso); hasher.combine(page.summary); hasher.combine(page.urlPath)
            for tag in page.tags { hasher.combine(tag.name); hasher.combine(tag.slug) }
            hasher.combine(page.source.file.folder)
            listings[page.source.file.contentPath] = hasher.finalize()
        }
        let path = { (index: Int) in graph.pages[index].source.file.contentPath }
        for (folder, section) in graph.sections { members[folder] = section.pages.map(path).hashValue }
        for tag in graph.tags { members[tag.reference.urlPath] = tag.pages.map(path).hashValue }
        members[SiteGraph.tagsFolder] = graph.tags.map { [$0.reference.name, $0.reference.slug, String($0.pages.count)] }.hashValue
        members[OutputPlanner.recentReports] = graph.pages.compactMap { page in page.date.map { [page.source.file.contentPath, $0.iso] } }.hashValue

        // Typed documents read each other (reviews list their documents, the dashboard and the
        // tracker gather them all) and every page's listing (series, gathering).
        var documents = Hasher()
        documents.combine(registryText)
        for page in graph.pages where page.source.document != nil { documents.combine(sources[page.source.file.contentPath]) }
        for page in graph.pages { documents.combine(listings[page.source.file.contentPath]) }
        for (old, new) in graph.supersededBy.sorted(by: { $0.key < $1.key }) { documents.combine(old); documents.combine(new) }
        self.documents = documents.finalize()
        self.files = fileHashes
    }

    func value(of input: OutputPlan.Input) -> Int {
        switch input {
        case .site: return site
        case let .template(name): return templates[name] ?? 0
        case let .source(path): return sources[path] ?? 0
        case let .listing(path): return listings[path] ?? 0
        case let .members(key): return members[key] ?? 0
        case .documents: return documents
        case let .file(path): return files[path] ?? 0
        }
    }

    /// One number for all of an output's inputs.
    func value(of entry: OutputPlan.Entry) -> Int {
        // The inputs are a set, so combine them in an order that does not depend on the set's.
        var total = 0
        for input in entry.inputs {
            var hasher = Hasher()
            hasher.combine(input)
            hasher.combine(value(of: input))
            total &+= hasher.finalize()
        }
        return total
    }
}
