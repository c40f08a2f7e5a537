import CMark

/// Inline text of an email block: runs of text, each plain, strong, emphasised, code or a link.
enum EmailInline: Sendable, Equatable {
    case text(String)
    case strong(String)
    case emphasis(String)
    case code(String)
    /// `url` is absolute.
    case link(text: String, url: String)

    var plainText: String {
        switch self {
        case let .text(text), let .strong(text), let .emphasis(text), let .code(text): return text
        case let .link(text, _): return text
        }
    }
}

/// A block of an email, made from Markdown, that both the HTML and the text renderings draw from.
enum EmailBlock: Sendable, Equatable {
    case heading(level: Int, [EmailInline])
    case paragraph([EmailInline])
    case list(ordered: Bool, [[EmailInline]])
    case quote([EmailInline])
    case code(String)
    case chart(EmailChart)
    /// A ```table block: the caption and the rows, the first being the header.
    case table(caption: String?, [[String]])
    case rule
}

/// Markdown to `EmailBlock`s, with links made absolute. The Markdown has already been rendered
/// (and its errors reported) for the web page, so anything it cannot read here is left out.
struct EmailContent {
    /// Makes a link as written in the Markdown absolute.
    let absolute: (String) -> String
    var tolerance: Double = SiteConfig.defaults.tolerance

    func blocks(_ markdown: String) -> [EmailBlock] {
        let bytes = Array(markdown.utf8)
        guard let document = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.map { cmark_parse_document($0, buffer.count, CMARK_OPT_SMART) } ?? cmark_parse_document("", 0, CMARK_OPT_SMART)
        }) else { return [] }
        defer { cmark_node_free(document) }
        return children(of: document).flatMap(block)
    }

    private func children(of node: OpaquePointer) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            found.append(current)
            child = cmark_node_next(current)
        }
        return found
    }

    private func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private func block(_ node: OpaquePointer) -> [EmailBlock] {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING:
            return [.heading(level: Int(cmark_node_get_heading_level(node)), inlines(node))]
        case CMARK_NODE_PARAGRAPH:
            return [.paragraph(inlines(node))]
        case CMARK_NODE_LIST:
            let items = children(of: node).map { item in
                children(of: item).map(inlines).reduce([EmailInline]()) { joined, next in
                    joined.isEmpty ? next : joined + [.text(" ")] + next
                }
            }
            return [.list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST, items)]
        case CMARK_NODE_BLOCK_QUOTE:
            return children(of: node).map { .quote(inlines($0)) }
        case CMARK_NODE_THEMATIC_BREAK:
            return [.rule]
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            let word = info.split(separator: " ").first.map(String.init) ?? ""
            let text = literal(node)
            if word == "chart" {
                guard case let .success(request) = ChartBlock.request(text, file: "", fenceLine: 0, defaultTolerance: tolerance) else { return [] }
                return [.chart(EmailChart(request))]
            }
            if word == "table" { return table(text).map { [$0] } ?? [] }
            return [.code(text)]
        default:
            return []
        }
    }

    private func table(_ text: String) -> EmailBlock? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var caption: String?
        if let first = lines.first, first.lowercased().hasPrefix("caption:") {
            caption = first.dropFirst("caption:".count).trimmingCharacters(in: .whitespaces)
            lines.removeFirst()
        }
        guard case let .success(rows) = CSV.parse(lines, firstLine: 1) else { return nil }
        let kept = rows.filter { !($0.count == 1 && $0[0].isEmpty) }
        return kept.isEmpty ? nil : .table(caption: caption, kept)
    }

    /// The inline content of a block, flattened into runs.
    private func inlines(_ node: OpaquePointer) -> [EmailInline] {
        var runs: [EmailInline] = []
        func walk(_ node: OpaquePointer, style: (String) -> EmailInline) {
            for child in children(of: node) {
                switch cmark_node_get_type(child) {
                case CMARK_NODE_TEXT: runs.append(style(literal(child)))
                case CMARK_NODE_CODE: runs.append(.code(literal(child)))
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: runs.append(.text(" "))
                case CMARK_NODE_STRONG: walk(child, style: EmailInline.strong)
                case CMARK_NODE_EMPH: walk(child, style: EmailInline.emphasis)
                case CMARK_NODE_LINK:
                    let url = cmark_node_get_url(child).map { String(cString: $0) } ?? ""
                    runs.append(.link(text: plainText(child), url: absolute(url)))
                case CMARK_NODE_IMAGE:
                    runs.append(.text(plainText(child)))
                default:
                    walk(child, style: style)
                }
            }
        }
        walk(node, style: EmailInline.text)
        return runs
    }

    private func plainText(_ node: OpaquePointer) -> String {
        children(of: node).map { child -> String in
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: return literal(child)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: return " "
            default: return plainText(child)
            }
        }.joined()
    }
}
