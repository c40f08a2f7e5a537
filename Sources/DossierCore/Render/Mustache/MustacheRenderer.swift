/// Renders parsed templates into one UTF-8 byte buffer.
///
/// Sections, look-up, partials, parents and blocks behave as in the Mustache spec; where the spec
/// leaves a choice (what is true in a section, how values print, how partial lines are indented)
/// they behave as in swift-mustache 2.1.1.
struct MustacheRenderer {
    /// How deep partials, parents and blocks may nest; an inclusion deeper than this renders
    /// nothing, so a template that includes itself ends instead of overflowing the stack.
    static let maximumDepth = 64

    private let templates: [String: ParsedTemplate]
    private(set) var output: [UInt8] = []
    /// The context frames, innermost last.
    private var stack: [TemplateValue]
    /// Set while a list section renders one of its items (and not inside a partial or block, or
    /// a section that pushes a value of its own).
    private var position: ListPosition?
    /// Put before each line that partials and blocks write; an inner call's indentation extends
    /// its caller's.
    private var indentation: [UInt8] = []
    /// The nested renderings under way, innermost last: the template, each section's content
    /// (each list item's), each partial, parent and block. swift-mustache indents a line only
    /// where the same rendering has already written something, so a call's first line gets its
    /// caller's indentation, and a list item's first line gets none (but the first item's).
    private var calls: [Call] = []
    /// The block overrides of the parents being rendered, outermost first; the outermost one wins.
    private var overrides: [[String: [MustacheNode]]] = []
    private var depth = 0

    init(templates: [String: ParsedTemplate], context: TemplateValue, capacity: Int) {
        self.templates = templates
        self.stack = [context]
        output.reserveCapacity(capacity)
    }

    private struct Call {
        /// Where the call's output begins.
        var start: Int
        /// Where the output of the node being rendered begins.
        var nodeStart: Int
        /// How much of `indentation` is the call's.
        var indentation: Int
        /// An override with the spec's intrinsic indentation: its first line is indented too.
        var indentsFirstLine: Bool
    }

    /// Renders `nodes` as one call: a template, a section's content, a partial. Calls are
    /// tracked only while there is indentation: where there is none, nothing is indented, and no
    /// call outside it can be (indentation only grows inwards).
    mutating func render(_ nodes: [MustacheNode], indentsFirstLine: Bool = false) {
        guard !indentation.isEmpty else {
            for node in nodes { render(node) }
            return
        }
        calls.append(Call(start: output.count, nodeStart: output.count, indentation: indentation.count, indentsFirstLine: indentsFirstLine))
        let call = calls.count - 1
        for node in nodes {
            calls[call].nodeStart = output.count
            render(node)
        }
        calls.removeLast()
    }

    private mutating func render(_ node: MustacheNode) {
        switch node {
        case let .text(text):
            write(text)

        case let .variable(name, escaped, _):
            guard let value = resolve(name), value.rendersText else { return }
            indentAtLineStart()
            value.appendText(escaped: escaped, to: &output)

        case let .section(name, inverted, children, _):
            let value = resolve(name)
            if inverted {
                renderInverted(value, children)
            } else {
                renderSection(value, children)
            }

        case let .partial(name, dynamic, indentation, _):
            guard let template = template(name, dynamic: dynamic) else { return }
            include(template.nodes, indentation: indentation, overrides: nil)

        case let .parent(name, dynamic, indentation, blocks, _):
            guard let template = template(name, dynamic: dynamic) else { return }
            var replacements: [String: [MustacheNode]] = [:]
            for block in blocks { replacements[block.name] = block.content }
            include(template.nodes, indentation: indentation, overrides: replacements)

        case let .block(block, indentation, overrideIndentation):
            if let replacement = override(block.name) {
                include(replacement, indentation: overrideIndentation, overrides: nil, indentsFirstLine: overrideIndentation != indentation)
            } else {
                include(block.content, indentation: indentation, overrides: nil)
            }
        }
    }

    /// A section: a non-empty list renders once per item; `true` renders in the same context;
    /// anything else but `false`, an empty list and null (text, even empty; numbers, even 0;
    /// objects, even empty) renders once with the value as the innermost frame.
    private mutating func renderSection(_ value: TemplateValue?, _ children: [MustacheNode]) {
        switch value {
        case nil:
            return
        case let .bool(flag)?:
            if flag { render(children) }
        case let .list(items)?:
            let saved = position
            for (index, item) in items.enumerated() {
                position = ListPosition(index: index, isFirst: index == 0, isLast: index == items.count - 1)
                stack.append(item)
                render(children)
                stack.removeLast()
            }
            position = saved
        case let value?:
            push(value, children)
        }
    }

    /// An inverted section renders for null, `false` and an empty list (which becomes the innermost frame).
    private mutating func renderInverted(_ value: TemplateValue?, _ children: [MustacheNode]) {
        switch value {
        case nil:
            render(children)
        case let .bool(flag)?:
            if !flag { render(children) }
        case let .list(items)? where items.isEmpty:
            push(.list(items), children)
        default:
            return
        }
    }

    private mutating func push(_ value: TemplateValue, _ children: [MustacheNode]) {
        let saved = position
        position = nil
        stack.append(value)
        render(children)
        stack.removeLast()
        position = saved
    }

    private mutating func include(_ nodes: [MustacheNode], indentation more: String, overrides replacements: [String: [MustacheNode]]?,
                                  indentsFirstLine: Bool = false) {
        guard depth < Self.maximumDepth else { return }
        let savedPosition = position, savedIndentation = indentation
        position = nil
        indentation.append(contentsOf: more.utf8)
        if let replacements { overrides.append(replacements) }
        depth += 1
        render(nodes, indentsFirstLine: indentsFirstLine)
        depth -= 1
        if replacements != nil { overrides.removeLast() }
        indentation = savedIndentation
        position = savedPosition
    }

    private func template(_ name: String, dynamic: Bool) -> ParsedTemplate? {
        guard dynamic else { return templates[name] }
        guard case let .string(target)? = resolve(TemplateName(written: name, path: name, transforms: [])) else { return nil }
        return templates[target]
    }

    private func override(_ name: String) -> [MustacheNode]? {
        for replacements in overrides {
            if let content = replacements[name] { return content }
        }
        return nil
    }

    // MARK: - Look-up

    /// The value of `name`, its transforms applied; nil when it is missing or null, or when a
    /// transform does not apply.
    private func resolve(_ name: TemplateName) -> TemplateValue? {
        if name.transforms.isEmpty {
            guard let value = lookUp(name) else { return nil }
            if case .null = value { return nil }
            return value
        }
        var transforms = name.transforms[...]
        var value: TemplateValue
        if name.isListPosition {
            guard let position, let innermost = transforms.popLast(), let result = innermost.apply(to: position) else { return nil }
            value = result
        } else {
            guard let found = lookUp(name) else { return nil }
            value = found
        }
        if case .null = value { return nil }
        while let transform = transforms.popLast() {
            guard let result = transform.apply(to: value) else { return nil }
            value = result
        }
        return value
    }

    /// The first segment in the innermost frame that has it (`.name`: in the innermost frame
    /// only), the rest inside that value.
    private func lookUp(_ name: TemplateName) -> TemplateValue? {
        let segments = name.segments
        guard let first = segments.first else { return stack.last }
        var value: TemplateValue
        if name.isAnchored {
            guard case let .object(object)? = stack.last, let found = object.fields[first] else { return nil }
            value = found
        } else {
            var frame = stack.count - 1
            while true {
                guard frame >= 0 else { return nil }
                if case let .object(object) = stack[frame], let found = object.fields[first] {
                    value = found
                    break
                }
                frame -= 1
            }
        }
        var index = 1
        while index < segments.count {
            guard case let .object(object) = value, let found = object.fields[segments[index]] else { return nil }
            value = found
            index += 1
        }
        return value
    }

    // MARK: - Output

    /// Indents before a node writes (something), where swift-mustache would: when the innermost
    /// call that has already written ends its output with a line feed (a CRLF is one character
    /// to swift-mustache, and not a line feed). A call that has not written yet passes the
    /// question to its caller, but only if nothing else of the caller's node has been written:
    /// the second item of a list starts with no indentation.
    private mutating func indentAtLineStart() {
        guard !indentation.isEmpty else { return }
        var level = calls.count - 1
        while level >= 0 {
            let call = calls[level]
            if output.count > call.start {
                if call.indentation > 0, endsLine(after: call.start) {
                    output.append(contentsOf: indentation[..<call.indentation])
                }
                return
            }
            if call.indentsFirstLine {
                if call.indentation > 0, endsLine(after: 0) { output.append(contentsOf: indentation[..<call.indentation]) }
                return
            }
            // (A caller with no indentation is not tracked, and could indent nothing.)
            guard level > 0, calls[level - 1].nodeStart == output.count else { return }
            level -= 1
        }
    }

    /// Whether the output since `start` is not empty and its last character is a line feed.
    private func endsLine(after start: Int) -> Bool {
        let count = output.count
        return count > start && output[count - 1] == 0x0A && (count - 1 == start || output[count - 2] != 0x0D)
    }

    private mutating func write(_ text: String) {
        guard !indentation.isEmpty else {
            HTMLEscaping.appendUTF8(text, to: &output)
            return
        }
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                if end < bytes.count { end += 1 }
                indentAtLineStart()
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                start = end
            }
        }
    }
}
