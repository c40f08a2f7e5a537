import Foundation

/// The email files of a newsletter issue, written beside its page: `email.html`, `email.txt` and
/// `issue.eml`. The message needs `newsletter:` in site.yaml (its From and To); without it only the
/// HTML and text versions are written.
enum NewsletterFiles {
    static func files(for page: SitePage, graph: SiteGraph, urls: SiteURLs) -> [OutputFile] {
        guard let email = NewsletterEmail.make(page, graph: graph, urls: urls) else { return [] }
        var files = [
            OutputFile(path: page.urlPath + NewsletterEmail.emailHTMLFile, contents: .text(EmailHTML.render(email))),
            OutputFile(path: page.urlPath + NewsletterEmail.emailTextFile, contents: .text(EmailText.render(email))),
        ]
        if let settings = graph.config.newsletter {
            let host = URL(string: urls.baseURL)?.host ?? "localhost"
            files.append(OutputFile(path: page.urlPath + NewsletterEmail.messageFile,
                                    contents: .text(MIMEMessage(email, settings: settings, host: host).rendered)))
        }
        return files
    }
}
