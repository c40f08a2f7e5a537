/// Writes pandoc's tree as Dossier's Markdown: CommonMark, with tables as ```table blocks (pipe
/// tables are not CommonMark), images as files beside the page, and footnotes gathered under
/// "Notes" at the end. Whatever CommonMark cannot hold is said in a warning at its place.
struct CommonMarkWriter {
    /// Pandoc's path of each extracted image → the file name written beside the page.
    let imageNames: [String: String]
    /// Merged cells found in the .docx itself, by table number.
    let mergedCells: [Int: [WordPackage.MergedCell]]
    /// Top-level blocks the kind's reading moved into the front matter.
    let skip: Set<Int>
    var warnings: ImportWarnings

    private var headingShift = 1
    private var paragraph = 0
    private var table = 0
    private var notes: [String] = []
    /// Where the inline being written is: "paragraph 4", or "table 2, row 3".
    private var place = ""

    init(imageNames: [String: String], mergedCells: [WordPackage.MergedCell], skip: Set<Int>, warnings: ImportWarnings) {
        self.imageNames = imageNames
        self.mergedCells = Dictionary(grouping: mergedCells, by: \.table)
        self.skip = skip
        self.warnings = warnings
    }

    mutating func write(_ blocks: [PandocBlock]) -> String {
        let levels = blocks.compactMap { block -> Int? in if case let .header(level, _) = block { return level }; return nil }
        headingShift = 2 - (levels.min() ?? 2)
        var parts: [String] = []
        for (index, block) in blocks.enumerated() {
            if skip.contains(index) {
                count(block)
                continue
            }
            let text = self.block(block)
            if !text.isEmpty { parts.append(text) }
        }
        if !notes.isEmpty {
            parts.append("## Notes")
            parts.append(notes.enumerated().map { "\($0.offset + 1). \(indent($0.element, by: 3))" }.joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// Keeps the numbering of paragraphs and tables the same when a block is moved to the front matter.
    private mutating func count(_ block: PandocBlock) {
        switch block {
        case .para, .plain, .header: paragraph += 1
        case let .table(table):
            self.table += 1
            if table.captionIsParagraph { paragraph += 1 }
        case let .bulletList(items), let .orderedList(_, items): items.flatMap { $0 }.forEach { count($0) }
        default: break
        }
    }

    private mutating func block(_ block: PandocBlock) -> String {
        switch block {
        case let .plain(inlines), let .para(inlines):
            paragraph += 1
            place = "paragraph \(paragraph)"
            return Self.guardLineStart(inlineText(inlines))
        case let .header(level, inlines):
            paragraph += 1
            place = "paragraph \(paragraph)"
            let text = inlineText(inlines)
            guard !text.isEmpty else { return "" }
            return String(repeating: "#", count: min(6, max(2, level + headingShift))) + " " + text
        case let .lineBlock(lines):
            paragraph += 1
            place = "paragraph \(paragraph)"
            return lines.map { inlineText($0) }.joined(separator: "\\\n")
        case let .codeBlock(text):
            let fence = text.contains("```") ? "~~~~" : "```"
            return "\(fence)\n\(text)\n\(fence)"
        case let .rawBlock(format, text):
            if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                warnings.add("paragraph \(paragraph + 1)", "raw \(format) left out: \(Self.excerpt(text))")
            }
            return ""
        case let .blockQuote(blocks):
            return self.blocks(blocks).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
        case let .bulletList(items):
            return list(items) { _ in "- " }
        case let .orderedList(start, items):
            return list(items) { "\(start + $0). " }
        case let .definitionList(entries):
            return entries.map { entry in
                paragraph += 1
                place = "paragraph \(paragraph)"
                let term = "**" + inlineText(entry.term) + "**"
                return ([term] + entry.definitions.map { self.blocks($0) }).joined(separator: "\n\n")
            }.joined(separator: "\n\n")
        case .horizontalRule: return "---"
        case let .table(table): return self.table(table)
        case let .figure(caption, content):
            return ([blocks(content)] + (caption.isEmpty ? [] : ["*" + blocks(caption) + "*"])).joined(separator: "\n\n")
        case let .div(_, blocks): return self.blocks(blocks)
        case .null: return ""
        case let .unknown(name):
            warnings.add("paragraph \(paragraph + 1)", "a pandoc \(name) block is not understood and was left out")
            return ""
        }
    }

    private mutating func blocks(_ blocks: [PandocBlock]) -> String {
        blocks.map { block($0) }.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    private mutating func list(_ items: [[PandocBlock]], marker: (Int) -> String) -> String {
        let loose = items.contains { $0.count > 1 }
        return items.enumerated().map { index, item in
            let prefix = marker(index)
            return prefix + indent(blocks(item), by: prefix.count)
        }.joined(separator: loose ? "\n\n" : "\n")
    }

    private func indent(_ text: String, by width: Int) -> String {
        let pad = String(repeating: " ", count: width)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 || $0.element.isEmpty ? String($0.element) : pad + $0.element }.joined(separator: "\n")
    }

    // MARK: Tables

    private mutating func table(_ table: PandocTable) -> String {
        self.table += 1
        // Word's caption is a paragraph of its own, and counts as one.
        if table.captionIsParagraph { paragraph += 1 }
        let number = self.table
        var grid: [[String]] = []
        var after: [String] = []
        var pending: [Int: Int] = [:]
        var spanned = false
        for (rowIndex, row) in (table.headRows + table.bodyRows + table.footRows).enumerated() {
            place = "table \(number), row \(rowIndex + 1)"
            var cells: [String] = []
            var cellIterator = row.makeIterator()
            while true {
                if let rows = pending[cells.count], rows > 0 {
                    pending[cells.count] = rows - 1
                    cells.append("")
                    continue
                }
                guard let cell = cellIterator.next() else { break }
                cells.append(cellText(cell, images: &after))
                if cell.rowSpan > 1 { pending[cells.count - 1] = cell.rowSpan - 1; spanned = true }
                if cell.columnSpan > 1 {
                    cells += Array(repeating: "", count: cell.columnSpan - 1)
                    spanned = true
                }
            }
            grid.append(cells)
        }
        let merged = mergedCells[number] ?? []
        for cell in merged {
            let where_ = "table \(number), row \(cell.row)"
            if cell.continuesAbove {
                warnings.add(where_, "a cell merged with the one above (column \(cell.column)) is written as an empty cell",
                             hint: "a ```table block has no merged cells; repeat the text if the row needs it")
            } else {
                warnings.add(where_, "a merged cell spans \(cell.columns) columns; its text is in the first and the others are empty",
                             hint: "a ```table block has no merged cells")
            }
        }
        if merged.isEmpty && spanned {
            warnings.add("table \(number)", "merged cells are written as empty cells beside or below their text")
        }
        let width = grid.map(\.count).max() ?? 0
        guard width > 0 else { return after.joined(separator: "\n\n") }
        grid = grid.map { $0 + Array(repeating: "", count: width - $0.count) }
        let headerGiven = !table.headRows.isEmpty
        // An empty first row is dropped whether it came as the header or, from LibreOffice, which
        // drops the header flag, as the first row of the body.
        let emptyFirstRow = grid[0].allSatisfy(\.isEmpty)
        if !headerGiven || emptyFirstRow {
            if emptyFirstRow { grid.removeFirst() }
            if grid.isEmpty { return after.joined(separator: "\n\n") }
            warnings.add("table \(number)", "the table has no header row; its first row is made the header",
                         hint: "check that the first row (\(Self.excerpt(grid[0].filter { !$0.isEmpty }.joined(separator: ", ")))) reads as column headings")
        }
        var lines: [String] = []
        let caption = PandocText.collapse(table.caption.map(PandocText.plain).joined(separator: " "))
        if !caption.isEmpty { lines.append("caption: " + caption) }
        lines += grid.map { $0.map(Self.csv).joined(separator: ",") }
        let fence = lines.contains { $0.contains("```") } ? "~~~~" : "```"
        return ([fence + "table"] + lines + [fence]).joined(separator: "\n")
            + (after.isEmpty ? "" : "\n\n" + after.joined(separator: "\n\n"))
    }

    /// A cell's words; its images are written after the table, its footnotes under Notes.
    private mutating func cellText(_ cell: PandocCell, images: inout [String]) -> String {
        var links: [String] = []
        scan(cell.blocks, images: &images, links: &links)
        for link in links {
            warnings.add(place, "the link to \(link) is kept as text: a ```table cell holds only text")
        }
        return PandocText.cell(cell)
    }

    private mutating func scan(_ blocks: [PandocBlock], images: inout [String], links: inout [String]) {
        for block in blocks {
            switch block {
            case let .plain(inlines), let .para(inlines): scan(inlines, images: &images, links: &links)
            case let .bulletList(items), let .orderedList(_, items): items.forEach { scan($0, images: &images, links: &links) }
            case let .div(_, inner), let .blockQuote(inner): scan(inner, images: &images, links: &links)
            case let .figure(_, inner): scan(inner, images: &images, links: &links)
            case .table:
                warnings.add(place, "a table inside a cell is flattened to its text")
            default: break
            }
        }
    }

    private mutating func scan(_ inlines: [PandocInline], images: inout [String], links: inout [String]) {
        for inline in inlines {
            switch inline {
            case let .image(alt, url, _):
                images.append(image(alt: alt, url: url))
                warnings.add(place, "an image in a cell is written after the table")
            case let .link(_, url): links.append(url)
            case let .note(blocks): _ = footnote(blocks)
            case let .span(attr, inner):
                trackedChange(attr, inner)
                scan(inner, images: &images, links: &links)
            case let .emph(inner), let .strong(inner), let .underline(inner), let .strikeout(inner),
                 let .superscript(inner), let .subscript(inner), let .smallCaps(inner), let .quoted(_, inner):
                scan(inner, images: &images, links: &links)
            default: break
            }
        }
    }

    // MARK: Inlines

    private mutating func inlineText(_ inlines: [PandocInline]) -> String {
        var text = ""
        for inline in inlines {
            switch inline {
            case let .str(value): text += Self.escape(value)
            case .space, .softBreak: text += " "
            case .lineBreak: text += "\\\n"
            case let .emph(inner): text += wrap(inlineText(inner), "*")
            case let .strong(inner): text += wrap(inlineText(inner), "**")
            case let .underline(inner), let .superscript(inner), let .subscript(inner), let .smallCaps(inner):
                text += inlineText(inner)
            case let .strikeout(inner):
                warnings.add(place, "struck-through text is kept as plain text: \(Self.excerpt(PandocText.plain(inner)))")
                text += inlineText(inner)
            case let .quoted(double, inner): text += (double ? "“" : "‘") + inlineText(inner) + (double ? "”" : "’")
            case let .code(value), let .math(value): text += Self.code(value)
            case let .rawInline(format, value):
                if !value.isEmpty { warnings.add(place, "raw \(format) left out: \(Self.excerpt(value))") }
            case let .link(inner, url): text += link(inner, url: url)
            case let .image(alt, url, _): text += image(alt: alt, url: url)
            case let .note(blocks): text += "\\[\(footnote(blocks))\\]"
            case let .span(attr, inner):
                if trackedChange(attr, inner) { text += inlineText(inner) }
            case let .unknown(name): warnings.add(place, "a pandoc \(name) is not understood and was left out")
            }
        }
        return text
    }

    /// Says what a tracked change or comment was; true when its text stays in the page.
    @discardableResult
    private mutating func trackedChange(_ attr: PandocAttr, _ inner: [PandocInline]) -> Bool {
        let author = attr.attributes["author"].map { " by \($0)" } ?? ""
        let words = Self.excerpt(PandocText.collapse(PandocText.plain(inner)))
        if attr.classes.contains("insertion") {
            warnings.add(place, "a tracked insertion\(author) is kept: \(words)", hint: "tracked changes are accepted; check the text")
            return true
        }
        if attr.classes.contains("deletion") {
            var deleted = ""
            for case let .str(value) in inner { deleted += value + " " }
            warnings.add(place, "a tracked deletion\(author) is left out: \(Self.excerpt(PandocText.collapse(deleted)))",
                         hint: "tracked changes are accepted; check the text")
            return false
        }
        if attr.classes.contains("comment-start") {
            warnings.add(place, "a comment\(author) is left out: \(Self.excerpt(PandocText.collapse(deletedText(inner))))")
            return false
        }
        return !attr.classes.contains("comment-end")
    }

    private func deletedText(_ inner: [PandocInline]) -> String {
        inner.map { if case let .str(value) = $0 { return value }; return " " }.joined()
    }

    private mutating func footnote(_ blocks: [PandocBlock]) -> Int {
        let saved = place
        notes.append(self.blocks(blocks))
        place = saved
        warnings.add(place, "footnote \(notes.count) is written under Notes at the end of the page",
                     hint: "CommonMark has no footnotes; the note's number is left in the text as [\(notes.count)]")
        return notes.count
    }

    private mutating func link(_ inner: [PandocInline], url: String) -> String {
        let label = inlineText(inner)
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") else {
            if !url.hasPrefix("#") {
                warnings.add(place, "the link to \(url) is kept as text: Dossier links only to http, https and mailto addresses, or to files in content/")
            }
            return label
        }
        let target = url.contains(where: { " ()<>".contains($0) }) ? "<\(url.replacingOccurrences(of: ">", with: "%3E"))>" : url
        return "[\(label)](\(target))"
    }

    private mutating func image(alt: [PandocInline], url: String) -> String {
        guard let name = imageNames[url] else {
            warnings.add(place, "the image \(url) is not in the document and was left out")
            return ""
        }
        let words = PandocText.collapse(PandocText.plain(alt))
        if words.isEmpty {
            warnings.add(place, "the image \(name) has no alt text",
                         hint: "describe it between the brackets of ![](\(name)), or write ![]() only if it is decoration")
        }
        let lower = name.lowercased()
        if lower.hasSuffix(".emf") || lower.hasSuffix(".wmf") || lower.hasSuffix(".tif") || lower.hasSuffix(".tiff") {
            warnings.add(place, "the image \(name) is in a format browsers do not show", hint: "convert it to PNG")
        }
        return "![\(Self.escape(words))](\(name))"
    }

    private func wrap(_ text: String, _ mark: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return text }
        let lead = text.prefix { $0 == " " }
        let trail = String(text.reversed().prefix { $0 == " " })
        return lead + mark + trimmed + mark + trail
    }

    // MARK: Escaping

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>&".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    private static func code(_ text: String) -> String {
        let fence = text.contains("`") ? "``" : "`"
        return fence + (text.hasPrefix("`") || text.hasSuffix("`") ? " \(text) " : text) + fence
    }

    /// A paragraph that would start a heading, list, quote or break in CommonMark gets its first mark escaped.
    static func guardLineStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        if "#>+=-|~".contains(first) { return "\\" + text }
        let digits = text.prefix { $0.isNumber && $0.isASCII }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = text.dropFirst(digits.count)
            if let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first.map({ $0 == " " }) ?? true {
                return digits + "\\" + rest
            }
        }
        return text
    }

    static func csv(_ cell: String) -> String {
        let needsQuotes = cell.contains(",") || cell.contains("\"") || cell.hasPrefix(" ") || cell.hasSuffix(" ")
            || cell.lowercased().hasPrefix("caption:")
        return needsQuotes ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }

    static func excerpt(_ text: String) -> String {
        let words = PandocText.collapse(text)
        return "'" + (words.count > 60 ? String(words.prefix(57)) + "…" : words) + "'"
    }
}
