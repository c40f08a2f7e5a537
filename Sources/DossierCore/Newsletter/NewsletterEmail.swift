import Foundation

/// One newsletter issue, ready to be written as an email: every block of its Markdown read, every
/// link absolute, the gathered items grouped. `EmailHTML`, `EmailText` and `MIMEMessage` render it.
struct NewsletterEmail: Sendable {
    struct Article: Sendable {
        var title: String
        var blocks: [EmailBlock]
    }

    struct GatheredGroup: Sendable {
        var title: String
        /// Each item's text, its date in words and the absolute URL of its source page, with that page's title.
        var items: [(text: String, date: String, url: String, source: String)]
        /// Items that are reports themselves: the text is the link.
        var areReports = false

        /// The items in runs from one source page on one date, in order: a source repeated down the
        /// list is then named once.
        var runs: [(source: String, url: String, date: String, texts: [String])] {
            var runs: [(source: String, url: String, date: String, texts: [String])] = []
            for item in items {
                if let last = runs.last, last.url == item.url, last.date == item.date, last.source == item.source {
                    runs[runs.count - 1].texts.append(item.text)
                } else {
                    runs.append((source: item.source, url: item.url, date: item.date, texts: [item.text]))
                }
            }
            return runs
        }
    }

    var siteTitle: String
    var organisation: String?
    var language: String
    var issue: Int
    var title: String
    var date: Day
    var editor: String?
    var summary: String?
    var intro: [EmailBlock]
    var articles: [Article]
    /// "Since the last issue": the window in words, and the groups.
    var gatheredWindow: String?
    var gathered: [GatheredGroup]
    /// The issue's page on the intranet.
    var pageURL: String
    var archiveURL: String

    /// The hidden line mail clients show beside the subject: the summary, or the start of the introduction.
    var preheader: String {
        if let summary { return summary }
        for case let .paragraph(runs) in intro { return String(runs.map(\.plainText).joined().prefix(140)) }
        return "Issue \(issue) of the \(siteTitle) staff newsletter"
    }

    /// "Staff newsletter, issue 3: Title"
    /// The title and the issue number, unless the title already says it ("Staff news, issue 2: …").
    var subject: String {
        let words = title.lowercased().split { !$0.isLetter && !$0.isNumber }
        let says = zip(words, words.dropFirst()).contains { $0 == "issue" && Int($1) == issue }
        return says ? title : "\(title) (issue \(issue))"
    }

    static let emailHTMLFile = "email.html"
    static let emailTextFile = "email.txt"
    static let messageFile = "issue.eml"

    /// The email files written beside an issue's page.
    static func outputPaths(of page: SitePage) -> [String] {
        [emailHTMLFile, emailTextFile, messageFile].map { page.urlPath + $0 }
    }

    /// Makes a link written in the page's Markdown absolute: content links resolved, site paths given the base URL.
    static func absoluteLink(_ destination: String, page: SitePage, graph: SiteGraph, urls: SiteURLs) -> String {
        var link = destination
        if case let .rewrite(resolved) = SiteLinkResolver(graph: graph, urls: urls).resolve(destination, from: page.source.file) {
            link = resolved
        }
        if link.hasPrefix("#") { return urls.absolute(page.urlPath) + link }
        if link.hasPrefix(urls.basePath), urls.baseURL.contains("://") { return urls.baseURL + link.dropFirst(urls.basePath.count) }
        if link.hasPrefix("/"), let base = URL(string: urls.baseURL), let scheme = base.scheme, let host = base.host {
            return "\(scheme)://\(host)\(base.port.map { ":\($0)" } ?? "")\(link)"
        }
        return link
    }

    static func make(_ page: SitePage, graph: SiteGraph, urls: SiteURLs) -> NewsletterEmail? {
        guard case let .newsletter(issue)? = page.source.document, let date = page.date else { return nil }
        let content = EmailContent(absolute: { absoluteLink($0, page: page, graph: graph, urls: urls) }, tolerance: graph.config.tolerance)
        let gathering = NewsletterGathering(graph: graph)
        var groups: [GatheredGroup] = []
        var windowWords: String?
        if let window = gathering.window(for: page) {
            let items = gathering.items(in: window)
            windowWords = window.from.map { "Since \($0.long), up to \(window.to.long)" } ?? "Up to \(window.to.long)"
            for category in NewsletterGathering.Category.allCases {
                let members = items.filter { $0.category == category }
                guard !members.isEmpty else { continue }
                groups.append(GatheredGroup(title: category.title, items: members.map {
                    (text: $0.text, date: $0.date.long, url: urls.absolute($0.sourcePath), source: $0.sourceTitle)
                }, areReports: category == .reports))
            }
        }
        let archive = graph.sections[page.source.file.folder].map { urls.absolute($0.urlPath) } ?? urls.absolute("")
        return NewsletterEmail(
            siteTitle: graph.config.title, organisation: graph.config.organisation, language: graph.config.language,
            issue: issue.issue, title: page.title, date: date, editor: issue.editor, summary: page.summary,
            intro: issue.intro.map(content.blocks) ?? [],
            articles: (issue.articles ?? []).map { Article(title: $0.title, blocks: content.blocks($0.body)) },
            gatheredWindow: windowWords, gathered: groups, pageURL: urls.absolute(page.urlPath), archiveURL: archive)
    }
}
