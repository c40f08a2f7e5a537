/// An issue as plain text: wrapped at 72 columns, the title underlined with `=` and headings with
/// `-`, each link a numbered reference `[1]` listed at the end.
struct EmailText {
    static let width = 72

    private var links: [String] = []
    private var out: [String] = []

    static func render(_ email: NewsletterEmail) -> String {
        var text = EmailText()
        return text.document(email)
    }

    private mutating func document(_ email: NewsletterEmail) -> String {
        line("\(email.siteTitle): staff newsletter, issue \(email.issue)")
        blank()
        heading(email.title, underline: "=")
        line(email.date.long + (email.editor.map { " · Edited by \($0)" } ?? ""))
        blank()
        paragraph([.text("Open on the intranet: "), .link(text: email.pageURL, url: email.pageURL)])
        blocks(email.intro)
        for article in email.articles {
            heading(article.title, underline: "-")
            blocks(article.blocks)
        }
        if let window = email.gatheredWindow {
            heading("Since the last issue", underline: "-")
            paragraph([.text(window + ".")])
            if email.gathered.isEmpty { paragraph([.text("Nothing new was reported in this time.")]) }
            for group in email.gathered {
                heading(group.title, underline: "~")
                for item in group.items where group.areReports {
                    wrapped(words(of: [.link(text: item.text, url: item.url), .text(" (\(item.date))")]), first: "* ", rest: "  ")
                }
                // A source named once for the items it gave, not once an item.
                for run in group.runs where !group.areReports {
                    guard run.texts.count > 1 else {
                        wrapped(words(of: [.text("\(run.texts[0]) (\(run.date), "), .link(text: run.source, url: run.url), .text(")")]),
                                first: "* ", rest: "  ")
                        continue
                    }
                    wrapped(words(of: [.text("From "), .link(text: run.source, url: run.url), .text(" (\(run.date)):")]), first: "* ", rest: "  ")
                    for text in run.texts { wrapped(words(of: [.text(text)]), first: "  - ", rest: "    ") }
                }
                blank()
            }
        }
        paragraph([.text("Earlier issues: "), .link(text: "the newsletter archive", url: email.archiveURL), .text(".")])
        if !links.isEmpty {
            heading("Links", underline: "-")
            for (index, url) in links.enumerated() {
                // A URL is never broken: a long one runs past the margin rather than stop working.
                line("[\(index + 1)] \(url)")
            }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    private mutating func blocks(_ blocks: [EmailBlock]) {
        for block in blocks {
            switch block {
            case let .heading(level, runs):
                heading(runs.map(\.plainText).joined(), underline: level <= 2 ? "~" : nil)
            case let .paragraph(runs):
                paragraph(runs)
            case let .list(ordered, items):
                for (index, item) in items.enumerated() {
                    let marker = ordered ? "\(index + 1). " : "* "
                    wrapped(words(of: item), first: marker, rest: String(repeating: " ", count: marker.count))
                }
                blank()
            case let .quote(runs):
                wrapped(words(of: runs), first: "> ", rest: "> ")
                blank()
            case let .code(text):
                text.split(separator: "\n", omittingEmptySubsequences: false).forEach { line("    " + $0) }
                blank()
            case .rule:
                line(String(repeating: "-", count: 24))
                blank()
            case let .table(caption, rows):
                table(caption: caption, rows)
            case let .chart(chart):
                switch chart.body {
                case let .table(rows): table(caption: chart.title, rows)
                case let .bars(bars):
                    wrapped(chart.title.split(separator: " ").map(String.init), first: "", rest: "")
                    let labelWidth = min(28, bars.map(\.label.count).max() ?? 0)
                    for bar in bars {
                        let filled = Int((min(max(bar.fraction, 0), 1) * 20).rounded())
                        let label = bar.label.count > labelWidth ? String(bar.label.prefix(labelWidth - 1)) + "…" : bar.label
                        let padded = label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
                        let barText = String(repeating: "#", count: filled) + String(repeating: ".", count: 20 - filled)
                        wrapped(words(of: [.text("\(bar.value)" + (bar.note.map { ", \($0)" } ?? ""))]),
                                first: "\(padded) \(barText) ", rest: String(repeating: " ", count: labelWidth + 22))
                    }
                    blank()
                }
            }
        }
    }

    private mutating func table(caption: String?, _ rows: [[String]]) {
        if let caption { wrapped(caption.split(separator: " ").map(String.init), first: "", rest: "") }
        guard let header = rows.first else { return }
        for row in rows.dropFirst() {
            let cells = row.enumerated().compactMap { index, cell -> String? in
                guard index > 0, !cell.isEmpty else { return nil }
                let name = index < header.count ? header[index] : ""
                return name.isEmpty ? cell : "\(name) \(cell)"
            }
            wrapped(words(of: [.text("\(row.first ?? ""): " + cells.joined(separator: "; "))]), first: "* ", rest: "  ")
        }
        blank()
    }

    private mutating func heading(_ text: String, underline: Character?) {
        let lines = wrap(text.split(separator: " ").map(String.init), first: "", rest: "")
        lines.forEach { line($0) }
        if let underline { line(String(repeating: underline, count: min(Self.width, lines.map(\.count).max() ?? 0))) }
        blank()
    }

    private mutating func paragraph(_ runs: [EmailInline]) {
        wrapped(words(of: runs), first: "", rest: "")
        blank()
    }

    /// The runs as words; a link's text is followed by its reference number, `[3]`.
    private mutating func words(of runs: [EmailInline]) -> [String] {
        var text = ""
        for run in runs {
            switch run {
            case let .link(label, url):
                var number = links.firstIndex(of: url).map { $0 + 1 }
                if number == nil {
                    links.append(url)
                    number = links.count
                }
                text += label == url ? "[\(number!)]" : "\(label) [\(number!)]"
            default:
                text += run.plainText
            }
        }
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    }

    private mutating func wrapped(_ words: [String], first: String, rest: String) {
        wrap(words, first: first, rest: rest).forEach { line($0) }
    }

    /// Greedy wrapping at `width`; a word longer than a line is put on a line of its own.
    private func wrap(_ words: [String], first: String, rest: String) -> [String] {
        var lines: [String] = []
        var current = first
        var hasWord = false
        for word in words {
            if hasWord && current.count + 1 + word.count > Self.width {
                lines.append(current)
                current = rest + word
            } else {
                current += (hasWord ? " " : "") + word
            }
            hasWord = true
        }
        if hasWord || !first.isEmpty { lines.append(current) }
        return lines
    }

    private mutating func line(_ text: String) { out.append(text) }

    private mutating func blank() {
        if out.last != "" { out.append("") }
    }
}
