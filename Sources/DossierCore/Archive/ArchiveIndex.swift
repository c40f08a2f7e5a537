import Crypto
import Foundation

/// `index.html` at the top of the archive: the site and period, when the copy was made, and every
/// report with its date and a link to its file (and its PDF, when the site prints them). Styled by the site's own stylesheet, inlined.
struct ArchiveIndex {
    let config: SiteConfig
    let baseURL: String
    let period: ArchivePeriod
    let made: Day
    let reports: [OfflineArchive.Report]
    /// The `<style>` elements of the site's stylesheets.
    let style: String

    var html: String {
        let title = "Reports for \(period.label)"
        let count = reports.count == 1 ? "1 report" : "\(reports.count) reports"
        let liveSite = baseURL.contains("://")
            ? " from <a href=\"\(XML.escape(baseURL, attribute: true))\">\(XML.escape(baseURL))</a>" : ""
        var items = ""
        for report in reports {
            let page = report.page
            var meta: [String] = []
            if let date = page.date { meta.append("<time datetime=\"\(date.iso)\">\(date.long)</time>") }
            if let kind = page.kind { meta.append(XML.escape(kind.title)) }
            if page.kind == .quarterly, let quarter = page.quarter { meta.append("covers \(quarter.label): \(quarter.months)") }
            if let pdf = report.pdf {
                let href = XML.escape(ArchiveLinks.relative(from: OfflineArchive.indexFile, to: pdf.file), attribute: true)
                // Kept on one line: "PDF, 40 KB" broken after "PDF," reads as two things.
                let words = "PDF, \(ReportPDFs.size(pdf.bytes))".replacingOccurrences(of: " ", with: "&nbsp;")
                meta.append("<a href=\"\(href)\" type=\"application/pdf\">\(words)</a>")
            }
            items += """
                <li>
                <h2 class="page-list-title"><a href="\(XML.escape(ArchiveLinks.relative(from: OfflineArchive.indexFile, to: report.file), attribute: true))">\(XML.escape(page.title))</a></h2>
                <p class="meta">\(meta.joined(separator: "<span aria-hidden=\"true\"> · </span> "))</p>
                </li>

                """
        }
        let organisation = config.organisation.map { "\(XML.escape($0)) · " } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="\(XML.escape(config.language, attribute: true))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(XML.escape(title)) – \(XML.escape(config.title)) (offline archive)</title>
            <meta name="generator" content="Dossier \(DossierVersion.current)">
            \(style.isEmpty ? "" : style + "\n")\(OfflinePage.bannerStyle)</head>
            <body>
            <a class="skip-link" href="#main-content">Skip to main content</a>
            <p class="archive-banner" role="note">Offline copy from the archive of \(XML.escape(period.label)), made <time datetime="\(made.iso)">\(made.long)</time>.</p>
            <div class="container">
            <main id="main-content" tabindex="-1">
            <header class="page-header">
            <p class="document-kind">\(XML.escape(config.title)): offline archive</p>
            <h1>\(XML.escape(title))</h1>
            <p class="lede">The \(count) of \(XML.escape(period.explanation)), copied\(liveSite) on \(made.long) to read without a network or a server.</p>
            </header>
            <ul class="page-list">
            \(items)</ul>
            <p>Links to pages that are not in this archive go to the live site. <a href="\(OfflineArchive.manifestFile)">\(OfflineArchive.manifestFile)</a> lists every file of the archive with its size and SHA-256 checksum.</p>
            </main>
            </div>
            <footer class="site-footer">
            <div class="container">
            <p>\(organisation)Archived <time datetime="\(made.iso)">\(made.long)</time> · Made with Dossier \(DossierVersion.current)</p>
            </div>
            </footer>
            </body>
            </html>

            """
    }
}

/// `manifest.txt`: one line for every other file of the archive, sorted by path, as
/// `SHA-256  SIZE  PATH` (lowercase hex, bytes, path inside the archive's folder).
struct ArchiveManifest {
    let files: [OfflineArchive.File]

    var text: String {
        files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
            .map { "\(Self.sha256($0.data))  \($0.data.count)  \($0.path)\n" }
            .joined()
    }

    /// Lowercase hex, as `sha256sum` prints it.
    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
