/// Reads the Word paragraph and character styles that pandoc reports with `docx+styles`, so that
/// pandoc 2.17 and pandoc 3 give the importer the same tree.
///
/// pandoc 3 turns an image followed by a caption paragraph into a `Figure`, and a caption paragraph
/// just before or after a table into the table's caption. pandoc 2.17 leaves both as ordinary
/// paragraphs (and when the table also has a title of its own, `w:tblCaption`, gives that as the
/// caption *and* keeps the paragraph, so the words came out twice). With `+styles` both versions
/// wrap each styled paragraph in a `Div` with a `custom-style`, and this reads the caption styles
/// (Word's `Caption`; pandoc's own `Image Caption` and `Table Caption`) the way pandoc 3 does. Every
/// other style's `Div` and `Span` is unwrapped, which gives the tree pandoc writes without `+styles`.
enum WordStyles {
    static let captionStyles: Set<String> = ["caption", "image caption", "table caption", "figure caption"]

    static func read(_ blocks: [PandocBlock]) -> [PandocBlock] {
        pair(blocks.flatMap(pieces))
    }

    /// A block after reading styles: an ordinary block, or a caption paragraph waiting for the
    /// image or table it belongs to.
    private enum Piece {
        case block(PandocBlock)
        case caption([PandocBlock])
    }

    private static func style(_ attr: PandocAttr) -> String? { attr.attributes["custom-style"] }

    private static func isCaption(_ attr: PandocAttr) -> Bool {
        style(attr).map { captionStyles.contains($0.lowercased()) } ?? false
    }

    private static func pieces(_ block: PandocBlock) -> [Piece] {
        if case let .div(attr, inner) = block, style(attr) != nil {
            if isCaption(attr) { return [.caption(inner.flatMap(plainBlocks))] }
            return inner.flatMap(pieces)
        }
        return [.block(children(block))]
    }

    /// Blocks with every style unwrapped, captions too: for places a caption cannot be paired.
    private static func plainBlocks(_ block: PandocBlock) -> [PandocBlock] {
        if case let .div(attr, inner) = block, style(attr) != nil { return inner.flatMap(plainBlocks) }
        return [children(block)]
    }

    private static func pair(_ pieces: [Piece]) -> [PandocBlock] {
        var blocks: [PandocBlock] = []
        var index = 0
        while index < pieces.count {
            let piece = pieces[index]
            let next = index + 1 < pieces.count ? pieces[index + 1] : nil
            switch (piece, next) {
            case let (.caption(caption), .block(.table(table))?) where !table.captionIsParagraph:
                blocks.append(.table(captioned(table, caption)))
                index += 2
            case let (.block(.table(table)), .caption(caption)?) where !table.captionIsParagraph:
                blocks.append(.table(captioned(table, caption)))
                index += 2
            case let (.block(block), .caption(caption)?) where imageOnly(block) != nil:
                blocks.append(.figure(caption: caption, content: [.plain(imageOnly(block)!)]))
                index += 2
            case let (.caption(caption), _):
                blocks += caption
                index += 1
            case let (.block(block), _):
                blocks.append(block)
                index += 1
            }
        }
        return blocks
    }

    /// The caption paragraph replaces a title the table had of its own (pandoc 3 does the same).
    private static func captioned(_ table: PandocTable, _ caption: [PandocBlock]) -> PandocTable {
        var table = table
        table.caption = caption
        table.captionIsParagraph = true
        return table
    }

    /// The inlines of a paragraph that holds images and nothing else.
    private static func imageOnly(_ block: PandocBlock) -> [PandocInline]? {
        guard case let .para(inlines) = block else { return nil }
        var images = 0
        for inline in inlines {
            switch inline {
            case .image: images += 1
            case .space, .softBreak, .lineBreak: continue
            default: return nil
            }
        }
        return images > 0 ? inlines : nil
    }

    /// The block with the styles inside it read.
    private static func children(_ block: PandocBlock) -> PandocBlock {
        switch block {
        case let .plain(inlines): return .plain(trimmed(spans(inlines)))
        case let .para(inlines): return .para(trimmed(spans(inlines)))
        case let .lineBlock(lines): return .lineBlock(lines.map(spans))
        case let .header(level, inlines): return .header(level: level, spans(inlines))
        case let .blockQuote(inner): return .blockQuote(read(inner))
        case let .div(attr, inner): return .div(attr, read(inner))
        case let .bulletList(items): return .bulletList(items.map(read))
        case let .orderedList(start, items): return .orderedList(start: start, items: items.map(read))
        case let .definitionList(entries):
            return .definitionList(entries.map { (term: spans($0.term), definitions: $0.definitions.map(read)) })
        case let .figure(caption, content):
            return .figure(caption: caption.flatMap(plainBlocks), content: read(content))
        case let .table(table):
            var table = table
            // pandoc 3 gives a caption paragraph inside the table's caption, still in its Div.
            if table.caption.contains(where: { if case let .div(attr, _) = $0 { return isCaption(attr) }; return false }) {
                table.captionIsParagraph = true
            }
            table.caption = table.caption.flatMap(plainBlocks)
            let cells = { (rows: [[PandocCell]]) in
                rows.map { $0.map { cell in var cell = cell; cell.blocks = cell.blocks.flatMap(plainBlocks); return cell } }
            }
            table.headRows = cells(table.headRows)
            table.bodyRows = cells(table.bodyRows)
            table.footRows = cells(table.footRows)
            return .table(table)
        case .codeBlock, .rawBlock, .horizontalRule, .null, .unknown: return block
        }
    }

    /// Without the (empty) Span of a style such as Footnote Reference, a paragraph can start with
    /// the space that followed it; pandoc without +styles trims it.
    private static func trimmed(_ inlines: [PandocInline]) -> [PandocInline] {
        let isSpace = { (inline: PandocInline) -> Bool in if case .space = inline { return true }; return false }
        return Array(inlines.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }

    /// Inlines with character styles (`Span`s with only a custom-style) unwrapped.
    private static func spans(_ inlines: [PandocInline]) -> [PandocInline] {
        inlines.flatMap { inline -> [PandocInline] in
            switch inline {
            case let .span(attr, inner):
                if style(attr) != nil, attr.identifier.isEmpty, attr.classes.isEmpty, attr.attributes.count == 1 {
                    return spans(inner)
                }
                return [.span(attr, spans(inner))]
            case let .emph(inner): return [.emph(spans(inner))]
            case let .strong(inner): return [.strong(spans(inner))]
            case let .underline(inner): return [.underline(spans(inner))]
            case let .strikeout(inner): return [.strikeout(spans(inner))]
            case let .superscript(inner): return [.superscript(spans(inner))]
            case let .subscript(inner): return [.subscript(spans(inner))]
            case let .smallCaps(inner): return [.smallCaps(spans(inner))]
            case let .quoted(double, inner): return [.quoted(double: double, spans(inner))]
            case let .link(inner, url): return [.link(spans(inner), url: url)]
            case let .image(alt, url, title): return [.image(alt: spans(alt), url: url, title: title)]
            case let .note(blocks): return [.note(read(blocks))]
            case .str, .space, .softBreak, .lineBreak, .code, .math, .rawInline, .unknown: return [inline]
            }
        }
    }
}
