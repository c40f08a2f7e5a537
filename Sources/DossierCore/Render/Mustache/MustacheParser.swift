/// Turns a template's text into `MustacheNode`s.
///
/// It follows the Mustache spec, and where the spec leaves room it decides as swift-mustache 2.1.1
/// does, so that the pages Dossier rendered with it come out byte for byte the same: which lines
/// are standalone, how the whitespace of a parent's block overrides is taken off, which characters
/// a name may use. It works on the text's UTF-8 bytes.
struct MustacheParser {
    /// Parses `text`; `name` is the template's name in its library.
    static func parse(_ text: String, named name: String) throws(MustacheSyntaxError) -> ParsedTemplate {
        var parser = MustacheParser(text)
        let level = try parser.parseLevel(State())
        return ParsedTemplate(name: name, nodes: level.nodes)
    }

    /// Sections, parents and blocks inside each other: each level is a recursive call here, and in
    /// the renderer and the checker, so without a limit a template of `{{#a}}` repeated overflows
    /// the stack (found by a hostile input written for the fuzz targets). No real template nests more than a few deep.
    static let maximumDepth = 100

    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0
    /// The offset of the first byte of each line, for locations.
    private let lineStarts: [Int]

    private init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == .newline { starts.append(offset + 1) }
        lineStarts = starts
    }

    // MARK: - State

    /// What is open around the part being parsed.
    private enum Opening {
        case section, inverted, parent, block

        var noun: String {
            switch self {
            case .section: "section"
            case .inverted: "inverted section"
            case .parent: "parent"
            case .block: "block"
            }
        }
    }

    private struct State {
        var openDelimiter: [UInt8] = Array("{{".utf8)
        var closeDelimiter: [UInt8] = Array("}}".utf8)
        /// At the start of a line, or just after a standalone tag: the next tag may be standalone.
        var atLineStart = true
        /// The section, parent or block this level closes, as written in its opening tag.
        var open: (kind: Opening, name: String, at: TemplateLocation)?
        /// Inside a parent (`{{<name}}`), at any depth.
        var inParent = false
        /// Directly inside a parent, where `{{$name}}` gives an override rather than a block.
        var atParentTop = false
        /// Inside an override: the width of its first line's indentation, which every line loses.
        var overrideIndentation: Int?

        var closeText: String { String(decoding: closeDelimiter, as: UTF8.self) }
    }

    private struct Level {
        var nodes: [MustacheNode] = []
        /// Block overrides, when the level is a parent's content.
        var overrides: [MustacheBlock] = []

        mutating func append(text: String) {
            guard !text.isEmpty else { return }
            if case let .text(previous)? = nodes.last {
                nodes[nodes.count - 1] = .text(previous + text)
            } else {
                nodes.append(.text(text))
            }
        }
    }

    // MARK: - The parse

    private mutating func parseLevel(_ start: State) throws(MustacheSyntaxError) -> Level {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth + 1, let open = start.open { // the template itself is the first level
            throw MustacheSyntaxError("sections, parents and blocks are nested more than \(Self.maximumDepth) deep here", at: open.at)
        }
        var state = start
        var level = Level()
        // The whitespace that began the current line, held back until it is known whether the
        // line is a standalone tag's (whose whitespace goes).
        var indentation = ""
        while position < bytes.count {
            if state.atLineStart {
                let spaces = readSpacesAndTabs()
                if state.inParent && !state.atParentTop {
                    if let width = state.overrideIndentation {
                        indentation = String(spaces.dropFirst(width))
                    } else {
                        state.overrideIndentation = spaces.count
                    }
                } else {
                    indentation = spaces
                }
            }
            let (text, tagStart) = readText(state)
            // (An opening delimiter right before a line break is dropped with it, as swift-mustache drops it.)
            if let lineBreak = lineBreakLength(at: position, crlfOrLFOnly: tagStart == nil) {
                level.append(text: indentation + text + string(position, position + lineBreak))
                position += lineBreak
                state.atLineStart = true
                continue
            }
            if !text.isEmpty {
                level.append(text: indentation + text)
                indentation = ""
                state.atLineStart = false
            }
            guard let tagStart else { break }

            let at = location(of: tagStart)
            var standalone = false
            let sigil = position < bytes.count ? bytes[position] : 0
            switch sigil {
            case .hash, .caret:
                position += 1
                let name = try readName(state, tagStart: tagStart)
                if isStandalone(state) {
                    standalone = true
                } else {
                    level.append(text: indentation)
                    indentation = ""
                }
                let kind: Opening = sigil == .hash ? .section : .inverted
                var inner = state
                inner.open = (kind, name.written, at)
                inner.atParentTop = false
                if !standalone { inner.atLineStart = false }
                let children = try parseLevel(inner).nodes
                level.nodes.append(.section(name, inverted: kind == .inverted, children: children, at: at))

            case .slash:
                position += 1
                let written = try readPartialName(state, tagStart: tagStart)
                guard let open = state.open else {
                    throw MustacheSyntaxError("the closing tag '\(written)' has no open section to close", at: at)
                }
                guard written == open.name else {
                    throw MustacheSyntaxError("the closing tag '\(written)' does not match the open \(open.kind.noun) '\(open.name)'", at: at)
                }
                if !isStandalone(state) {
                    level.append(text: indentation)
                }
                return level

            case .bang:
                position += 1
                guard let end = find(state.closeDelimiter, from: position) else {
                    throw MustacheSyntaxError("a comment is not finished (missing '\(state.closeText)')", at: at)
                }
                position = end + state.closeDelimiter.count
                standalone = isStandalone(state)

            case .openBrace, .ampersand:
                level.append(text: indentation)
                indentation = ""
                position += 1
                let name = try readName(state, tagStart: tagStart, tripleMustache: sigil == .openBrace)
                level.nodes.append(.variable(name, escaped: false, at: at))

            case .greaterThan:
                position += 1
                skipWhitespace()
                let dynamic = position < bytes.count && bytes[position] == .asterisk
                if dynamic { position += 1 }
                let name = try readPartialName(state, tagStart: tagStart)
                level.append(text: indentation)
                if isStandalone(state) {
                    standalone = true
                    level.nodes.append(.partial(name: name, dynamic: dynamic, indentation: indentation, at: at))
                } else {
                    level.nodes.append(.partial(name: name, dynamic: dynamic, indentation: "", at: at))
                }
                indentation = ""

            case .lessThan:
                position += 1
                skipWhitespace()
                let written = try readPartialName(state, tagStart: tagStart)
                let dynamic = written.hasPrefix("*")
                let name = dynamic ? String(written.dropFirst()) : written
                level.append(text: indentation)
                standalone = isStandalone(state)
                var inner = state
                inner.open = (.parent, written, at)
                inner.atLineStart = true
                inner.inParent = true
                inner.atParentTop = true
                let content = try parseLevel(inner)
                if let stray = content.nodes.lazy.compactMap(\.tagLocation).first {
                    throw MustacheSyntaxError("only block overrides ({{$name}}…{{/name}}) may appear inside the parent '\(written)'", at: stray)
                }
                level.nodes.append(.parent(name: name, dynamic: dynamic, indentation: indentation, overrides: content.overrides, at: at))
                indentation = ""

            case .dollar:
                position += 1
                let name = try readName(state, tagStart: tagStart)
                guard name.transforms.isEmpty else {
                    throw MustacheSyntaxError("a transform cannot be applied to the block '\(name.written)'", at: at)
                }
                if state.atParentTop {
                    standalone = isStandalone(state)
                } else {
                    level.append(text: indentation)
                    standalone = isStandalone(state)
                }
                var inner = state
                inner.open = (.block, name.written, at)
                inner.atParentTop = false
                if !standalone { inner.atLineStart = false }
                let content = try parseLevel(inner).nodes
                let block = MustacheBlock(name: name.written, content: content, at: at)
                if state.atParentTop {
                    level.overrides.append(block)
                } else {
                    var overrideIndentation = indentation
                    if standalone, indentation.isEmpty, case let .text(firstLine)? = content.first {
                        overrideIndentation = String(firstLine.prefix { $0 == " " || $0 == "\t" })
                    }
                    level.nodes.append(.block(block, indentation: indentation, overrideIndentation: overrideIndentation))
                    indentation = ""
                }

            case .equals:
                position += 1
                try readDelimiters(&state, at: at)
                state.atParentTop = false
                standalone = isStandalone(state)

            case .percent:
                throw MustacheSyntaxError("pragmas ({{%…}}) are not supported", at: at)

            default:
                level.append(text: indentation)
                indentation = ""
                let name = try readName(state, tagStart: tagStart)
                level.nodes.append(.variable(name, escaped: true, at: at))
            }
            state.atLineStart = standalone
        }
        if let open = state.open {
            throw MustacheSyntaxError("\(open.kind.noun) '\(open.name)' is opened here but never closed", at: open.at)
        }
        return level
    }

    // MARK: - Text

    /// Reads up to the next line break, which it leaves, or the next opening delimiter, which it
    /// passes and whose offset it returns, or the end.
    private mutating func readText(_ state: State) -> (String, tagStart: Int?) {
        let start = position
        let first = state.openDelimiter[0]
        while position < bytes.count {
            let byte = bytes[position]
            if byte == .newline || (byte == .carriageReturn && position + 1 < bytes.count && bytes[position + 1] == .newline) {
                return (string(start, position), nil)
            }
            if byte == first, matches(state.openDelimiter, at: position) {
                let tagStart = position
                position += state.openDelimiter.count
                return (string(start, tagStart), tagStart)
            }
            position += 1
        }
        return (string(start, position), nil)
    }

    private mutating func readSpacesAndTabs() -> String {
        let start = position
        while position < bytes.count, bytes[position] == .space || bytes[position] == .tab { position += 1 }
        return string(start, position)
    }

    /// The length of the line break at `offset`, if one is there. The text is split into lines at
    /// LF and CRLF; a standalone tag's line may also end in any other character Swift counts as a
    /// newline (CR, VT, FF, NEL, LS, PS), as in swift-mustache.
    private func lineBreakLength(at offset: Int, crlfOrLFOnly: Bool) -> Int? {
        guard offset < bytes.count else { return nil }
        switch bytes[offset] {
        case .newline: return 1
        case .carriageReturn:
            if offset + 1 < bytes.count, bytes[offset + 1] == .newline { return 2 }
            return crlfOrLFOnly ? nil : 1
        case 0x0B, 0x0C: return crlfOrLFOnly ? nil : 1
        case 0xC2 where !crlfOrLFOnly && offset + 1 < bytes.count && bytes[offset + 1] == 0x85: return 2
        case 0xE2 where !crlfOrLFOnly && offset + 2 < bytes.count && bytes[offset + 1] == 0x80
            && (bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9): return 3
        default: return nil
        }
    }

    /// A tag is standalone when it is alone on its line but for spaces and tabs; its line's
    /// whitespace and line break then go. Passes the rest of the line when it is.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.atLineStart else { return false }
        if position == bytes.count { return true }
        var offset = position
        while offset < bytes.count, bytes[offset] == .space || bytes[offset] == .tab { offset += 1 }
        guard let lineBreak = lineBreakLength(at: offset, crlfOrLFOnly: false) else { return false }
        position = offset + lineBreak
        return true
    }

    // MARK: - Tags

    /// Reads a variable, section or block name and the closing delimiter (`}` and the closing
    /// delimiter for a triple mustache).
    private mutating func readName(_ state: State, tagStart: Int, tripleMustache: Bool = false) throws(MustacheSyntaxError) -> TemplateName {
        skipWhitespace()
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position]) { position += 1 }
        let written = string(start, position)
        skipWhitespace()
        if tripleMustache {
            guard position < bytes.count, bytes[position] == .closeBrace, matches(state.closeDelimiter, at: position + 1) else {
                if matches(state.closeDelimiter, at: position) {
                    throw MustacheSyntaxError("a triple mustache tag is not finished (missing '}\(state.closeText)')", at: location(of: tagStart))
                }
                throw badTag(state, tagStart: tagStart, expected: "}" + state.closeText)
            }
            position += 1 + state.closeDelimiter.count
        } else {
            guard matches(state.closeDelimiter, at: position) else { throw badTag(state, tagStart: tagStart, expected: state.closeText) }
            position += state.closeDelimiter.count
        }
        guard let name = Self.splitTransforms(written) else {
            throw MustacheSyntaxError("'\(written)' is not a valid name: a transform is written like empty(page.tags)", at: location(of: tagStart))
        }
        return name
    }

    /// Reads a partial's, parent's or closing tag's name (which may also use `/`) and the closing delimiter.
    private mutating func readPartialName(_ state: State, tagStart: Int) throws(MustacheSyntaxError) -> String {
        skipWhitespace()
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position]) || bytes[position] == .slash { position += 1 }
        let name = string(start, position)
        skipWhitespace()
        guard matches(state.closeDelimiter, at: position) else { throw badTag(state, tagStart: tagStart, expected: state.closeText) }
        position += state.closeDelimiter.count
        return name
    }

    /// The error for a tag that does not end where its name does: unfinished when its closing
    /// delimiter does not come before the next opening one, otherwise a name with characters a
    /// name cannot have.
    private func badTag(_ state: State, tagStart: Int, expected: String) -> MustacheSyntaxError {
        let at = location(of: tagStart)
        let contentStart = tagStart + state.openDelimiter.count
        let close = find(state.closeDelimiter, from: contentStart)
        let nextOpen = find(state.openDelimiter, from: contentStart)
        guard let close, nextOpen.map({ close < $0 }) ?? true else {
            return MustacheSyntaxError("a tag is not finished (missing '\(expected)')", at: at)
        }
        var end = close + state.closeDelimiter.count
        if expected.count > state.closeDelimiter.count, end < bytes.count, bytes[end] == .closeBrace { end += 1 }
        let tag = string(tagStart, end)
        return MustacheSyntaxError("the tag '\(tag)' is not valid: names may use only letters, digits and . _ - ? * ( ) (and / in partials)", at: at)
    }

    /// `{{=<% %>=}}`: both delimiters, separated by whitespace, then `=` and the current closing delimiter.
    private mutating func readDelimiters(_ state: inout State, at: TemplateLocation) throws(MustacheSyntaxError) {
        let error = MustacheSyntaxError("invalid delimiter change: write it like {{=<% %>=}}, with two delimiters separated by a space", at: at)
        skipWhitespace()
        let openStart = position
        while position < bytes.count, !isWhitespace(at: position) { position += 1 }
        guard position < bytes.count else { throw error }
        let open = Array(bytes[openStart..<position])
        skipWhitespace()
        let closeStart = position
        while position < bytes.count, bytes[position] != .equals, !isWhitespace(at: position) { position += 1 }
        guard position < bytes.count else { throw error }
        let close = Array(bytes[closeStart..<position])
        skipWhitespace()
        guard position < bytes.count, bytes[position] == .equals else { throw error }
        position += 1
        guard matches(state.closeDelimiter, at: position) else { throw error }
        position += state.closeDelimiter.count
        guard !open.isEmpty, !close.isEmpty else { throw error }
        state.openDelimiter = open
        state.closeDelimiter = close
    }

    /// `uppercased(reversed(name))` → path `name`, transforms `uppercased`, `reversed`; nil when the
    /// brackets are not of that form.
    static func splitTransforms(_ written: String) -> TemplateName? {
        guard let open = written.firstIndex(where: { $0 == "(" || $0 == ")" }) else {
            return TemplateName(written: written, path: written, transforms: [])
        }
        guard written[open] == "(" else { return nil }
        var transforms = [String(written[..<open])]
        var rest = written[written.index(after: open)...]
        while true {
            guard let bracket = rest.firstIndex(where: { $0 == "(" || $0 == ")" }) else { return nil }
            let part = rest[..<bracket]
            if rest[bracket] == "(" {
                transforms.append(String(part))
                rest = rest[rest.index(after: bracket)...]
                continue
            }
            let closing = rest[bracket...]
            guard closing.count == transforms.count, closing.allSatisfy({ $0 == ")" }) else { return nil }
            return TemplateName(written: written, path: String(part), transforms: transforms.map(MustacheTransform.init))
        }
    }

    // MARK: - Bytes

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): true
        case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "("), UInt8(ascii: ")"): true
        default: false
        }
    }

    /// Whether a white-space character (in Unicode's sense, as Swift's `Character.isWhitespace`) begins at `offset`.
    private func isWhitespace(at offset: Int) -> Bool { whitespaceLength(at: offset) > 0 }

    private func whitespaceLength(at offset: Int) -> Int {
        let byte = bytes[offset]
        if byte < 0x80 { return byte == .space || (0x09...0x0D).contains(byte) ? 1 : 0 }
        var iterator = bytes[offset...].makeIterator()
        var decoder = UTF8()
        guard case let .scalarValue(scalar) = decoder.decode(&iterator), scalar.properties.isWhitespace else { return 0 }
        return String(scalar).utf8.count
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            let length = whitespaceLength(at: position)
            guard length > 0 else { return }
            position += length
        }
    }

    private func matches(_ delimiter: [UInt8], at offset: Int) -> Bool {
        guard offset + delimiter.count <= bytes.count else { return false }
        for index in delimiter.indices where bytes[offset + index] != delimiter[index] { return false }
        return true
    }

    private func find(_ delimiter: [UInt8], from offset: Int) -> Int? {
        var offset = offset
        while offset + delimiter.count <= bytes.count {
            if matches(delimiter, at: offset) { return offset }
            offset += 1
        }
        return nil
    }

    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Line from 1; column from 1, counted in characters as swift-mustache and Dossier's diagnostics count them.
    private func location(of offset: Int) -> TemplateLocation {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let prefix = bytes[lineStarts[low]..<offset]
        let column = prefix.allSatisfy { $0 < 0x80 } ? prefix.count : String(decoding: prefix, as: UTF8.self).count
        return TemplateLocation(line: low + 1, column: column + 1)
    }
}

extension MustacheNode {
    /// Where the node's tag is; nil for text.
    var tagLocation: TemplateLocation? {
        switch self {
        case .text: nil
        case let .variable(_, _, at), let .section(_, _, _, at), let .partial(_, _, _, at), let .parent(_, _, _, _, at): at
        case let .block(block, _, _): block.at
        }
    }
}

private extension UInt8 {
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let bang = UInt8(ascii: "!")
    static let hash = UInt8(ascii: "#")
    static let dollar = UInt8(ascii: "$")
    static let percent = UInt8(ascii: "%")
    static let ampersand = UInt8(ascii: "&")
    static let asterisk = UInt8(ascii: "*")
    static let slash = UInt8(ascii: "/")
    static let lessThan = UInt8(ascii: "<")
    static let equals = UInt8(ascii: "=")
    static let greaterThan = UInt8(ascii: ">")
    static let caret = UInt8(ascii: "^")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
}
