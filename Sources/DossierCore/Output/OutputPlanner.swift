/// Makes the output plan from the site graph, and reports two things written to one path at the
/// source of the second.
struct OutputPlanner {
    /// Output paths of the theme's files (`assets/dossier.css`).
    let themeFiles: [String]

    func plan(_ graph: SiteGraph, into log: DiagnosticLog) -> OutputPlan {
        var claims = Claims()
        let content = SourceLocation(file: SourceFile.contentFolder)
        typealias Input = OutputPlan.Input
        let page = { (kind: PageKind) -> Set<Input> in [.site, .template(kind.template)] }

        // Dossier's own pages first, so a clash with content is reported at the content, which can move.
        if !graph.tags.isEmpty {
            claims.claim("\(SiteGraph.tagsFolder)/index.html", .tagIndex, page(.tags).union([.members(SiteGraph.tagsFolder)]), "the tags index", content)
        }
        for tag in graph.tags {
            let inputs = page(.tag).union([.members(tag.reference.urlPath)]).union(tag.pages.map { .listing(graph.pages[$0].source.file.contentPath) })
            let user = tag.pages.first.map { graph.pages[$0].source.location(of: "tags") } ?? content
            claims.claim(tag.reference.urlPath + "index.html", .tag(slug: tag.reference.slug), inputs,
                         "the page of tag '\(OutputPathLimits.shortened(tag.reference.name))'", user)
        }
        if graph.hasIndicators {
            claims.claim("\(SiteGraph.indicatorsFolder)/index.html", .indicatorIndex, page(.indicators).union([.documents]), "the indicators index", content)
            for indicator in graph.registry.indicators {
                claims.claim("\(SiteGraph.indicatorsFolder)/\(indicator.id)/index.html", .indicator(id: indicator.id),
                             page(.indicator).union([.documents]), "the page of indicator '\(OutputPathLimits.shortened(indicator.id))'",
                             graph.location(ofIndicator: indicator.id))
            }
        }
        if graph.hasActions {
            claims.claim("\(SiteGraph.actionsFolder)/index.html", .actionTracker, page(.actions).union([.documents]), "the action tracker", content)
        }
        let reports = graph.reports
        if !reports.isEmpty {
            let listings = reports.map { Input.listing(graph.pages[$0].source.file.contentPath) }
            claims.claim("\(SiteGraph.archiveFolder)/index.html", .archive, page(.archive).union([.documents]).union(listings),
                         "the archive of reports", content)
            claims.claim(Feeds.fileName, .siteFeed, Set([.site, .members(Self.recentReports)] + listings), "Dossier's \(Feeds.fileName)", content)
        }
        // The A–Z index shows every page's title and date, the tags, and the documents' actions,
        // objectives, officers and committees.
        let index = AZIndex(graph)
        let indexInputs = page(.az).union([.documents]).union(graph.pages.map { .listing($0.source.file.contentPath) })
        claims.claim(AZIndex.path() + "index.html", .azIndex, indexInputs, "the A–Z index", content)
        if index.isSplit {
            for group in index.groups {
                claims.claim(AZIndex.path(letter: group.key) + "index.html", .azLetter(group.key), indexInputs,
                             "the A–Z index of '\(group.label)'", content)
            }
        }
        if graph.config.search {
            claims.claim(SearchPage.path + "index.html", .searchPage, page(.search), "the search page", content)
        }
        claims.claim("404.html", .notFound, page(.notFound), "Dossier's 404.html", content)
        claims.claim(Sitemap.fileName, .sitemap, Set([.site, .documents] + graph.pages.map { .listing($0.source.file.contentPath) }),
                     "Dossier's \(Sitemap.fileName)", content)
        for section in graph.sortedSections {
            let location = section.index.map { SourceLocation(file: $0.file.path) }
                ?? SourceLocation(file: ContentPath.join(SourceFile.contentFolder, section.folder))
            let what = section.isHome ? "the home page" : "the section list of '\(section.folder)'"
            let count = section.isHome ? 1 : graph.listPageCount(section)
            let size = max(1, graph.config.pageSize)
            for number in 1...count {
                var inputs = page(section.isHome ? .home : .section).union([.members(section.folder)])
                if let index = section.index, number == 1 { inputs.insert(.source(index.file.contentPath)) }
                if section.isHome {
                    inputs.formUnion([.documents, .members(Self.recentReports)])
                    inputs.formUnion(graph.pages.map { .listing($0.source.file.contentPath) })
                } else {
                    let shown = section.pages.dropFirst((number - 1) * size).prefix(size)
                    inputs.formUnion(shown.map { .listing(graph.pages[$0].source.file.contentPath) })
                    inputs.formUnion(section.subsections.map { .members($0) })
                }
                claims.claim(SiteGraph.listPagePath(section, number) + "index.html",
                             .sectionList(folder: section.folder, number: number), inputs, what, location)
            }
            if !section.isHome && !section.pages.isEmpty {
                claims.claim(section.urlPath + Feeds.fileName, .sectionFeed(folder: section.folder),
                             Set([.site, .members(section.folder)] + section.pages.map { .listing(graph.pages[$0].source.file.contentPath) }),
                             "the feed of '\(section.folder)'", location)
            }
        }
        for sitePage in graph.pages {
            let path = sitePage.source.file.contentPath
            let location = sitePage.source.frontMatter.slug != nil ? sitePage.source.location(of: "slug") : SourceLocation(file: sitePage.source.file.path)
            let kind = sitePage.source.document.map { PageKind($0.kind) } ?? .page
            var inputs = page(kind).union([.source(path)])
            // Series links, supersession banners and a typed document's links to others name their titles.
            if sitePage.source.document != nil { inputs.insert(.documents) }
            claims.claim(sitePage.outputPath, .page(path), inputs, "this page", location)
            if graph.config.pdf && SiteGraph.isReport(sitePage) {
                claims.claim(sitePage.urlPath + ReportPDFs.fileName, .reportPDF(path), inputs, "this report's PDF", location)
            }
            if sitePage.source.document?.kind == .newsletter, sitePage.date != nil {
                let files = [NewsletterEmail.emailHTMLFile, NewsletterEmail.emailTextFile]
                    + (graph.config.newsletter == nil ? [] : [NewsletterEmail.messageFile])
                for file in files {
                    claims.claim(sitePage.urlPath + file, .newsletterEmail(path), [.site, .source(path), .documents],
                                 "this newsletter issue's email", location)
                }
            }
        }
        for path in themeFiles where SearchPage.includes(themeFile: path, searchOn: graph.config.search) {
            claims.claim(path, .themeFile(path), [.file(TemplateSet.folder + "/" + path)], "the theme file", SourceLocation(file: "templates/\(path)"))
        }
        for asset in graph.assets {
            claims.claim(asset.contentPath, .contentFile(asset.contentPath), [.file(asset.path)], "this file", SourceLocation(file: asset.path))
        }
        log.add(contentsOf: claims.clashes)
        if graph.config.search {
            // Pagefind writes its index there after the pages: nothing of the site may be in its way.
            let inTheWay = claims.entries.map(\.path).filter { $0.hasPrefix(Pagefind.bundleFolder + "/") }.sorted()
            if let first = inTheWay.first {
                let more = inTheWay.count > 1 ? " and \(inTheWay.count - 1) more" : ""
                log.add(.error("search puts its index in \(Pagefind.bundleFolder)/, but the site writes '\(first)'\(more) there",
                               at: claims.owners[first]!.location, hint: "rename the folder, or turn search off"))
            }
        }
        return OutputPlan(entries: claims.entries.sorted { $0.path < $1.path })
    }

    /// The `members` input of the site's newest reports (the home page, the site feed).
    static let recentReports = ":reports"

    private struct Claims {
        var entries: [OutputPlan.Entry] = []
        var owners: [String: (what: String, location: SourceLocation)] = [:]
        /// Every folder some claimed path is inside, with the first claim that needs it.
        var folders: [String: (what: String, location: SourceLocation)] = [:]
        /// Claimed paths by their lowercased form, for paths that differ only by case.
        var folded: [String: String] = [:]
        var clashes: [Diagnostic] = []

        mutating func claim(_ path: String, _ job: OutputPlan.Job, _ inputs: Set<OutputPlan.Input>, _ what: String, _ location: SourceLocation) {
            let shown = OutputPathLimits.shortened(path)
            if let owner = owners[path] {
                clashes.append(.error("\(what) is written to '\(shown)', which \(owner.what)\(Self.source(owner.location)) already writes",
                                      at: location, hint: "give one of them a different slug or file name"))
                return
            }
            let limits = OutputPathLimits.problems(path)
            for problem in limits {
                switch problem {
                case let .error(message):
                    clashes.append(.error("\(what) is written to '\(shown)': \(message)", at: location, hint: "use a shorter, plainer slug, tag or id"))
                case let .warning(message):
                    clashes.append(.warning("\(what) is written to '\(shown)': \(message)", at: location, hint: "use another slug or file name"))
                }
            }
            if limits.contains(where: { if case .error = $0 { true } else { false } }) { return }
            if let user = folders[path] {
                clashes.append(.error("\(what) is written to '\(shown)', which \(user.what)\(Self.source(user.location)) needs as a folder",
                                      at: location, hint: "give one of them a different slug or file name"))
                return
            }
            var ancestors: [String] = []
            var folder = ContentPath.folder(of: path)
            while !folder.isEmpty {
                if let owner = owners[folder] {
                    clashes.append(.error("\(what) is written inside '\(OutputPathLimits.shortened(folder))', which \(owner.what)\(Self.source(owner.location)) writes as a file",
                                          at: location, hint: "give one of them a different slug or file name"))
                    return
                }
                ancestors.append(folder)
                folder = ContentPath.folder(of: folder)
            }
            for ancestor in ancestors where folders[ancestor] == nil { folders[ancestor] = (what, location) }
            if let other = folded[path.lowercased()] {
                clashes.append(.warning("\(what) is written to '\(shown)', which differs only by case from '\(OutputPathLimits.shortened(other))'",
                                        at: location, hint: "a site served from a Windows share or a Mac would lose one of them; rename one"))
            } else {
                folded[path.lowercased()] = path
            }
            owners[path] = (what, location)
            entries.append(OutputPlan.Entry(path: path, job: job, inputs: inputs))
        }

        private static func source(_ location: SourceLocation) -> String {
            location.file == SourceFile.contentFolder || location.file == SourceFile.contentFolder + "/" ? "" : " (\(location.file))"
        }
    }
}
