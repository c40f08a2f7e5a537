/// A parsed template: what the renderer runs and what Dossier's template checker walks.
///
/// (Not `MustacheTemplate`: swift-mustache, still imported elsewhere in DossierCore, has a public
/// type of that name, and ours would shadow it in those files.)
struct ParsedTemplate: Sendable {
    let name: String
    let nodes: [MustacheNode]
}

/// Where a tag begins: the line (from 1) and the column (from 1, in characters) of its opening delimiter.
struct TemplateLocation: Sendable, Hashable, CustomStringConvertible {
    let line: Int
    let column: Int

    var description: String { "\(line):\(column)" }
}

/// One piece of a parsed template. Standalone tags have already lost their line's whitespace and
/// line break, as the Mustache spec (and swift-mustache) have it.
indirect enum MustacheNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (not).
    case variable(TemplateName, escaped: Bool, at: TemplateLocation)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, inverted: Bool, children: [MustacheNode], at: TemplateLocation)
    /// `{{>name}}`; `indentation` is put before each of the partial's lines. `dynamic` is
    /// `{{>*name}}`: the partial's name is the value of `name`.
    case partial(name: String, dynamic: Bool, indentation: String, at: TemplateLocation)
    /// `{{<name}}{{$block}}…{{/block}}{{/name}}`: renders the template `name` with these blocks replaced.
    case parent(name: String, dynamic: Bool, indentation: String, overrides: [MustacheBlock], at: TemplateLocation)
    /// `{{$name}}default{{/name}}` outside a parent: the content a parent's override replaces.
    /// `indentation` is put before the lines of the default content, `overrideIndentation` before
    /// those of an override. They differ only for a standalone block tag that is not indented
    /// itself: its overrides take the indentation of its default content's first line (the
    /// spec's "intrinsic indentation"; swift-mustache does not indent them).
    case block(MustacheBlock, indentation: String, overrideIndentation: String)
}

/// A block: `{{$name}}content{{/name}}`, either the default content (`MustacheNode.block`) or an
/// override given to a parent.
struct MustacheBlock: Sendable {
    let name: String
    let content: [MustacheNode]
    let at: TemplateLocation
}

/// A template that cannot be parsed, located where the problem begins (an unclosed section at its
/// opening tag, an unfinished tag at its opening delimiter).
struct MustacheSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    let message: String
    let line: Int
    let column: Int

    init(_ message: String, at location: TemplateLocation) {
        self.message = message
        self.line = location.line
        self.column = location.column
    }

    init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    var description: String { "\(line):\(column): \(message)" }
}
