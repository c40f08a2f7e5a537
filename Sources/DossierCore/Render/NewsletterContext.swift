import Foundation

/// The `doc` of a newsletter issue's page: its introduction and articles as HTML, what it gathered
/// from the site, and the links to its email versions.
extension DocumentContext {
    static let newsletterFields: [String: TemplateShape] = [
        "issue": .value, "editor": .value, "intro": .value,
        "articles": .list(.object(["title": .value, "anchor": .value, "html": .value])),
        "gathered": .object([
            "window": .value, "isEmpty": .value,
            "groups": .list(.object(["title": .value, "items": .list(.object([
                "text": .value, "isReport": .value, "date": .object(["iso": .value, "long": .value]),
                "source": .object(["title": .value, "url": .value]),
            ]))])),
        ]),
        "email": .object(["html": .value, "text": .value, "message": .value]),
        "archiveURL": .value,
    ]

    static func newsletter(_ issue: NewsletterIssue, _ page: SitePage, _ inputs: Inputs) -> (TemplateObject, [Diagnostic]) {
        var problems: [Diagnostic] = []
        var used = Pipeline.templateIDs.union(["since-the-last-issue"])
        func render(_ markdown: String, key: String, prefix: String) -> String {
            var renderer = inputs.markdown
            renderer.chartIDPrefix = prefix
            renderer.reservedIDs = used
            let at = page.source.location(of: key)
            // A block scalar (`|`) starts on the line after its key.
            let text = SourcePage(file: page.source.file, frontMatter: page.source.frontMatter, locations: page.source.locations,
                                  body: markdown, bodyFirstLine: at.line + 1)
            let (body, diagnostics) = renderer.render(text, links: inputs.links)
            used.formUnion(body.headings.map(\.id))
            problems += diagnostics
            return body.html
        }
        let intro = issue.intro.map { render($0, key: "intro", prefix: "chart_intro_") } ?? ""
        let articles = (issue.articles ?? []).enumerated().map { index, article -> TemplateObject in
            let anchor = "article-\(index + 1)"
            used.insert(anchor)
            return TemplateObject(["title": article.title, "anchor": anchor,
                                   "html": render(article.body, key: "articles[\(index + 1)].body", prefix: "chart_a\(index + 1)_")])
        }
        var gathered: Any = NSNull()
        let gathering = NewsletterGathering(graph: inputs.graph)
        if let window = gathering.window(for: page) {
            let items = gathering.items(in: window)
            gathered = TemplateObject([
                "window": window.from.map { "Since \($0.long), up to \(window.to.long)" } ?? "Up to \(window.to.long)",
                "isEmpty": items.isEmpty,
                "groups": NewsletterGathering.Category.allCases.compactMap { category -> TemplateObject? in
                    let members = items.filter { $0.category == category }
                    return members.isEmpty ? nil : TemplateObject(["title": category.title, "items": members.map { item in
                        TemplateObject(["text": item.text, "isReport": item.category == .reports, "date": dayObject(item.date),
                                        "source": TemplateObject(["title": item.sourceTitle, "url": inputs.urls.href(item.sourcePath)])])
                    }])
                },
            ])
        }
        let email: Any = inputs.graph.config.newsletter == nil ? NSNull() : TemplateObject([
            "html": inputs.urls.href(page.urlPath + NewsletterEmail.emailHTMLFile),
            "text": inputs.urls.href(page.urlPath + NewsletterEmail.emailTextFile),
            "message": inputs.urls.href(page.urlPath + NewsletterEmail.messageFile),
        ])
        let archive = inputs.graph.sections[page.source.file.folder].map { inputs.urls.href($0.urlPath) } ?? inputs.urls.href("")
        return (TemplateObject([
            "issue": issue.issue, "editor": issue.editor ?? NSNull(), "intro": intro, "articles": articles,
            "gathered": gathered, "email": email, "archiveURL": archive,
        ]), problems)
    }
}
