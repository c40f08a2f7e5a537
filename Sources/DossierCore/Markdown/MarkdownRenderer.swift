import CMark

/// A heading of a page's body, with the anchor it was given.
struct Heading: Sendable, Equatable {
    let level: Int
    let text: String
    let id: String
}

struct RenderedMarkdown: Sendable {
    let html: String
    let headings: [Heading]
}

/// What to do with a link destination written in Markdown.
enum LinkResolution: Equatable {
    case keep
    case rewrite(String)
    case broken(message: String, hint: String?)
}

protocol LinkResolving: Sendable {
    func resolve(_ destination: String, from file: SourceFile) -> LinkResolution
}

/// CommonMark through libcmark: smart punctuation, raw HTML omitted unless allowed, headings with
/// stable `id` anchors, relative links rewritten to the target's URL. All of it on the syntax tree.
struct MarkdownRenderer: Sendable {
    var allowRawHTML = false
    /// Ids the templates use, which headings must not take.
    var reservedIDs: Set<String> = []
    /// "Target just missed" for ```chart blocks of type target, unless the block says.
    var tolerance: Double = SiteConfig.defaults.tolerance
    /// Starts the id of each ```chart block; several Markdown texts on one page need different ones.
    var chartIDPrefix = "chart_"

    private var options: Int32 { CMARK_OPT_SMART | (allowRawHTML ? CMARK_OPT_UNSAFE : 0) }

    func render(_ page: SourcePage, links: LinkResolving) -> (RenderedMarkdown, [Diagnostic]) {
        let bytes = Array(page.body.utf8)
        guard let document = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.map { cmark_parse_document($0, buffer.count, options) } ?? cmark_parse_document("", 0, options)
        }) else {
            return (RenderedMarkdown(html: "", headings: []), [.error("cannot parse Markdown", at: SourceLocation(file: page.file.path))])
        }
        defer { cmark_node_free(document) }

        var linkNodes: [OpaquePointer] = []
        var headingNodes: [OpaquePointer] = []
        var blockNodes: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE: linkNodes.append(node)
            case CMARK_NODE_HEADING: headingNodes.append(node)
            case CMARK_NODE_CODE_BLOCK where ["chart", "table"].contains(Self.infoWord(node)): blockNodes.append(node)
            default: break
            }
        }
        cmark_iter_free(iterator)

        var diagnostics: [Diagnostic] = []
        for node in linkNodes {
            let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            switch links.resolve(destination, from: page.file) {
            case .keep: break
            case let .rewrite(url): cmark_node_set_url(node, url)
            case let .broken(message, hint):
                diagnostics.append(.error(message, at: location(of: node, in: page), hint: hint))
            }
        }

        var chartCount = 0
        for node in blockNodes {
            let fenceLine = page.bodyFirstLine + Int(cmark_node_get_start_line(node)) - 1
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            let html: String
            if Self.infoWord(node) == "table" {
                switch TableBlock.render(literal) {
                case let .success(table): html = table
                case let .failure(problem):
                    diagnostics.append(.error("table block: \(problem.message)",
                                              at: SourceLocation(file: page.file.path, line: fenceLine + problem.line,
                                                                 column: page.bodyColumnOffset + max(1, Int(cmark_node_get_start_column(node)))),
                                              hint: problem.hint))
                    continue
                }
            } else {
                let columnOffset = page.bodyColumnOffset + max(0, Int(cmark_node_get_start_column(node)) - 1)
                switch ChartBlock.request(literal, file: page.file.path, fenceLine: fenceLine, columnOffset: columnOffset, defaultTolerance: tolerance) {
                case let .success(request):
                    chartCount += 1
                    // Heading anchors are made of letters, digits and dashes, so an underscore keeps chart ids apart.
                    html = request.pageHTML(id: "\(chartIDPrefix)\(chartCount)") + "\n"
                case let .failure(problems):
                    diagnostics += problems.items
                    continue
                }
            }
            let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
            cmark_node_set_on_enter(block, html)
            cmark_node_replace(node, block)
            cmark_node_free(node)
        }

        var used = reservedIDs
        var nextSuffix: [String: Int] = [:]
        var headings: [Heading] = []
        for node in headingNodes {
            let text = plainText(of: node)
            let id = uniqueID(for: text, used: &used, nextSuffix: &nextSuffix)
            let level = Int(cmark_node_get_heading_level(node))
            headings.append(Heading(level: level, text: text, id: id))
            replaceWithAnchoredHeading(node, level: level, id: id)
        }

        guard let rendered = cmark_render_html(document, options) else {
            return (RenderedMarkdown(html: "", headings: headings), diagnostics)
        }
        defer { free(rendered) }
        return (RenderedMarkdown(html: String(cString: rendered), headings: headings), diagnostics)
    }

    /// cmark's HTML renderer has no attributes for headings, so the heading is rendered on its own and
    /// put back as a custom block carrying the same HTML with an `id`.
    private func replaceWithAnchoredHeading(_ node: OpaquePointer, level: Int, id: String) {
        guard let rendered = cmark_render_html(node, options) else { return }
        defer { free(rendered) }
        // cmark writes a heading as exactly `<hN>` + inner HTML + `</hN>` and a newline.
        let html = UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self), count: strlen(rendered))
        let open = 4, close = 6
        guard html.count >= open + close else { return }
        let inner = String(decoding: html[open..<(html.count - close)], as: UTF8.self)
        let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
        cmark_node_set_on_enter(block, "<h\(level) id=\"\(id)\">\(inner)</h\(level)>")
        cmark_node_replace(node, block)
        cmark_node_free(node)
    }

    /// The first word of a fenced block's info string: `chart` in ```` ```chart ````.
    private static func infoWord(_ node: OpaquePointer) -> String {
        let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
        return String(info.split(separator: " ").first ?? "")
    }

    private func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += cmark_node_get_literal(child).map { String(cString: $0) } ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default: break
            }
        }
        cmark_iter_free(iterator)
        return text
    }

    /// GitHub's scheme: the slug, then `-1`, `-2` … for repeats. Each slug's next suffix is
    /// kept, so a page of many equal headings costs no more than one of different headings.
    private func uniqueID(for text: String, used: inout Set<String>, nextSuffix: inout [String: Int]) -> String {
        let slug = Slug.make(from: text)
        let base = slug.isEmpty ? "section" : slug
        var counter = nextSuffix[base] ?? 0
        var candidate = counter == 0 ? base : "\(base)-\(counter)"
        defer { nextSuffix[base] = counter }
        while used.contains(candidate) {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        used.insert(candidate)
        return candidate
    }

    /// Inline nodes may have no position of their own; then the nearest block that has one.
    private func location(of node: OpaquePointer, in page: SourcePage) -> SourceLocation {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 {
                return SourceLocation(file: page.file.path, line: page.bodyFirstLine + line - 1,
                                      column: page.bodyColumnOffset + max(1, Int(cmark_node_get_start_column(candidate))))
            }
            current = cmark_node_parent(candidate)
        }
        return SourceLocation(file: page.file.path, line: page.bodyFirstLine)
    }
}

import Foundation
