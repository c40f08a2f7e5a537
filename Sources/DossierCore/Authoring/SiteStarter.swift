import Foundation

/// `dossier init [DIR]`: a new site that builds and passes `check` at once — site.yaml with a
/// comment on every key, the home page, the indicator registry, and one section per document kind,
/// each with its `_index.md` and a first document of that kind.
public enum SiteStarter {
    /// The sections made, in navigation order: folder, title, introduction, and the kind and file
    /// name of the first document (nil for the plain page's section).
    struct Section {
        let folder: String
        let title: String
        let introduction: String
        let kind: String
        let document: String
    }

    static func sections(_ dates: Skeleton.Dates) -> [Section] {
        let quarter = dates.report
        return [
            Section(folder: "performance", title: "Performance", introduction: "Quarterly performance reports: the indicators against their targets.",
                    kind: "quarterly", document: "\(quarter.year.startYear)-\(String(format: "%02d", (quarter.year.startYear + 1) % 100))-q\(quarter.quarter)"),
            Section(folder: "scorecards", title: "Balanced scorecards", introduction: "Balanced-scorecard action plans.",
                    kind: "scorecard", document: "scorecard-\(dates.year.startYear)"),
            Section(folder: "reviews", title: "Reviews", introduction: "Best Value Reviews of the service.",
                    kind: "review", document: Skeleton.defaultReview),
            Section(folder: "highlights", title: "Highlight reports", introduction: "Highlight reports on the reviews, to lead members.",
                    kind: "highlight", document: "highlight-\(dates.month(0))"),
            Section(folder: "plans", title: "Improvement plans", introduction: "Improvement plans: objectives, actions and measures.",
                    kind: "plan", document: "improvement-plan"),
            Section(folder: "committee", title: "Committee reports", introduction: "Reports to committees and scrutiny boards.",
                    kind: "committee", document: "\(dates.today.iso)-update"),
            Section(folder: "newsletter", title: "Newsletter", introduction: "The staff newsletter, one issue a page.",
                    kind: "newsletter", document: "issue-01"),
        ]
    }

    /// Writes the site into `root` (created if missing) and returns the paths written, in order.
    /// Refuses a root whose `content/` folder already exists, so nothing of an existing site is touched.
    @discardableResult
    public static func create(root: String, today: Day) throws(SkeletonError) -> [String] {
        let fileManager = FileManager.default
        let content = Skeleton.join(root, SourceFile.contentFolder)
        if fileManager.fileExists(atPath: content) {
            throw SkeletonError("\(content) already exists; `dossier init` starts a new site and does not change an existing one (use `dossier new` to add documents)")
        }
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: root.isEmpty ? "." : root, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw SkeletonError("the root '\(root)' is not a folder")
        }
        let dates = Skeleton.Dates(today: today)
        let sections = sections(dates)
        var written: [String] = []
        func write(_ relative: String, _ text: String) throws(SkeletonError) {
            written.append(try Skeleton.writeFile(text, to: Skeleton.join(root, "\(SourceFile.contentFolder)/\(relative)")))
        }
        try write(SiteConfig.fileName, siteConfig(sections))
        try write("_index.md", home())
        try write(IndicatorRegistry.fileName, Skeleton.indicators(dates))
        for section in sections {
            try write("\(section.folder)/_index.md", "---\ntitle: \(Skeleton.scalar(section.title))\nsummary: \(Skeleton.scalar(section.introduction))\n---\n\(section.introduction)\n")
            let title = section.kind == "review" ? "Best Value Review of ICT Services" : Skeleton.humanise(section.document)
            var context = Skeleton.Context()
            context.appendixLink = Skeleton.relativeLink(from: [section.folder], to: "reviews/\(Skeleton.defaultReview).md")
            let text = Skeleton.text(kind: section.kind, title: title, today: today, context: context)!
            try write("\(section.folder)/\(section.document).md", text)
        }
        return written
    }

    static func siteConfig(_ sections: [Section]) -> String {
        var yaml = CommentedYAML()
        yaml.comment("The site's settings. Every key is optional; each is described in docs/content.md (\"site.yaml\").")
        yaml.add("title: Our Intranet", "the site's name, in the header and every <title>")
        yaml.add("organisation: City Council ICT Services", "shown beside the title and in the footer")
        yaml.add("base_url: /", "where the site is published: https://intranet.example.gov.uk/ict/ or /ict/")
        yaml.add("language: en-GB", "the pages' language tag")
        yaml.add("navigation:", "the main menu: a section folder (performance/), a page (about.md) or an https:// URL")
        for section in sections {
            yaml.add("  - title: \(Skeleton.scalar(section.title))")
            yaml.add("    link: \(section.folder)/")
        }
        yaml.add("brand:", "the header: its name (default: title), colour (#rrggbb) and an optional PNG logo inside content/")
        yaml.add("  colour: \"#2f3e4c\"")
        yaml.add("search: false", "true adds full-text search (needs: python3 -m pip install pagefind-bin==1.5.2)")
        yaml.add("pdf: false", "true prints each report to report.pdf beside its page (needs: python3 -m pip install weasyprint==70.0)")
        yaml.add("allow_raw_html: false", "true keeps raw HTML written in Markdown")
        yaml.add("page_size: 20", "how many pages each page of a section's list shows")
        yaml.add("feed_size: 20", "how many of the newest reports each Atom feed holds")
        yaml.add("tolerance: 2", "how far short of its target a result may be and still be near target, in the indicator's unit")
        yaml.add("newsletter:", "who newsletter emails come from and go to")
        yaml.add("  from: \"ICT Services <ict-news@council.example>\"", "the sender: Name <address>, or an address")
        yaml.add("  to: ict-staff@council.example", "the list address")
        yaml.add("  reply_to: ict-help@council.example", "optional: where replies go")
        return yaml.render()
    }

    static func home() -> String {
        """
        ---
        title: Home
        summary: Reports, reviews and plans of ICT Services.
        ---
        Welcome. Each section holds one kind of document; replace the examples with your own
        (`dossier new KIND PATH` writes another of any kind).

        """
    }
}
