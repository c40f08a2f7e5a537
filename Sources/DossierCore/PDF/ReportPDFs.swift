import Foundation

/// `report.pdf` beside each report's page: printed from the page already written to the staging
/// folder, then the page's link is given the PDF's page count and size. The print stylesheet
/// hides that link, so the PDF does not depend on the words filled in after it was printed.
enum ReportPDFs {
    static let fileName = "report.pdf"
    /// Where the page's "Download as PDF" link takes its page count and size; the templates write
    /// it inside the link.
    static let factsMarker = "<!--dossier:pdf-facts-->"

    /// Prints the page of each of `pages` (site paths ending in `/`) inside `folder` with `engine`,
    /// dated `date`, and fills in each page's link; `urls` are the site's, under whose path (`/ict/`)
    /// the pages link their stylesheet. Errors name `output`.
    static func print(_ pages: [String], in folder: String, urls: SiteURLs, engine: WeasyPrint, date: Day,
                      reportedAs output: String) throws(Diagnostic) {
        let jobs = pages.map { (html: "\(folder)/\($0)index.html", pdf: "\(folder)/\($0)\(fileName)") }
        let counts = try engine.print(jobs, date: date, site: folder, urls: urls, reportedAs: output)
        for (job, count) in zip(jobs, counts) {
            do {
                let size = try FileManager.default.attributesOfItem(atPath: job.pdf)[.size] as? Int ?? 0
                let page = try String(contentsOfFile: job.html, encoding: .utf8)
                let filled = page.replacingOccurrences(of: factsMarker, with: facts(pages: count, bytes: size))
                try Data(filled.utf8).write(to: URL(fileURLWithPath: job.html))
            } catch {
                throw .error("cannot add the PDF's size to \(job.html): \(error.localizedDescription)", at: SourceLocation(file: output, line: 0))
            }
        }
    }

    /// ", 8 pages, 120 KB": what the link says after "Download as PDF".
    static func facts(pages: Int, bytes: Int) -> String {
        ", \(pages) \(pages == 1 ? "page" : "pages"), \(size(bytes))"
    }

    /// Whole kilobytes (1,000 bytes, rounded up) under a megabyte, then megabytes to one decimal.
    static func size(_ bytes: Int) -> String {
        if bytes < 1_000_000 { return "\(max(1, (bytes + 999) / 1000)) KB" }
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
