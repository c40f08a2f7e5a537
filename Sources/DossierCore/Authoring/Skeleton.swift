import Foundation

/// Why `dossier new` wrote nothing.
public struct SkeletonError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// Starter documents for `dossier new KIND PATH`: every key of the kind, each with a
/// `# required: …` or `# optional: …` comment, and placeholder values that pass validation.
public enum Skeleton {
    /// The kinds `dossier new` writes, in the order help lists them.
    public static let kinds = ["page", "quarterly", "scorecard", "review", "highlight", "plan", "committee", "newsletter", "indicators"]

    /// What a skeleton refers to in other files. The defaults match each other: a review written to
    /// `content/reviews/ict-best-value-review.md` and the indicators skeleton.
    public struct Context: Sendable, Equatable {
        /// The review's id (its file name without `.md`, or its slug), for `review:`.
        public var review: String
        /// The committee report's appendix link, relative to the document's folder.
        /// Nil means `../reviews/REVIEW.md`, right for a document one folder down.
        public var appendixLink: String?
        /// The indicator id a quarterly report's example result uses.
        public var indicator: String
        /// A newsletter's issue number: one more than the site's last.
        public var nextIssue = 1

        public init(review: String = Skeleton.defaultReview, appendixLink: String? = nil,
                    indicator: String = Skeleton.defaultIndicator) {
            self.review = review
            self.appendixLink = appendixLink
            self.indicator = indicator
        }
    }

    public static let defaultReview = "ict-best-value-review"
    public static let defaultIndicator = "fault-single-item"

    /// The file's text, or nil for an unknown kind. For `indicators` the title is not used.
    public static func text(kind: String, title: String, today: Day, context: Context = Context()) -> String? {
        let dates = Dates(today: today)
        switch kind {
        case "page": return page(title: title, dates)
        case "quarterly": return quarterly(title: title, dates, context)
        case "scorecard": return scorecard(title: title, dates)
        case "review": return review(title: title, dates)
        case "highlight": return highlight(title: title, dates, context)
        case "plan": return plan(title: title, dates, context)
        case "committee": return committee(title: title, dates, context)
        case "newsletter": return newsletter(title: title, dates, context)
        case "indicators": return indicators(dates)
        default: return nil
        }
    }

    /// What `dossier new` wrote: the document, and what it refers to that the site did not have yet.
    public struct Written: Sendable, Equatable {
        /// The document, as `ROOT/content/…` (or `content/…` when the root is `.`).
        public var path: String
        /// The indicator registry or review it made so that the document checks at once.
        public var alsoWritten: [String]
    }

    /// Writes a new document under `ROOT/content/` and returns the path written, as `ROOT/content/…`
    /// (or `content/…` when the root is `.`). `path` is relative to `content/`, without `.md`; it is
    /// not used for `indicators`, which always writes `content/indicators.yaml`. Never overwrites.
    @discardableResult
    public static func write(kind: String, path: String?, title: String? = nil, root: String = ".",
                             today: Day? = nil) throws(SkeletonError) -> String {
        try writeDocument(kind: kind, path: path, title: title, root: root, today: today).path
    }

    /// Writes a new document, and first what it refers to when the site lacks it: a quarterly report's
    /// indicator registry, the review a highlight report, plan or committee report names. So the new
    /// document passes `dossier check` even in an empty root. Never overwrites. Without `today`, the
    /// dates are worked out from the clock (or SOURCE_DATE_EPOCH).
    public static func writeDocument(kind: String, path: String?, title: String? = nil, root: String = ".",
                                     today givenDay: Day? = nil) throws(SkeletonError) -> Written {
        let today: Day
        if let givenDay {
            today = givenDay
        } else {
            do { today = try Day.today() } catch { throw SkeletonError(error.message) }
        }
        guard kinds.contains(kind) else {
            var message = "unknown kind '\(kind)'; the kinds are: \(kinds.joined(separator: ", "))"
            if let near = Suggestion.nearest(to: kind, in: kinds) { message += " (did you mean '\(near)'?)" }
            throw SkeletonError(message)
        }
        if let title, title.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            throw SkeletonError("--title may not hold a line break or other control character: the document would not parse")
        }
        let segments = try contentSegments(kind: kind, path: path)
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: root.isEmpty ? "." : root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SkeletonError("the root '\(root)' is not a folder")
        }
        let relative = "content/" + segments.joined(separator: "/")
        let target = join(root, relative)
        if fileManager.fileExists(atPath: target) {
            throw SkeletonError("\(target) already exists; Dossier does not overwrite files (choose another PATH or remove it first)")
        }
        // A folder on the way that is a link out of content/ would put the document elsewhere.
        let content = OutputWriter.resolved(URL(fileURLWithPath: join(root, "content")).standardizedFileURL).path
        let resolved = OutputWriter.resolved(URL(fileURLWithPath: target).standardizedFileURL).path
        guard resolved.hasPrefix(content + "/") else {
            throw SkeletonError("\(target) would be written outside the content folder (a folder on its way is a link to \((resolved as NSString).deletingLastPathComponent)); Dossier writes only inside content/")
        }

        var also: [String] = []
        if kind == "quarterly" && indicatorIDs(root: root).isEmpty
            && !fileManager.fileExists(atPath: join(root, "content/\(IndicatorRegistry.fileName)")) {
            also.append(try writeFile(indicators(Dates(today: today)), to: join(root, "content/\(IndicatorRegistry.fileName)")))
        }
        let reviewPath = "reviews/\(defaultReview).md"
        if ["highlight", "plan", "committee"].contains(kind) && reviewPages(root: root).isEmpty && relative != "content/\(reviewPath)"
            && !fileManager.fileExists(atPath: join(root, "content/\(reviewPath)")) {
            also.append(try writeFile(review(title: "Best Value Review of ICT Services", Dates(today: today)), to: join(root, "content/\(reviewPath)")))
        }

        var context = Context()
        let folder = Array(segments.dropLast())
        let reviews = reviewPages(root: root)
        if let found = reviews.first {
            context.review = found.id
            context.appendixLink = relativeLink(from: folder, to: found.path)
        } else {
            context.appendixLink = relativeLink(from: folder, to: reviewPath)
        }
        if let first = indicatorIDs(root: root).first { context.indicator = first }
        context.nextIssue = (newsletterIssues(root: root).max() ?? 0) + 1

        let name = String(segments.last!.dropLast(kind == "indicators" ? 5 : 3))
        guard let text = text(kind: kind, title: title ?? humanise(name), today: today, context: context) else {
            throw SkeletonError("unknown kind '\(kind)'")
        }
        return Written(path: try writeFile(text, to: target), alsoWritten: also)
    }

    /// Writes a new file, creating its folders; refuses to replace one.
    static func writeFile(_ text: String, to target: String) throws(SkeletonError) -> String {
        let fileManager = FileManager.default
        do {
            let parent = (target as NSString).deletingLastPathComponent
            if !parent.isEmpty { try fileManager.createDirectory(atPath: parent, withIntermediateDirectories: true) }
            // withoutOverwriting opens with O_EXCL: a file that appeared since the check above is kept.
            try Data(text.utf8).write(to: URL(fileURLWithPath: target), options: .withoutOverwriting)
        } catch {
            if fileManager.fileExists(atPath: target) {
                throw SkeletonError("\(target) already exists; Dossier does not overwrite files (choose another PATH or remove it first)")
            }
            throw SkeletonError("cannot write \(target): \(error.localizedDescription)")
        }
        return target
    }

    /// Things to do before a new document of `kind` builds cleanly: a missing registry or review.
    public static func notes(kind: String, root: String = ".") -> [String] {
        var notes: [String] = []
        if kind == "quarterly" && indicatorIDs(root: root).isEmpty {
            notes.append("the example result names indicator '\(defaultIndicator)', which needs content/indicators.yaml: run `dossier new indicators`, or change the id")
        }
        if ["highlight", "plan", "committee"].contains(kind) && reviewPages(root: root).isEmpty {
            let optional = kind == "highlight" ? "" : ", or delete the optional `review:` line"
            notes.append("`review: \(defaultReview)` names a review that does not exist yet: run `dossier new review reviews/\(defaultReview)`\(optional)")
        }
        return notes
    }

    // MARK: - Paths

    /// `performance/2007-08-q1` → `["performance", "2007-08-q1.md"]`, refusing anything that could
    /// leave `content/` or make a hidden file.
    static func contentSegments(kind: String, path: String?) throws(SkeletonError) -> [String] {
        if kind == "indicators" {
            guard let path, !["indicators", "indicators.yaml"].contains(path) else { return ["indicators.yaml"] }
            throw SkeletonError("the indicator registry is always content/indicators.yaml: leave out PATH (or write 'indicators'), not '\(path)'")
        }
        guard var path, !path.isEmpty else {
            throw SkeletonError("give the new document's PATH inside content/, without .md (for example performance/2007-08-q1)")
        }
        if path.hasPrefix("/") {
            throw SkeletonError("PATH '\(path)' must be relative to content/, not start with '/'")
        }
        if path.hasSuffix(".md") { path = String(path.dropLast(3)) }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if segments.contains("..") {
            throw SkeletonError("PATH '\(path)' must stay inside content/: '..' is not allowed")
        }
        if segments.first == "content" && segments.count > 1 {
            throw SkeletonError("PATH is already inside content/: write '\(segments.dropFirst().joined(separator: "/"))', not '\(path)'")
        }
        for segment in segments where !isSafeSegment(segment) {
            throw SkeletonError(segment.isEmpty
                ? "PATH '\(path)' has an empty part: write folder/name, for example performance/2007-08-q1"
                : "'\(segment)' in PATH '\(path)' is not a safe name: use letters, digits, '-', '_' and '.', not starting with '.' or '-'")
        }
        return segments.dropLast() + [segments.last! + ".md"]
    }

    /// One file or folder name: letters, digits, `-`, `_`, `.`, not starting with `.` or `-`.
    static func isSafeSegment(_ segment: String) -> Bool {
        guard let first = segment.first, first != ".", first != "-" else { return false }
        return segment.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
    }

    /// A relative link from a document in `folder` (segments under content/) to a content path.
    static func relativeLink(from folder: [String], to path: String) -> String {
        let target = path.split(separator: "/").map(String.init)
        var common = 0
        while common < folder.count, common < target.count - 1, folder[common] == target[common] { common += 1 }
        return String(repeating: "../", count: folder.count - common) + target[common...].joined(separator: "/")
    }

    /// `2007-08-q1` → "2007 08 q1", `ict-best-value-review` → "Ict best value review", as section titles are made.
    static func humanise(_ name: String) -> String {
        let words = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    static func join(_ root: String, _ relative: String) -> String {
        if root.isEmpty || root == "." { return relative }
        return root.hasSuffix("/") ? root + relative : root + "/" + relative
    }

    // MARK: - What the site already has

    /// Review documents under `ROOT/content/`: their id (slug, or file name without `.md`) and
    /// path inside content/, sorted by path. Read line by line from the front matter; good enough
    /// to fill in a placeholder.
    static func reviewPages(root: String) -> [(id: String, path: String)] {
        documents(root: root).filter { $0.keys["kind"] == "review" }.map { document in
            (document.keys["slug"] ?? String((document.path as NSString).lastPathComponent.dropLast(3)), document.path)
        }
    }

    /// The issue numbers of the site's newsletters.
    static func newsletterIssues(root: String) -> [Int] {
        documents(root: root).filter { $0.keys["kind"] == "newsletter" }.compactMap { $0.keys["issue"].flatMap { Int($0) } }
            .filter { NumberLimits.problem($0) == nil } // `check` reports the others; the next issue's number must not overflow
    }

    /// Every Markdown file under `ROOT/content/` with its top-level front-matter keys, sorted by path.
    private static func documents(root: String) -> [(path: String, keys: [String: String])] {
        let content = join(root, "content")
        guard let walker = FileManager.default.enumerator(atPath: content) else { return [] }
        var found: [(path: String, keys: [String: String])] = []
        for case let path as String in walker where path.hasSuffix(".md") {
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            guard let text = try? String(contentsOfFile: content + "/" + path, encoding: .utf8) else { continue }
            found.append((path, topLevelFrontMatter(text)))
        }
        return found.sorted { $0.path < $1.path }
    }

    /// The ids in `ROOT/content/indicators.yaml`, in order.
    static func indicatorIDs(root: String) -> [String] {
        guard let text = try? String(contentsOfFile: join(root, "content/indicators.yaml"), encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("- id:") else { return nil }
            return plainValue(trimmed.dropFirst(5))
        }
    }

    private static func topLevelFrontMatter(_ text: String) -> [String: String] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).makeIterator()
        guard let first = lines.next(), first.trimmingCharacters(in: .whitespaces).hasSuffix("---") else { return [:] }
        var keys: [String: String] = [:]
        while let line = lines.next() {
            if line == "---" || line == "..." { break }
            guard let first = line.first, first != " ", first != "#", first != "-", let colon = line.firstIndex(of: ":") else { continue }
            if let value = plainValue(line[line.index(after: colon)...]) { keys[String(line[..<colon])] = value }
        }
        return keys
    }

    /// A one-line YAML value without its comment or quotes.
    private static func plainValue(_ text: Substring) -> String? {
        var value = text
        if let hash = value.range(of: " #") { value = value[..<hash.lowerBound] }
        var result = value.trimmingCharacters(in: .whitespaces)
        if result.count >= 2, let quote = result.first, quote == "\"" || quote == "'", result.last == quote {
            result = String(result.dropFirst().dropLast())
        }
        return result.isEmpty ? nil : result
    }

    // MARK: - Dates

    /// The placeholder dates, all worked out from today so that nothing is overdue.
    struct Dates {
        let today: Day
        /// The financial year (April to March) holding today.
        let year: FinancialYear
        /// The last quarter that has ended: what a quarterly report written today covers.
        let report: FinancialQuarter

        init(today: Day) {
            self.today = today
            year = FinancialYear(containing: today)
            report = FinancialQuarter(containing: today).previous
        }

        /// `YYYY-MM`, `months` after (or before) today's month.
        func month(_ months: Int) -> String {
            let index = today.year * 12 + today.month - 1 + months
            let month = index % 12 + 1
            return "\(index / 12)-\(month < 10 ? "0" : "")\(month)"
        }

        func monthWords(_ months: Int) -> String {
            let index = today.year * 12 + today.month - 1 + months
            return "\(Day.monthNames[index % 12]) \(index / 12)"
        }

        /// 31 March at the end of the financial year holding today.
        var yearEnd: String { FinancialQuarter(year: year, quarter: 4)!.lastDay.iso }
    }

    // MARK: - Writing YAML

    /// A YAML scalar for text: plain when that reads back as the same text, double-quoted otherwise.
    static func scalar(_ text: String) -> String {
        let special = "-?:,[]{}#&*!|>'\"%@`"
        let words = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]
        let needsQuotes = text.isEmpty || text.first == " " || text.last == " "
            || special.contains(text.first!) || text.contains(": ") || text.contains(" #") || text.hasSuffix(":")
            || words.contains(text.lowercased()) || Double(text) != nil || Int(text) != nil
            || text.contains(where: { $0.isNewline || $0 == "\t" || $0 == "\\" })
            || Day(iso: text) != nil
        guard needsQuotes else { return text }
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            case "\r": escaped += "\\r"
            default: escaped.append(character)
            }
        }
        return "\"\(escaped)\""
    }

    private static let statuses = "not-started, in-hand, complete, overdue or deferred"
    private static let alsoAllowed = "Also allowed: draft, slug, weight. Every key is described in docs/content.md."

    /// A document's opening comments (what it is, the keys also allowed, a note), then the keys every
    /// page has.
    private static func start(_ about: [String], note: String? = nil, title: String, date: Day, dateRequired: Bool,
                              summary: String, tags: [String]) -> CommentedYAML {
        var yaml = CommentedYAML()
        about.forEach { yaml.comment($0) }
        yaml.comment(alsoAllowed)
        if let note { yaml.comment(note) }
        common(&yaml, title: title, date: date, dateRequired: dateRequired, summary: summary, tags: tags)
        return yaml
    }

    /// title, date, summary and tags, as every page has them.
    private static func common(_ yaml: inout CommentedYAML, title: String, date: Day, dateRequired: Bool, summary: String, tags: [String]) {
        yaml.add("title: \(scalar(title))", "required: the title, shown as the page's heading and in lists")
        yaml.add("date: \(date.iso)", dateRequired
            ? "required: the report's date, YYYY-MM-DD; actions due before it are overdue"
            : "optional: the document's date, YYYY-MM-DD")
        yaml.add("summary: \(scalar(summary))", "optional: one sentence, shown under the title and in lists")
        yaml.add("tags: [\(tags.joined(separator: ", "))]", "optional: list of tags")
    }

    private static func document(_ yaml: CommentedYAML, body: String) -> String {
        "---\n" + yaml.render() + "---\n" + body
    }

    // MARK: - The kinds

    static func page(title: String, _ dates: Dates) -> String {
        let yaml = start(["A page."],
                         title: title, date: dates.today, dateRequired: false,
                         summary: "What this page is about, in one sentence.", tags: ["about"])
        return document(yaml, body: """

            ## Introduction

            Write the page here in Markdown. The title is the page's heading, so start headings at `##`.
            Link to other pages by their files, for example `[the reviews](reviews/_index.md)`.

            """)
    }

    static func quarterly(title: String, _ dates: Dates, _ context: Context) -> String {
        let year = dates.report.year.label
        let months = dates.report.months
        var yaml = start(["A quarterly performance report."],
                         title: title, date: dates.today, dateRequired: true,
                         summary: "ICT Services performance for \(months).", tags: ["performance"])
        yaml.add("kind: quarterly", "required: this is a quarterly performance report")
        yaml.add("financial_year: \(year)", "required: YYYY/YY; a financial year runs April to March")
        yaml.add("quarter: \(dates.report.quarter)", "required: 1–4 (Q1 April–June, Q2 July–September, Q3 October–December, Q4 January–March)")
        yaml.add("illustrative: false", "optional: true shows a banner saying the figures are made-up examples")
        yaml.add("headlines:", "optional: list of text, the quarter's main achievements")
        yaml.add("  - 1,020 ICT training delegate days delivered so far this year")
        yaml.add("results:", "optional: one result per indicator")
        yaml.add("  - indicator: \(scalar(context.indicator))", "required: an id from content/indicators.yaml")
        yaml.add("    actual: 92", "optional: number, no % sign; leave out when there is no result yet")
        yaml.add("    volume: 1684", "optional: whole number, the volume behind the result")
        yaml.add("    volume_unit: faults", "optional: what the volume counts (faults, calls …)")
        yaml.add("    comment: Fixed within the standard despite the office moves", "optional: text")
        yaml.add("    target: 90", "optional: number, replaces the registry's target in this report")
        yaml.add("scorecard:", "optional: the balanced scorecard position")
        scorecardKeys(&yaml, indent: "  ", action: ScorecardExample(
            title: "Create the staff training plan", theme: "People", due: dates.report.lastDay.iso, status: "complete",
            progress: "Plan agreed and published on the intranet"))
        return document(yaml, body: """

            ## Introduction

            This report covers ICT Services' performance for \(months), quarter \(dates.report.quarter) of \(year).
            The headlines, the indicator results and the balanced scorecard come from the front matter above.

            ## Commentary

            Explain the figures here: what changed, why, and what happens next.

            """)
    }

    static func scorecard(title: String, _ dates: Dates) -> String {
        var yaml = start(["A balanced scorecard action plan."],
                         title: title, date: dates.today, dateRequired: true,
                         summary: "Progress on the ICT Services balanced scorecard actions for \(dates.year.label).",
                         tags: ["balanced-scorecard"])
        yaml.add("kind: scorecard", "required: this is a balanced scorecard")
        yaml.add("period: \(dates.year.label)", "optional: text, the period the plan covers")
        scorecardKeys(&yaml, indent: "", action: ScorecardExample(
            title: "Ensure effective corporate governance of ICT", theme: "Governance", due: dates.yearEnd, status: "in-hand",
            progress: "Steering group set up; terms of reference agreed"))
        return document(yaml, body: """

            ## Introduction

            The actions come from the corporate, directorate and ICT Services balanced scorecards.
            An action due before this document's date that is not complete is shown as overdue.

            """)
    }

    /// The example action of a scorecard skeleton.
    private struct ScorecardExample {
        let title, theme, due, status, progress: String
    }

    /// `milestones` and `actions`, as a scorecard document has them at the top and a quarterly
    /// report under `scorecard:`.
    private static func scorecardKeys(_ yaml: inout CommentedYAML, indent: String, action: ScorecardExample) {
        yaml.add("\(indent)milestones:", "optional: whole numbers; percentages are worked out from them")
        yaml.add("\(indent)  total: 40", "optional: milestones within the main actions")
        yaml.add("\(indent)  completed: 12", "optional: milestones completed to date")
        yaml.add("\(indent)  outstanding: 28", "optional: milestones still to complete")
        yaml.add("\(indent)  overdue: 0", "optional: main actions overdue")
        yaml.add("\(indent)actions:", "optional: list of main actions")
        yaml.add("\(indent)  - id: BSC-01", "required: unique in this document")
        yaml.add("\(indent)    title: \(action.title)", "required: text")
        yaml.add("\(indent)    theme: \(action.theme)", "optional: text")
        yaml.add("\(indent)    lead: Head of ICT", "optional: text")
        yaml.add("\(indent)    due: \(action.due)", "optional: date or month (YYYY-MM-DD or YYYY-MM)")
        yaml.add("\(indent)    status: \(action.status)", "optional: \(statuses); in hand until past due if left out")
        yaml.add("\(indent)    progress: \(action.progress)", "optional: text")
    }

    static func review(title: String, _ dates: Dates) -> String {
        var yaml = start(["A Best Value Review. Other documents name it with `review:` and this file's name", "(without .md), or its slug."],
                         title: title, date: dates.today, dateRequired: false,
                         summary: "The Best Value Review of ICT Services: its stages and how it is run.", tags: ["best-value-review"])
        yaml.add("kind: review", "required: this is a Best Value Review")
        yaml.add("service: ICT Services", "required: the service under review")
        yaml.add("lead: Assistant Director (ICT)", "optional: who leads the review")
        yaml.add("stages:", "optional: the outline plan, in order")
        yaml.add("  - name: Preparatory work and early wins", "required: text")
        yaml.add("    number: 1", "optional: whole number")
        yaml.add("    start: \(dates.month(0))", "optional: date or month (YYYY-MM-DD or YYYY-MM)")
        yaml.add("    end: \(dates.month(5))", "optional: date or month")
        yaml.add("    status: in-hand", "optional: \(statuses)")
        yaml.add("    activities:", "optional: list of text")
        yaml.add("      - Set up and brief the review team")
        yaml.add("      - Carry out the customer survey")
        return document(yaml, body: """

            ## Why the service is being reviewed

            Say why the review is taking place, who is on the review team and how it reports.

            """)
    }

    static func highlight(title: String, _ dates: Dates, _ context: Context) -> String {
        var yaml = start(["A highlight report to lead members."], note: "List items are text, or a mapping: {text: …, date: YYYY-MM-DD or YYYY-MM, status: …}.",
                         title: title, date: dates.today, dateRequired: false,
                         summary: "Progress on the Best Value Review of ICT Services, reported to lead members.", tags: ["best-value-review"])
        yaml.add("kind: highlight", "required: this is a highlight report")
        yaml.add("review: \(scalar(context.review))", "required: the review's id (its file name without .md)")
        yaml.add("period: \(dates.monthWords(0))", "optional: text, the period reported on")
        yaml.add("cumulative_achievements:", "optional: list of text or mappings")
        yaml.add("  - The review team has been set up and briefed")
        yaml.add("achievements_since_last:", "optional: list of text or mappings")
        yaml.add("  - text: Customer satisfaction questionnaire sent out", "required: the item's text, in the mapping form")
        yaml.add("    date: \(dates.today.iso)", "optional: date or month (YYYY-MM-DD or YYYY-MM)")
        yaml.add("    status: complete", "optional: \(statuses)")
        yaml.add("next_actions:", "optional: list of text or mappings")
        yaml.add("  - text: Draw up a project plan with milestones", "required: the item's text, in the mapping form")
        yaml.add("    date: \(dates.month(1))", "optional: date or month")
        yaml.add("    status: not-started", "optional: \(statuses)")
        yaml.add("early_wins:", "optional: list of text or mappings")
        yaml.add("  - Regular update reports to lead members")
        return document(yaml, body: """

            ## Introduction

            Say what this report is for and which meeting it goes to. The achievements, next actions and
            early wins come from the front matter above.

            """)
    }

    static func plan(title: String, _ dates: Dates, _ context: Context) -> String {
        var yaml = start(["An improvement plan."],
                         title: title, date: dates.today, dateRequired: false,
                         summary: "Improvement objectives for ICT Services, with actions, lead officers and measures.",
                         tags: ["improvement-plan"])
        yaml.add("kind: plan", "required: this is an improvement plan")
        yaml.add("review: \(scalar(context.review))", "optional: the review's id (its file name without .md)")
        yaml.add("objectives:", "optional: list of improvement objectives")
        yaml.add("  - number: 1", "required: whole number, unique in the plan")
        yaml.add("    title: More effective use of the intranet", "required: text")
        yaml.add("    outcomes:", "optional: list of text")
        yaml.add("      - Every member of staff can reach the intranet")
        yaml.add("    lead: K. Rahman", "optional: the lead officer")
        yaml.add("    timescale: \(dates.monthWords(12))", "optional: text")
        yaml.add("    costs: Met from existing budgets", "optional: text")
        yaml.add("    savings: Less printing; staff find information faster", "optional: text")
        yaml.add("    progress: None yet", "optional: text")
        yaml.add("    actions:", "optional: list of actions")
        yaml.add("      - id: \"1.1\"", "required: unique in the plan; kept as written, so 1.10 stays 1.10")
        yaml.add("        text: List the council sites with no intranet access", "required: text")
        yaml.add("        points:", "optional: list of text")
        yaml.add("          - Each department to return its list")
        yaml.add("        due: \(dates.month(3))", "optional: date or month (YYYY-MM-DD or YYYY-MM)")
        yaml.add("        owner: K. Rahman", "optional: text")
        yaml.add("        status: not-started", "optional: \(statuses); in hand until past due if left out")
        yaml.add("        group: Short term", "optional: a heading of the plan's own for the action")
        yaml.add("    measures:", "optional: list of measures of improvement")
        yaml.add("      - description: Individual users of the intranet", "required: text")
        yaml.add("        unit: count", "optional: percent, count, days, hours or score")
        yaml.add("        direction: higher", "optional: higher or lower, whichever is better (default: towards the target)")
        yaml.add("        baseline: {value: 4991, date: \(dates.month(-6))}", "optional: value (number) and date (date or month)")
        yaml.add("        target: {value: 5200, date: \(dates.month(12))}", "optional: value and date")
        yaml.add("        latest: {value: 5050, date: \(dates.month(0))}", "optional: value and date")
        yaml.add("      - description: Paper bought by the council", "required: text")
        yaml.add("        target_text: 5% less than in the baseline year", "optional: the target in words, when it is not a number")
        return document(yaml, body: """

            ## Introduction

            Say which review this plan comes from and how progress will be monitored. The objectives,
            actions and measures come from the front matter above.

            """)
    }

    static func committee(title: String, _ dates: Dates, _ context: Context) -> String {
        let link = context.appendixLink ?? "../reviews/\(context.review).md"
        var yaml = start(["A committee or scrutiny report."],
                         title: title, date: dates.today, dateRequired: false,
                         summary: "Tells the Scrutiny Board what has happened on the review of ICT since its last report.",
                         tags: ["scrutiny"])
        yaml.add("kind: committee", "required: this is a committee report")
        yaml.add("review: \(scalar(context.review))", "optional: the review's id (its file name without .md)")
        yaml.add("report_of: Chief Officer ICT", "optional: who the report is from")
        yaml.add("report_to: Scrutiny Board (Resources and Council Services)", "optional: the committee or board")
        yaml.add("meeting: \(dates.today.iso)", "optional: the meeting's date, YYYY-MM-DD")
        yaml.add("subject: Best Value Review of ICT – update", "optional: text")
        yaml.add("declarations:", "optional: each true or false")
        yaml.add("  wards_affected: false", "optional: are specific wards affected?")
        yaml.add("  equality_implications: false", "optional: equality, diversity, cohesion and integration implications?")
        yaml.add("  eligible_for_call_in: false", "optional: is the decision eligible for call-in?")
        yaml.add("  confidential: false", "optional: confidential or exempt information?")
        yaml.add("recommendations:", "optional: list of text, numbered in order")
        yaml.add("  - The Scrutiny Board is asked to note this report.")
        yaml.add("background_documents:", "optional: list of text")
        yaml.add("  - Report to the Scrutiny Board on the review of ICT")
        yaml.add("appendices:", "optional: list")
        yaml.add("  - title: The review's outline plan", "required: text")
        yaml.add("    link: \(scalar(link))", "optional: relative link to a content file (checked)")
        return document(yaml, body: """

            ## 1. Purpose of this report

            **1.1** To tell the Scrutiny Board what has happened since its last report on the review of ICT.

            ## 2. Main issues

            **2.1** Number the paragraphs of each section.

            ## 3. Conclusions

            **3.1** Sum up; the recommendations come from the front matter above.

            """)
    }

    static func newsletter(title: String, _ dates: Dates, _ context: Context) -> String {
        var yaml = start(["A staff newsletter issue: a page on the site, and email.html, email.txt and issue.eml beside it."],
                         title: title, date: dates.today, dateRequired: true,
                         summary: "News from ICT Services for everyone in the service.", tags: ["newsletter"])
        yaml.add("kind: newsletter", "required: this is a newsletter issue")
        yaml.add("issue: \(context.nextIssue)", "required: whole number, unique: the issue's number")
        yaml.add("editor: Performance and planning officer", "optional: who edits this issue")
        yaml.add("intro: Welcome to this issue.", "optional: Markdown shown before the articles")
        yaml.add("articles:", "optional: list of articles")
        yaml.add("  - title: News from the service desk", "required: text")
        yaml.add("    body: The help desk now answers most calls straight away.", "required: Markdown; may hold ```chart and ```table blocks")
        yaml.add("gather: true", "optional: true gathers what the site reported since the previous issue; or {from: date, to: date}")
        return document(yaml, body: """

            The articles, and what this issue gathers from the rest of the site, come from the front matter
            above. Email addresses for the .eml file are set under `newsletter:` in content/site.yaml.

            """)
    }

    static func indicators(_ dates: Dates) -> String {
        var yaml = CommentedYAML()
        yaml.comment("The indicator registry: every indicator that quarterly reports give results for.")
        yaml.comment("Copy the block under `indicators:` for each one. Described in docs/content.md.")
        yaml.add("indicators:", "required: list of indicators")
        yaml.add("  - id: \(defaultIndicator)", "required: unique; lower-case letters, digits and dashes")
        yaml.add("    name: Single item fault", "required: text")
        yaml.add("    group: Fault rectification", "optional: groups rows in tables")
        yaml.add("    description: PC or printer down", "optional: text")
        yaml.add("    unit: percent", "required: percent, count, days, hours or score")
        yaml.add("    direction: higher", "required: higher or lower, whichever is better")
        yaml.add("    standard: 90% of faults fixed within 2 working days", "optional: the service standard in words")
        yaml.add("    target: 90", "required: number (percent: 0–100), no % sign")
        yaml.add("    tolerance: 1", "optional: how far short still counts as near (default: site.yaml's tolerance)")
        yaml.add("    targets:", "optional: targets for particular financial years, \"YYYY/YY\": number")
        yaml.add("      \(FinancialYear(startYear: dates.year.startYear + 1).label): 92", "optional: next year's target")
        return yaml.render()
    }
}
