/// Stage 4: gives every page its URL and its section, collects tags, resolves the navigation,
/// and links the reports in series and supersession.
struct SiteGraphBuilder {
    let includeDrafts: Bool
    let includeFuture: Bool
    /// The build date: pages dated after it are left out unless `includeFuture`.
    let today: Day

    func build(config located: Located<SiteConfig>, registry: IndicatorRegistry, indicatorLocations: [String: SourceLocation],
               pages: [SourcePage], allMarkdown: [SourceFile], assets: [SourceFile],
               into log: DiagnosticLog) -> SiteGraph {
        let config = located.value
        let assets = AssetPolicy.allowed(assets, allowRawHTML: config.allowRawHTML, log: log)
        let isFuture = { (page: SourcePage) in !includeFuture && (page.frontMatter.date.map { $0 > today } ?? false) }
        let published = pages.filter { (includeDrafts || !$0.isDraft) && !isFuture($0) }
        let indexFiles = published.filter { $0.file.isSectionIndex }
        let sitePages = published.filter { !$0.file.isSectionIndex }.map(makePage)
            .sorted { $0.source.file.contentPath < $1.source.file.contentPath }

        var pageIndex: [String: Int] = [:]
        for (index, page) in sitePages.enumerated() { pageIndex[page.source.file.contentPath] = index }
        let order = listOrder(sitePages)

        let sections = makeSections(pages: sitePages, indexFiles: indexFiles, order: order)
        let tags = makeTags(pages: sitePages, order: order)
        var graph = SiteGraph(config: config, pages: sitePages, sections: sections, tags: tags, assets: assets,
                              pageIndex: pageIndex, registry: registry)
        graph.indicatorLocations = indicatorLocations
        graph.drafts = Set(pages.filter { !includeDrafts && $0.isDraft }.map(\.file.contentPath))
        graph.future = Dictionary(uniqueKeysWithValues: pages.filter { !($0.isDraft && !includeDrafts) && isFuture($0) }
            .map { ($0.file.contentPath, $0.frontMatter.date!) })
        for page in pages where graph.future[page.file.contentPath] != nil {
            let date = page.frontMatter.date!
            log.add(.note("not published: dated \(date.long), after the build date \(today.long)", at: page.location(of: "date"),
                          hint: "build with --future to publish pages dated ahead, or with --today \(date.iso) or later"))
        }
        graph.failed = Set(allMarkdown.map(\.contentPath)).subtracting(pages.map(\.file.contentPath))
        for index in sitePages.indices where sitePages[index].source.frontMatter.kind == .review {
            graph.reviews[sitePages[index].source.reviewID] = index
        }
        for index in order.reversed() {
            if let review = sitePages[index].source.document?.reviewID { graph.reviewDocuments[review, default: []].append(index) }
        }
        graph.quarterlies = sitePages.indices.compactMap { index -> (FinancialQuarter, Int)? in
            guard case let .quarterly(report)? = sitePages[index].source.document, let period = report.period else { return nil }
            return (period, index)
        }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.1)
        graph.hasActions = sitePages.contains { page in
            switch page.source.document {
            case let .plan(plan)?: return plan.objectives?.contains { !($0.actions ?? []).isEmpty } ?? false
            case let document?: return !(document.scorecard?.0.actions ?? []).isEmpty
            case nil: return false
            }
        }
        resolveSupersession(&graph, log: log)
        resolveSources(&graph, log: log)
        linkSeries(&graph)
        graph.navigation = resolveNavigation(located, graph: graph, log: log)
        log.add(contentsOf: SiteBrand.logoProblems(located, assetPaths: graph.assetPaths))
        return graph
    }

    /// Quarterly reports follow each other by period; a review's highlight reports by date.
    /// Superseded reports are left out of the chain: their replacements stand in for them.
    private func linkSeries(_ graph: inout SiteGraph) {
        var series = [graph.quarterlies]
        for documents in graph.reviewDocuments.values.sorted(by: { $0.first ?? 0 < $1.first ?? 0 }) {
            series.append(documents.filter { graph.pages[$0].source.frontMatter.kind == .highlight })
        }
        for members in series.map({ $0.filter { graph.supersededBy[$0] == nil } }) where members.count > 1 {
            for (previous, next) in zip(members, members.dropFirst()) {
                graph.next[previous] = next
                graph.previous[next] = previous
            }
        }
    }

    /// `superseded_by` names the newer report by a relative path to its Markdown file.
    private func resolveSupersession(_ graph: inout SiteGraph, log: DiagnosticLog) {
        let pagePaths = Array(graph.pageIndex.keys)
        let published = SuggestionIndex { pagePaths }
        for (index, page) in graph.pages.enumerated() {
            guard let link = page.source.frontMatter.supersededBy else { continue }
            let location = page.source.location(of: "superseded_by")
            guard let path = ContentPath.normalise(ContentPath.join(page.source.file.folder, link)),
                  let newer = graph.pageIndex[path] else {
                let target = ContentPath.normalise(ContentPath.join(page.source.file.folder, link)) ?? link
                let near = published.nearest(to: target).flatMap { $0 == page.source.file.contentPath ? nil : $0 }
                log.add(.error("superseded_by '\(link)' is not a published page", at: location,
                               hint: near.map { "did you mean '\(SiteLinkResolver.relative($0, from: page.source.file.folder))'?" }
                                   ?? "write the newer report's file, relative to this one, e.g. 2007-08-q1.md"))
                continue
            }
            guard newer != index else {
                log.add(.error("a report cannot supersede itself", at: location))
                continue
            }
            graph.supersededBy[index] = newer
        }
    }

    /// `source:` names the original document, a file in `content/` that is copied unchanged.
    private func resolveSources(_ graph: inout SiteGraph, log: DiagnosticLog) {
        for (index, page) in graph.pages.enumerated() {
            guard let link = page.source.frontMatter.source else { continue }
            guard let path = ContentPath.normalise(ContentPath.join(page.source.file.folder, link)),
                  graph.assetPaths.contains(path) else {
                log.add(.error("source '\(link)' is not a file in content/", at: page.source.location(of: "source"),
                               hint: "name the original document, relative to this page, e.g. \(page.source.file.fileName.dropLast(3)).docx"))
                continue
            }
            graph.sources[index] = path
        }
    }

    private func makePage(_ source: SourcePage) -> SitePage {
        let file = source.file
        let stem = String(file.fileName.dropLast(".md".count))
        let name = source.frontMatter.slug ?? stem
        var seen = Set<String>()
        let tags = (source.frontMatter.tags ?? []).compactMap { name -> TagReference? in
            let slug = Slug.make(from: name)
            return seen.insert(slug).inserted ? TagReference(name: TagReference.displayName(of: name), slug: slug) : nil
        }
        return SitePage(source: source, urlPath: ContentPath.join(file.folder, name) + "/", tags: tags)
    }

    /// Pages with a weight first, lightest first; then newest first; undated last; then by title and path.
    private func listOrder(_ pages: [SitePage]) -> [Int] {
        // The keys are taken out once: comparing pages themselves copies each page twice a comparison.
        struct Key {
            let weight: Int
            let date: Day?
            let title: String
            let path: String
        }
        let keys = pages.map { Key(weight: $0.source.frontMatter.weight ?? 0, date: $0.date, title: $0.title, path: $0.source.file.contentPath) }
        return keys.indices.sorted { a, b in
            let x = keys[a], y = keys[b]
            if (x.weight != 0) != (y.weight != 0) { return x.weight != 0 }
            if x.weight != y.weight { return x.weight < y.weight }
            switch (x.date, y.date) {
            case let (dx?, dy?) where dx != dy: return dx > dy
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            if x.title != y.title { return x.title < y.title }
            return x.path < y.path
        }
    }

    private func makeSections(pages: [SitePage], indexFiles: [SourcePage], order: [Int]) -> [String: SiteSection] {
        var folders: Set<String> = [""]
        func addWithAncestors(_ folder: String) {
            var folder = folder
            while !folder.isEmpty {
                folders.insert(folder)
                folder = ContentPath.folder(of: folder)
            }
        }
        pages.forEach { addWithAncestors($0.source.file.folder) }
        indexFiles.forEach { addWithAncestors($0.file.folder) }
        let indexByFolder = Dictionary(indexFiles.map { ($0.file.folder, $0) }, uniquingKeysWith: { first, _ in first })

        var sections: [String: SiteSection] = [:]
        for folder in folders {
            let index = indexByFolder[folder]
            let fallback = folder.isEmpty ? "Home" : Self.humanise(folder.split(separator: "/").last.map(String.init) ?? folder)
            sections[folder] = SiteSection(
                folder: folder, title: index?.frontMatter.title ?? fallback, index: index,
                pages: order.filter { pages[$0].source.file.folder == folder },
                subsections: folders.filter { !$0.isEmpty && ContentPath.folder(of: $0) == folder }.sorted())
        }
        return sections
    }

    private func makeTags(pages: [SitePage], order: [Int]) -> [SiteTag] {
        var names: [String: String] = [:]
        var members: [String: Set<Int>] = [:]
        for (index, page) in pages.enumerated() {
            for tag in page.tags {
                // Tags written differently ("Faults", "faults") share one page, named by the first spelling in sort order.
                names[tag.slug] = min(names[tag.slug] ?? tag.name, tag.name)
                members[tag.slug, default: []].insert(index)
            }
        }
        return names.keys.sorted().map { slug in
            let pageSet = members[slug]!
            return SiteTag(reference: TagReference(name: names[slug]!, slug: slug), pages: order.filter(pageSet.contains))
        }
    }

    private func resolveNavigation(_ config: Located<SiteConfig>, graph: SiteGraph, log: DiagnosticLog) -> [ResolvedNavigationItem] {
        config.value.navigation.enumerated().compactMap { index, item in
            let link = item.link
            if URLPolicy.scheme(of: link) != nil {
                return ResolvedNavigationItem(title: item.title, target: link, isExternal: true)
            }
            let location = config.location(of: "navigation[\(index + 1)].link")
            guard let path = ContentPath.normalise(link) else {
                log.add(.error("navigation link '\(link)' points outside the content folder", at: location))
                return nil
            }
            if path.hasSuffix(".md"), let page = graph.pageIndex[path] {
                return ResolvedNavigationItem(title: item.title, target: graph.pages[page].urlPath, isExternal: false)
            }
            // The page, or every page of the folder, exists but has errors of its own, already
            // reported: one mistake, one error.
            if graph.failed.contains(path) { return nil }
            let folderPrefix = (path.hasSuffix("/") ? path : path + "/")
            if !path.hasSuffix(".md") && graph.failed.contains(where: { $0.hasPrefix(folderPrefix) }) { return nil }
            if let section = graph.sections[path] {
                return ResolvedNavigationItem(title: item.title, target: section.urlPath, isExternal: false)
            }
            let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
            if graph.generatedFolders.contains(folder) {
                return ResolvedNavigationItem(title: item.title, target: folder + "/", isExternal: false)
            }
            let candidates = graph.sections.keys.filter { !$0.isEmpty }.map { $0 + "/" } + graph.pageIndex.keys
                + graph.generatedFolders.map { $0 + "/" }
            log.add(.error("navigation link '\(link)' is neither a section folder nor a page", at: location,
                           hint: Suggestion.nearestPath(to: link, in: candidates).map { "did you mean '\($0)'?" }
                               ?? "write a folder inside content/ such as 'reports/', or a page such as 'about.md'"))
            return nil
        }
    }

    static func humanise(_ name: String) -> String {
        let words = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}

import Foundation
