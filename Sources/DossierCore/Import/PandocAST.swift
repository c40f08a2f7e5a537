import Foundation

/// Pandoc's document tree as `pandoc -t json` writes it, decoded with Codable.
///
/// Two API versions are in circulation: 1.22 (Debian 12's pandoc 2.17) and 1.23 (pandoc 3.x). They
/// differ in the blocks they have (1.23 adds `Figure` and drops `Null`); the tables of both are the
/// 1.21 shape (attributes, caption, column specs, head, bodies, foot), and the older five-part shape
/// of API 1.20 and before (caption, alignments, widths, header cells, rows) is read too. Any node
/// this decoder does not know is kept as `.unknown` with its name, so the writer can say so.
struct PandocDocument: Decodable {
    let apiVersion: [Int]
    let meta: [String: PandocMeta]
    var blocks: [PandocBlock]

    enum CodingKeys: String, CodingKey {
        case apiVersion = "pandoc-api-version", meta, blocks
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        apiVersion = try container.decodeIfPresent([Int].self, forKey: .apiVersion) ?? []
        meta = try container.decodeIfPresent([String: PandocMeta].self, forKey: .meta) ?? [:]
        blocks = try container.decode([PandocBlock].self, forKey: .blocks)
    }
}

/// A node's name (`t`) and contents (`c`).
private enum NodeKeys: String, CodingKey { case t, c }

/// `[identifier, [classes], [[key, value]]]`.
struct PandocAttr: Decodable {
    let identifier: String
    let classes: [String]
    let attributes: [String: String]

    init(from decoder: Decoder) throws {
        var container = try decoder.unkeyedContainer()
        identifier = try container.decode(String.self)
        classes = try container.decode([String].self)
        let pairs = try container.decode([[String]].self)
        attributes = Dictionary(pairs.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }, uniquingKeysWith: { a, _ in a })
    }
}

indirect enum PandocMeta: Decodable {
    case map([String: PandocMeta]), list([PandocMeta]), bool(Bool), string(String)
    case inlines([PandocInline]), blocks([PandocBlock])

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: NodeKeys.self)
        switch try container.decode(String.self, forKey: .t) {
        case "MetaMap": self = .map(try container.decode([String: PandocMeta].self, forKey: .c))
        case "MetaList": self = .list(try container.decode([PandocMeta].self, forKey: .c))
        case "MetaBool": self = .bool(try container.decode(Bool.self, forKey: .c))
        case "MetaString": self = .string(try container.decode(String.self, forKey: .c))
        case "MetaInlines": self = .inlines(try container.decode([PandocInline].self, forKey: .c))
        case "MetaBlocks": self = .blocks(try container.decode([PandocBlock].self, forKey: .c))
        default: self = .string("")
        }
    }

    var plainText: String {
        switch self {
        case let .map(map): return map.keys.sorted().map { map[$0]!.plainText }.joined(separator: "; ")
        case let .list(items): return items.map(\.plainText).joined(separator: "; ")
        case let .bool(value): return value ? "true" : "false"
        case let .string(text): return text
        case let .inlines(inlines): return PandocText.plain(inlines)
        case let .blocks(blocks): return blocks.map(PandocText.plain).joined(separator: " ")
        }
    }
}

struct PandocCell {
    var blocks: [PandocBlock]
    let rowSpan: Int
    let columnSpan: Int
}

struct PandocTable {
    var caption: [PandocBlock]
    /// The head's rows, then each body's own head rows and rows, then the foot's: in reading order.
    var headRows: [[PandocCell]]
    var bodyRows: [[PandocCell]]
    var footRows: [[PandocCell]]
    /// Whether the caption was a paragraph of the document (Word's Caption style), rather than the
    /// table's own title: such a paragraph counts in the numbering of paragraphs.
    var captionIsParagraph = false
}

indirect enum PandocBlock: Decodable {
    case plain([PandocInline]), para([PandocInline]), lineBlock([[PandocInline]])
    case codeBlock(String), rawBlock(format: String, text: String)
    case blockQuote([PandocBlock])
    case orderedList(start: Int, items: [[PandocBlock]]), bulletList([[PandocBlock]])
    case definitionList([(term: [PandocInline], definitions: [[PandocBlock]])])
    case header(level: Int, [PandocInline])
    case horizontalRule
    case table(PandocTable)
    case figure(caption: [PandocBlock], content: [PandocBlock])
    case div(PandocAttr, [PandocBlock])
    case null
    case unknown(String)

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: NodeKeys.self)
        let name = try container.decode(String.self, forKey: .t)
        switch name {
        case "Plain": self = .plain(try container.decode([PandocInline].self, forKey: .c))
        case "Para": self = .para(try container.decode([PandocInline].self, forKey: .c))
        case "LineBlock": self = .lineBlock(try container.decode([[PandocInline]].self, forKey: .c))
        case "CodeBlock":
            var parts = try container.nestedUnkeyedContainer(forKey: .c)
            _ = try parts.decode(PandocAttr.self)
            self = .codeBlock(try parts.decode(String.self))
        case "RawBlock":
            let parts = try container.decode([String].self, forKey: .c)
            self = .rawBlock(format: parts.first ?? "", text: parts.last ?? "")
        case "BlockQuote": self = .blockQuote(try container.decode([PandocBlock].self, forKey: .c))
        case "OrderedList":
            var parts = try container.nestedUnkeyedContainer(forKey: .c)
            var attributes = try parts.nestedUnkeyedContainer()
            let start = try attributes.decode(Int.self)
            self = .orderedList(start: start, items: try parts.decode([[PandocBlock]].self))
        case "BulletList": self = .bulletList(try container.decode([[PandocBlock]].self, forKey: .c))
        case "DefinitionList":
            var items = try container.nestedUnkeyedContainer(forKey: .c)
            var entries: [(term: [PandocInline], definitions: [[PandocBlock]])] = []
            while !items.isAtEnd {
                var item = try items.nestedUnkeyedContainer()
                entries.append((try item.decode([PandocInline].self), try item.decode([[PandocBlock]].self)))
            }
            self = .definitionList(entries)
        case "Header":
            var parts = try container.nestedUnkeyedContainer(forKey: .c)
            let level = try parts.decode(Int.self)
            _ = try parts.decode(PandocAttr.self)
            self = .header(level: level, try parts.decode([PandocInline].self))
        case "HorizontalRule": self = .horizontalRule
        case "Table": self = .table(try PandocBlock.table(try container.superDecoder(forKey: .c)))
        case "Figure":
            var parts = try container.nestedUnkeyedContainer(forKey: .c)
            _ = try parts.decode(PandocAttr.self)
            let caption = try PandocBlock.caption(parts.superDecoder())
            self = .figure(caption: caption, content: try parts.decode([PandocBlock].self))
        case "Div":
            var parts = try container.nestedUnkeyedContainer(forKey: .c)
            let attr = try parts.decode(PandocAttr.self)
            self = .div(attr, try parts.decode([PandocBlock].self))
        case "Null": self = .null
        default: self = .unknown(name)
        }
    }

    /// A 1.21+ caption, `[short caption or null, [blocks]]`.
    private static func caption(_ decoder: Decoder) throws -> [PandocBlock] {
        var parts = try decoder.unkeyedContainer()
        if try parts.decodeNil() == false {
            // The short caption was not null: skip it.
            _ = try parts.decode([PandocInline].self)
        }
        return try parts.decode([PandocBlock].self)
    }

    private static func table(_ decoder: Decoder) throws -> PandocTable {
        var count = 0
        do {
            var probe = try decoder.unkeyedContainer()
            count = probe.count ?? 0
            _ = try? probe.decodeNil()
        }
        var parts = try decoder.unkeyedContainer()
        if count == 5 {
            // API ≤ 1.20: [caption inlines, alignments, widths, header cells, rows]; a cell is [blocks].
            let caption = try parts.decode([PandocInline].self)
            _ = try parts.decode([AnyNode].self)
            _ = try parts.decode([Double].self)
            let header = try parts.decode([[PandocBlock]].self)
            let rows = try parts.decode([[[PandocBlock]]].self)
            let cells = { (row: [[PandocBlock]]) in row.map { PandocCell(blocks: $0, rowSpan: 1, columnSpan: 1) } }
            let headRows = header.allSatisfy(\.isEmpty) ? [] : [cells(header)]
            return PandocTable(caption: caption.isEmpty ? [] : [.plain(caption)], headRows: headRows,
                               bodyRows: rows.map(cells), footRows: [])
        }
        _ = try parts.decode(PandocAttr.self)
        let caption = try PandocBlock.caption(parts.superDecoder())
        _ = try parts.decode([AnyNode].self)
        let head = try parts.decode(TableSection.self)
        let bodies = try parts.decode([TableBody].self)
        let foot = try parts.decode(TableSection.self)
        return PandocTable(caption: caption, headRows: head.rows,
                           bodyRows: bodies.flatMap { $0.headRows + $0.rows }, footRows: foot.rows)
    }
}

/// A value this decoder reads past: column specs and alignments.
private struct AnyNode: Decodable {
    init(from decoder: Decoder) throws {}
}

/// `[attr, [rows]]`: a table head or foot.
private struct TableSection: Decodable {
    let rows: [[PandocCell]]
    init(from decoder: Decoder) throws {
        var parts = try decoder.unkeyedContainer()
        _ = try parts.decode(PandocAttr.self)
        rows = try parts.decode([TableRow].self).map(\.cells)
    }
}

/// `[attr, row head columns, [head rows], [rows]]`.
private struct TableBody: Decodable {
    let headRows: [[PandocCell]]
    let rows: [[PandocCell]]
    init(from decoder: Decoder) throws {
        var parts = try decoder.unkeyedContainer()
        _ = try parts.decode(PandocAttr.self)
        _ = try parts.decode(Int.self)
        headRows = try parts.decode([TableRow].self).map(\.cells)
        rows = try parts.decode([TableRow].self).map(\.cells)
    }
}

/// `[attr, [cells]]`; a cell is `[attr, alignment, row span, column span, [blocks]]`.
private struct TableRow: Decodable {
    let cells: [PandocCell]
    init(from decoder: Decoder) throws {
        var parts = try decoder.unkeyedContainer()
        _ = try parts.decode(PandocAttr.self)
        var cellList = try parts.nestedUnkeyedContainer()
        var cells: [PandocCell] = []
        while !cellList.isAtEnd {
            var cell = try cellList.nestedUnkeyedContainer()
            _ = try cell.decode(PandocAttr.self)
            _ = try cell.decode(AnyNode.self)
            let rowSpan = try cell.decode(Int.self)
            let columnSpan = try cell.decode(Int.self)
            cells.append(PandocCell(blocks: try cell.decode([PandocBlock].self), rowSpan: rowSpan, columnSpan: columnSpan))
        }
        self.cells = cells
    }
}

indirect enum PandocInline: Decodable {
    case str(String), space, softBreak, lineBreak
    case emph([PandocInline]), strong([PandocInline]), underline([PandocInline]), strikeout([PandocInline])
    case superscript([PandocInline]), `subscript`([PandocInline]), smallCaps([PandocInline])
    case quoted(double: Bool, [PandocInline])
    case code(String), math(String), rawInline(format: String, text: String)
    case link([PandocInline], url: String)
    case image(alt: [PandocInline], url: String, title: String)
    case note([PandocBlock])
    case span(PandocAttr, [PandocInline])
    case unknown(String)

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: NodeKeys.self)
        let name = try container.decode(String.self, forKey: .t)
        let inlines = { try container.decode([PandocInline].self, forKey: .c) }
        switch name {
        case "Str": self = .str(try container.decode(String.self, forKey: .c))
        case "Space": self = .space
        case "SoftBreak": self = .softBreak
        case "LineBreak": self = .lineBreak
        case "Emph": self = .emph(try inlines())
        case "Strong": self = .strong(try inlines())
        case "Underline": self = .underline(try inlines())
        case "Strikeout": self = .strikeout(try inlines())
        case "Superscript": self = .superscript(try inlines())
        case "Subscript": self = .subscript(try inlines())
        case "SmallCaps": self = .smallCaps(try inlines())
        case "Quoted":
            var parts = try container.nestedUnkeyedContainer(forKey: .c)
            let kind = try parts.nestedContainer(keyedBy: NodeKeys.self)
            let double = try kind.decode(String.self, forKey: .t) == "DoubleQuote"
            self = .quoted(double: double, try parts.decode([PandocInline].self))
        case "Cite":
            var parts = try container.nestedUnkeyedContainer(forKey: .c)
            _ = try parts.decode([AnyNode].self)
            self = .span(PandocAttr.empty, try parts.decode([PandocInline].self))
        case "Code":
            var parts = try container.nestedUnkeyedContainer(forKey: .c)
            _ = try parts.decode(PandocAttr.self)
            self = .code(try parts.decode(String.self))
        case "Math":
            var parts = try container.nestedUnkeyedContainer(forKey: .c)
            _ = try parts.decode(AnyNode.self)
            self = .math(try parts.decode(String.self))
        case "RawInline":
            let parts = try container.decode([String].self, forKey: .c)
            self = .rawInline(format: parts.first ?? "", text: parts.last ?? "")
        case "Link", "Image":
            var parts = try container.nestedUnkeyedContainer(forKey: .c)
            _ = try parts.decode(PandocAttr.self)
            let content = try parts.decode([PandocInline].self)
            let target = try parts.decode([String].self)
            let url = target.first ?? ""
            self = name == "Link" ? .link(content, url: url) : .image(alt: content, url: url, title: target.last ?? "")
        case "Note": self = .note(try container.decode([PandocBlock].self, forKey: .c))
        case "Span":
            var parts = try container.nestedUnkeyedContainer(forKey: .c)
            let attr = try parts.decode(PandocAttr.self)
            self = .span(attr, try parts.decode([PandocInline].self))
        default: self = .unknown(name)
        }
    }
}

extension PandocAttr {
    static let empty = PandocAttr()
    private init() {
        identifier = ""
        classes = []
        attributes = [:]
    }
}

/// The words of a piece of the tree, without formatting: for cells, titles and matching.
enum PandocText {
    static func plain(_ inlines: [PandocInline]) -> String {
        var text = ""
        for inline in inlines {
            switch inline {
            case let .str(value): text += value
            case .space, .softBreak: text += " "
            // A line break separates the items of a table cell, as paragraphs do (see `cell`).
            case .lineBreak: text += "\n"
            case let .emph(inner), let .strong(inner), let .underline(inner), let .strikeout(inner),
                 let .superscript(inner), let .subscript(inner), let .smallCaps(inner), let .link(inner, _):
                text += plain(inner)
            case let .quoted(double, inner): text += (double ? "“" : "‘") + plain(inner) + (double ? "”" : "’")
            case let .code(value), let .math(value): text += value
            case let .span(attr, inner):
                if !attr.classes.contains("comment-start"), !attr.classes.contains("deletion") { text += plain(inner) }
            case .rawInline, .image, .note, .unknown: break
            }
        }
        return text
    }

    static func plain(_ block: PandocBlock) -> String {
        switch block {
        case let .plain(inlines), let .para(inlines), let .header(_, inlines): return plain(inlines)
        case let .lineBlock(lines): return lines.map(plain).joined(separator: " ")
        case let .codeBlock(text): return text
        case let .blockQuote(blocks), let .div(_, blocks): return blocks.map(plain).joined(separator: " ")
        case let .orderedList(_, items), let .bulletList(items):
            return items.map { $0.map(plain).joined(separator: " ") }.joined(separator: "; ")
        case let .definitionList(entries):
            return entries.map { plain($0.term) + ": " + $0.definitions.flatMap { $0 }.map(plain).joined(separator: " ") }
                .joined(separator: "; ")
        case let .figure(caption, content): return (content + caption).map(plain).joined(separator: " ")
        case let .table(table):
            return (table.headRows + table.bodyRows + table.footRows)
                .map { $0.map { $0.blocks.map(plain).joined(separator: " ") }.joined(separator: " ") }.joined(separator: " ")
        case .rawBlock, .horizontalRule, .null, .unknown: return ""
        }
    }

    /// A cell's text: its paragraphs and lines joined by " / " when it has more than one.
    static func cell(_ cell: PandocCell) -> String {
        cell.blocks.map(plain).flatMap { $0.split(separator: "\n").map(String.init) }.map(collapse)
            .filter { !$0.isEmpty }.joined(separator: " / ")
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
