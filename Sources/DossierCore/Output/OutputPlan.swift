/// Every file a build writes: its path, the job that makes it, and what that job reads. The graph
/// stage makes the plan once; output-path clashes are found in it, the renderer runs its jobs, and
/// a preview can tell from the inputs which outputs an edit touches. Jobs name content by its path
/// (`performance/2006-07-q3.md`), not by its place in an array, so they stay the same across builds.
struct OutputPlan: Sendable {
    enum Job: Hashable, Sendable {
        /// A page of content, by its path inside `content/`.
        case page(String)
        /// Page `number` (from 1) of a section's list; the home page is the section "".
        case sectionList(folder: String, number: Int)
        case tagIndex
        case tag(slug: String)
        case indicatorIndex
        case indicator(id: String)
        case actionTracker
        case archive
        /// The A–Z index; when it is split, its first page.
        case azIndex
        /// One letter's page of a split A–Z index (`a`, `0-9`).
        case azLetter(String)
        case searchPage
        case notFound
        case siteFeed
        case sectionFeed(folder: String)
        case sitemap
        /// A newsletter issue's `email.html`, `email.txt` and, with `newsletter:` in site.yaml, `issue.eml`.
        case newsletterEmail(String)
        /// A file of the theme (`templates/assets/…`), by its output path.
        case themeFile(String)
        /// A file under `content/` copied unchanged, by its path inside `content/`.
        case contentFile(String)
        /// A report's `report.pdf`, by the report's path inside `content/`: printed from the
        /// written page after the render, so the renderer leaves it to the PDF stage.
        case reportPDF(String)
    }

    /// What a job reads. An output whose inputs did not change need not be made again.
    enum Input: Hashable, Sendable {
        /// site.yaml and what every page shows of the site: navigation, whether there are tags,
        /// feeds and an archive.
        case site
        /// A template, with the partials and parents it uses.
        case template(String)
        /// One content file: front matter and body.
        case source(String)
        /// What lists, feeds and the sitemap show of a page: title, date, summary, tags, section.
        case listing(String)
        /// Which pages a section or tag lists, in order.
        case members(String)
        /// The typed data of every document and the indicator registry (the dashboard, indicator
        /// pages, the indicators index, the action tracker, the archive).
        case documents
        /// A file copied as it is.
        case file(String)
    }

    struct Entry: Sendable {
        let path: String
        let job: Job
        let inputs: Set<Input>
    }

    /// In path order.
    let entries: [Entry]

    /// Each job once, in the order of its first output.
    var jobs: [Job] {
        var seen: Set<Job> = []
        return entries.compactMap { seen.insert($0.job).inserted ? $0.job : nil }
    }

    var paths: [String] { entries.map(\.path) }

    /// The site path of each report whose PDF is planned (`performance/2006-07-q3/`), in path order.
    var reportPDFPages: [String] {
        entries.compactMap { entry in
            guard case .reportPDF = entry.job else { return nil }
            return String(entry.path.dropLast(ReportPDFs.fileName.count))
        }
    }
}
