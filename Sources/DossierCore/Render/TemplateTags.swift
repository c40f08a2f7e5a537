/// A Mustache tag found in a template's text, with where it is.
struct TemplateTag: Equatable {
    enum Kind: Equatable {
        case variable, unescaped, section, inverted, close, partial, parent, block, comment, delimiters, pragma
    }

    let kind: Kind
    let name: String
    let line: Int
    let column: Int
}

/// A template as a tree: text is dropped, tags nest inside the sections, parents and blocks they open.
indirect enum TemplateNode {
    case tag(TemplateTag)
    case group(TemplateTag, [TemplateNode])
}

/// Scans `{{…}}` tags. swift-mustache parses templates for rendering but does not expose its tokens,
/// so the checker reads the tags itself; the text has already passed swift-mustache's parser.
enum TemplateTagScanner {
    static func scan(_ text: String) -> [TemplateTag] {
        var tags: [TemplateTag] = []
        let bytes = Array(text.utf8)
        var index = 0, line = 1, lineStart = 0
        while index < bytes.count {
            if bytes[index] == 0x0A { line += 1; lineStart = index + 1; index += 1; continue }
            guard bytes[index] == 0x7B, index + 1 < bytes.count, bytes[index + 1] == 0x7B else { index += 1; continue }
            let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
            let triple = index + 2 < bytes.count && bytes[index + 2] == 0x7B
            let openEnd = index + (triple ? 3 : 2)
            let closer: [UInt8] = triple ? [0x7D, 0x7D, 0x7D] : [0x7D, 0x7D]
            var end = openEnd
            while end + closer.count <= bytes.count, !bytes[end..<(end + closer.count)].elementsEqual(closer) { end += 1 }
            let inner = String(decoding: bytes[openEnd..<min(end, bytes.count)], as: UTF8.self)
            tags.append(classify(inner, triple: triple, line: line, column: column))
            for position in index..<min(end + closer.count, bytes.count) where bytes[position] == 0x0A {
                line += 1; lineStart = position + 1
            }
            index = end + closer.count
        }
        return tags
    }

    private static func classify(_ inner: String, triple: Bool, line: Int, column: Int) -> TemplateTag {
        let trimmed = inner.trimmingCharacters(in: .whitespacesAndNewlines)
        if triple { return TemplateTag(kind: .unescaped, name: trimmed, line: line, column: column) }
        let sigils: [Character: TemplateTag.Kind] = [
            "#": .section, "^": .inverted, "/": .close, ">": .partial, "<": .parent, "$": .block,
            "!": .comment, "=": .delimiters, "%": .pragma, "&": .unescaped,
        ]
        if let first = trimmed.first, let kind = sigils[first] {
            let name = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
            return TemplateTag(kind: kind, name: name, line: line, column: column)
        }
        return TemplateTag(kind: .variable, name: trimmed, line: line, column: column)
    }

    /// Nests the tags; swift-mustache has already checked that every section is closed.
    static func tree(_ tags: [TemplateTag]) -> [TemplateNode] {
        var stack: [(TemplateTag?, [TemplateNode])] = [(nil, [])]
        for tag in tags {
            switch tag.kind {
            case .section, .inverted, .parent, .block:
                stack.append((tag, []))
            case .close:
                guard stack.count > 1, let (open, children) = stack.popLast(), let open else { continue }
                stack[stack.count - 1].1.append(.group(open, children))
            case .comment, .pragma:
                continue
            default:
                stack[stack.count - 1].1.append(.tag(tag))
            }
        }
        return stack[0].1
    }
}

import Foundation
