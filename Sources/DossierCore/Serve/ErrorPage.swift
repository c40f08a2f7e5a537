/// What the preview shows instead of a page while the latest rebuild has failed: every diagnostic
/// exactly as the terminal printed it, and a link to the last good version of the page. The live
/// reload script is added like on any other page, so fixing the file brings the page back.
enum ErrorPage {
    /// The query that asks for the last good build's page as it is, not this error page.
    static let lastGoodQuery = "last-good"

    /// `lastGood`: the link to the last good version of the requested page, percent-encoded; nil
    /// when the last good build has no such page.
    static func html(diagnostics: [String], lastGood: String?) -> [UInt8] {
        let count = diagnostics.count == 1 ? "1 problem" : "\(diagnostics.count) problems"
        let items = diagnostics.map { "<li><pre>\(XML.escape($0))</pre></li>" }.joined(separator: "\n")
        let link = lastGood.map { "<p><a href=\"\(HTML.escape($0))\">See the last good version of this page</a>, from before the change that broke the build.</p>" }
            ?? "<p>The last good build has no page at this address, so there is no earlier version to show.</p>"
        let page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Build failed: \(count) · Dossier preview</title>
            <style>
            body { font: 1rem/1.5 system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fff; }
            main { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
            ol { padding-left: 1.5rem; }
            li { margin: 0 0 1rem; }
            pre { margin: 0; padding: 0.75rem 1rem; white-space: pre-wrap; overflow-wrap: anywhere;
                  font: 0.95rem/1.4 ui-monospace, monospace; background: #f6f6f6; border-left: 0.3rem solid #8a1c1c; }
            a { color: #0b4f8a; }
            </style>
            </head>
            <body>
            <main>
            <h1>The site did not build</h1>
            <p>Dossier found \(count) in the latest change. The preview keeps serving the last good build;
            fix the files below and this page comes back by itself.</p>
            <ol>
            \(items)
            </ol>
            \(link)
            </main>
            </body>
            </html>

            """
        return Array(page.utf8)
    }
}
