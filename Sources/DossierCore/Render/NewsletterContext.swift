/// The `doc` of a newsletter issue's page: its introduction and articles as HTML, what it gathered
/// from the site, and the links to its email versions.
extension DocumentContext {
    static func newsletter(_ issue: NewsletterIssue, _ page: SitePage, _ inputs: Inputs) -> (NewsletterView, [Diagnostic]) {
        var problems: [Diagnostic] = []
        var used = Pipeline.templateIDs.union(["since-the-last-issue"])
        func render(_ markdown: String, key: String, prefix: String) -> String {
            var renderer = inputs.markdown
            renderer.chartIDPrefix = prefix
            renderer.reservedIDs = used
            let start = page.source.locations.textStart(of: key) ?? (page.source.location(of: key).line + 1, 0)
            var text = SourcePage(file: page.source.file, frontMatter: page.source.frontMatter, locations: page.source.locations,
                                  body: markdown, bodyFirstLine: start.line)
            text.bodyColumnOffset = start.columnOffset
            let (body, diagnostics) = renderer.render(text, links: inputs.links)
            used.formUnion(body.headings.map(\.id))
            problems += diagnostics
            return body.html
        }
        let intro = issue.intro.map { render($0, key: "intro", prefix: "chart_intro_") } ?? ""
        let articles = (issue.articles ?? []).enumerated().map { index, article -> NewsletterView.Article in
            let anchor = "article-\(index + 1)"
            used.insert(anchor)
            return NewsletterView.Article(title: article.title, anchor: anchor,
                                          html: render(article.body, key: "articles[\(index + 1)].body", prefix: "chart_a\(index + 1)_"))
        }
        var gathered: NewsletterView.Gathered?
        let gathering = NewsletterGathering(graph: inputs.graph)
        if let window = gathering.window(for: page) {
            let items = gathering.items(in: window)
            gathered = NewsletterView.Gathered(
                window: window.from.map { "Since \($0.long), up to \(window.to.long)" } ?? "Up to \(window.to.long)",
                isEmpty: items.isEmpty,
                groups: NewsletterGathering.Category.allCases.compactMap { category in
                    let members = items.filter { $0.category == category }
                    return members.isEmpty ? nil : NewsletterView.Gathered.Group(title: category.title, items: members.map { item in
                        NewsletterView.Gathered.Item(text: item.text, isReport: item.category == .reports, date: DateView(item.date),
                                                     source: LinkView(title: item.sourceTitle, url: inputs.urls.href(item.sourcePath)))
                    })
                })
        }
        let email = inputs.graph.config.newsletter == nil ? nil : NewsletterView.Email(
            html: inputs.urls.href(page.urlPath + NewsletterEmail.emailHTMLFile),
            text: inputs.urls.href(page.urlPath + NewsletterEmail.emailTextFile),
            message: inputs.urls.href(page.urlPath + NewsletterEmail.messageFile))
        let archive = inputs.graph.sections[page.source.file.folder].map { inputs.urls.href($0.urlPath) } ?? inputs.urls.href("")
        return (NewsletterView(issue: issue.issue, editor: issue.editor, intro: intro, articles: articles,
                               gathered: gathered, email: email, archiveURL: archive), problems)
    }
}
