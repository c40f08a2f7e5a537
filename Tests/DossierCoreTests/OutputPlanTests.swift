import Foundation
import Testing
@testable import DossierCore

/// The output plan is the one list of what a build writes; the renderer and the clash check read it.
@Suite struct OutputPlanTests {
    @Test func thePlanIsExactlyTheFilesWritten() throws {
        let (site, report) = try ExampleSiteTests.build()
        let written = Set(Tree.snapshot(site).keys).subtracting([OutputWriter.marker])
        #expect(Set(report.plannedPaths) == written)
        #expect(report.plannedPaths.count == report.fileCount)
        // The newsletter's email files are in the plan, so the clash check sees them too.
        #expect(report.plannedPaths.contains { $0.hasSuffix("/email.html") })
    }

    @Test func checkPlansTheSameFilesItRenders() throws {
        let report = try Pipeline(options: BuildOptions(root: repositoryRoot.path, today: Fixture.today)).run(.check)
        #expect(report.files.map(\.path) == report.plannedPaths)
    }

    /// Each name a template reads at the top of its context is backed by an input its job declares:
    /// `site` by the site settings, `page` by the page's own source (or the site, for pages Dossier
    /// makes), lists by the listings or members they show, `doc` by documents or the page's source.
    @Test func everyJobDeclaresTheInputsItsTemplateReads() throws {
        let options = BuildOptions(root: repositoryRoot.path, today: Fixture.today)
        let log = DiagnosticLog()
        let templates = TemplateSet.load(fileSystem: options.fileSystem, root: options.root, into: log)
        let report = try Pipeline(options: options).run(.check)
        #expect(!report.plannedPaths.isEmpty)
        let plan = try Self.plan(options)
        var checked = 0
        for entry in plan.entries {
            guard let template = Self.template(of: entry.job, plan) else { continue }
            let roots = Self.rootNames(template, templates.library)
            for root in roots {
                let covered: Bool
                switch root {
                case "site": covered = entry.inputs.contains(.site)
                case "page", "breadcrumbs", "hasBreadcrumbs":
                    covered = entry.inputs.contains(.site) || entry.inputs.contains { if case .source = $0 { true } else { false } }
                case "pages", "hasPages", "tags", "hasTags", "sections", "hasSections", "pagination":
                    covered = entry.inputs.contains { switch $0 { case .listing, .members: true; default: false } }
                case "doc":
                    covered = entry.inputs.contains(.documents) || entry.inputs.contains { if case .source = $0 { true } else { false } }
                default: covered = false
                }
                #expect(covered, "\(entry.path): its template '\(template)' reads '\(root)', which the job's inputs do not cover")
                checked += 1
            }
            #expect(entry.inputs.contains(.template(template)), "\(entry.path) does not declare its template")
        }
        #expect(checked > 100)
    }

    @Test func twoThingsAtOnePathAreOneErrorAtTheSecond() {
        let fixture = Fixture(["content/archive.md": Fixture.page("Archive", extra: "date: 2006-01-01\n")])
        // Reported at the page, which can move, not at the generated page, which cannot.
        #expect(fixture.errors() == [
            "content/archive.md:1:1: error: this page is written to 'archive/index.html', which the archive of reports already writes\n  hint: give one of them a different slug or file name",
        ])
    }

    static func plan(_ options: BuildOptions) throws -> OutputPlan {
        let log = DiagnosticLog()
        let content = ContentLoader(fileSystem: options.fileSystem, root: options.root).load(into: log)
        let validated = Validator().validate(PageParser().parse(content, into: log), into: log)
        let graph = SiteGraphBuilder(includeDrafts: false, includeFuture: false, today: options.today)
            .build(config: validated.config, registry: validated.registry, indicatorLocations: validated.indicatorLocations,
                   pages: validated.pages,
                   allMarkdown: content.markdown.map(\.file), assets: content.assets, into: log)
        let templates = TemplateSet.load(fileSystem: options.fileSystem, root: options.root, into: log)
        return OutputPlanner(themeFiles: templates.assets.keys.sorted()).plan(graph, into: log)
    }

    static func template(of job: OutputPlan.Job, _ plan: OutputPlan) -> String? {
        let entry = plan.entries.first { $0.job == job }!
        return entry.inputs.compactMap { if case let .template(name) = $0 { name } else { nil } }.first
    }

    /// The first segment of every name the template (with its partials and parents) reads outside
    /// any section: the names it takes from the top of its context.
    static func rootNames(_ name: String, _ library: TemplateLibrary, seen: Set<String> = []) -> Set<String> {
        guard let template = library.template(named: name), !seen.contains(name) else { return [] }
        var names: Set<String> = []
        func walk(_ nodes: [MustacheNode], depth: Int) {
            for node in nodes {
                switch node {
                case .text: continue
                case let .variable(tag, _, _):
                    if depth == 0, let first = tag.segments.first { names.insert(first) }
                case let .section(tag, inverted, children, _):
                    if depth == 0, let first = tag.segments.first { names.insert(first) }
                    walk(children, depth: inverted ? depth : depth + 1)
                case let .partial(partial, _, _, _):
                    if depth == 0 { names.formUnion(rootNames(partial, library, seen: seen.union([name]))) }
                case let .parent(parent, _, _, overrides, _):
                    for block in overrides { walk(block.content, depth: depth) }
                    if depth == 0 { names.formUnion(rootNames(parent, library, seen: seen.union([name]))) }
                case let .block(block, _, _):
                    walk(block.content, depth: depth)
                }
            }
        }
        walk(template.nodes, depth: 0)
        return names
    }
}

@Suite struct PaginationTests {
    @Test func theBarShowsTheEndsAndAWindowAroundTheCurrentPage() {
        #expect(TemplateContext.paginationNumbers(current: 1, count: 500) == [1, 2, 3, 500])
        #expect(TemplateContext.paginationNumbers(current: 250, count: 500) == [1, 248, 249, 250, 251, 252, 500])
        #expect(TemplateContext.paginationNumbers(current: 500, count: 500) == [1, 498, 499, 500])
        #expect(TemplateContext.paginationNumbers(current: 2, count: 3) == [1, 2, 3])
    }

    @Test func aLongListLinksAFewPagesWithAnEllipsisBetween() throws {
        var files = ["content/site.yaml": "title: T\npage_size: 1\n"]
        for number in 1...30 { files["content/reports/r\(number).md"] = Fixture.page("R\(number)", extra: "date: 2006-01-\(String(format: "%02d", number))\n") }
        let site = try Fixture(files).build()
        let page = Tree.text(site, "reports/page/15/index.html")
        let middle = page[page.range(of: "<nav class=\"pagination\"")!.lowerBound...].components(separatedBy: "</nav>")[0]
        let links = middle.components(separatedBy: "href=\"/reports/page/").count - 1
        #expect(links == 7, "previous, 13, 14, 16, 17, the last, next: \(links)")
        #expect(middle.contains("<a href=\"/reports/\">1</a>") && middle.contains("<a href=\"/reports/page/30/\">30</a>"))
        #expect(middle.components(separatedBy: "pagination-gap").count - 1 == 2)
    }
}

@Suite struct FeedSizeTests {
    @Test func feedsHoldTheNewestReportsUpToFeedSize() throws {
        var files = ["content/site.yaml": "title: T\nbase_url: https://example.org/\nfeed_size: 3\n"]
        for number in 1...9 { files["content/reports/r\(number).md"] = Fixture.page("R\(number)", extra: "date: 2006-01-0\(number)\n") }
        let site = try Fixture(files).build()
        for feed in ["feed.xml", "reports/feed.xml"] {
            let xml = Tree.text(site, feed)
            #expect(xml.components(separatedBy: "<entry>").count - 1 == 3, "\(feed)")
            #expect(xml.contains("<title>R9</title>") && xml.contains("<title>R7</title>") && !xml.contains("<title>R6</title>"))
        }
    }
}

@Suite struct ViewModelTests {
    @Test func absentOptionalsAreNullSoTheyStopTheLookUp() {
        let link = LinkView(title: "T", url: "/t/")
        let value = TemplateEncoder.value(ReviewView.DocumentEntry(title: "A", url: "/a/", kind: "Plan", date: nil))
        #expect(value["date"] == .null)
        #expect(value["title"] == .string("A"))
        #expect(TemplateEncoder.value(link) == ["title": "T", "url": "/t/"])
    }

    @Test func aListEntryHasThePageFieldsAndItsHTMLSideBySide() {
        let page = ListedPageView(title: "A", url: "/a/", summary: nil, date: nil, tags: [], hasTags: false, section: nil)
        let value = TemplateEncoder.value(ListEntryView(page, html: "<li>A</li>"))
        #expect(value["title"] == "A" && value["html"] == "<li>A</li>" && value["summary"] == .null)
        guard case let .object(fields) = TemplateShape.of(ListEntryView.self) else { Issue.record("not an object"); return }
        #expect(Set(fields.keys) == ["title", "url", "summary", "date", "tags", "hasTags", "section", "html"])
    }

    @Test func shapesComeFromTheTypes() {
        guard case let .object(fields) = TemplateShape.of(PageContext.self),
              case let .object(page)? = fields["page"], case let .list(.object(heading))? = page["headings"],
              case .object? = page["date"], case .value? = page["title"] else {
            Issue.record("unexpected shape"); return
        }
        #expect(Set(heading.keys) == ["level", "text", "id"])
        #expect(PageKind.quarterly.shape.fields?["doc"]?.fields?["results"] != nil)
        #expect(PageKind.page.shape.fields?["doc"] == nil)
    }
}
