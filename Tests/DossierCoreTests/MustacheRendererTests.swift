import Testing
@testable import DossierCore

/// What our engine does of its own: the tree it exposes, and where it parts from swift-mustache.
@Suite struct MustacheRendererTests {
    func render(_ text: String, _ context: TemplateValue, partials: [String: String] = [:]) throws -> String {
        var library = TemplateLibrary()
        try library.add(text, named: "main")
        for (name, partial) in partials { try library.add(partial, named: name) }
        return library.renderText("main", context: context)
    }

    @Test func namesAreSplitWhenParsed() throws {
        let template = try MustacheParser.parse("{{page.date.iso}}\n  {{^empty(page.headings)}}{{.}}{{.title}}{{index()}}{{/empty(page.headings)}}", named: "t")
        #expect(template.name == "t")
        guard case let .variable(name, escaped, at) = template.nodes[0],
              case let .section(section, inverted, children, sectionAt) = template.nodes[2] else {
            Issue.record("unexpected nodes \(template.nodes)")
            return
        }
        #expect(name.segments == ["page", "date", "iso"] && escaped && at == TemplateLocation(line: 1, column: 1))
        #expect(section.path == "page.headings" && section.transforms == [.empty] && section.written == "empty(page.headings)")
        #expect(inverted && sectionAt == TemplateLocation(line: 2, column: 3))
        let names = children.compactMap { if case let .variable(name, _, _) = $0 { name } else { nil } }
        #expect(names.map(\.isImplicitIterator) == [true, false, false])
        #expect(names[1].isAnchored && names[1].segments == ["title"])
        #expect(names[2].isListPosition && names[2].transforms == [.index])
        #expect(MustacheParser.splitTransforms("uppercased(reversed(name))")?.transforms == [.uppercased, .reversed])
        #expect(MustacheParser.splitTransforms("nope(x)")?.transforms == [.unknown("nope")])
    }

    @Test func standaloneTagsLoseTheirLine() throws {
        let template = try MustacheParser.parse("{{<layout}}\n{{$main}}\n  <p>{{x}}</p>\n{{/main}}\n{{/layout}}\n", named: "page")
        guard case let .parent(name, dynamic, _, overrides, at) = template.nodes.first else {
            Issue.record("no parent in \(template.nodes)")
            return
        }
        #expect(name == "layout" && !dynamic && at == TemplateLocation(line: 1, column: 1) && template.nodes.count == 1)
        #expect(overrides.map(\.name) == ["main"])
        if case let .text(text)? = overrides.first?.content.first { #expect(text == "<p>") }
    }

    @Test func bytesAndTextAreTheSame() throws {
        var library = TemplateLibrary()
        try library.add("é {{x}}", named: "t")
        #expect(library.render("t", context: ["x": "<ü>"]) == Array("é &lt;ü&gt;".utf8))
        #expect(library.render("missing", context: [:]) == [])
        #expect(library.template(named: "t")?.nodes.count == 2)
    }

    @Test func valuesAreEasyToBuild() {
        let value: TemplateValue = ["title": "T", "count": 2, "ratio": 0.5, "draft": false, "tags": ["a", "b"], "summary": nil]
        #expect(value["title"] == .string("T") && value["count"] == .int(2) && value["summary"] == .null && value["none"] == nil)
        #expect(value == ["title": "T", "count": 2, "ratio": 0.5, "draft": false, "tags": ["a", "b"], "summary": nil])
        #expect(TemplateValue.optional(nil as String?) == .null && TemplateValue.optional("x") == "x")
    }

    /// swift-mustache prints Swift's debug description of a list or an object (`[DossierCore.TemplateObject]`).
    @Test func listsAndObjectsPrintNothing() throws {
        #expect(try render("[{{list}}][{{object}}][{{.}}]", ["list": [1], "object": ["a": 1]]) == "[][][]")
    }

    /// swift-mustache cannot parse a triple mustache with other delimiters; the spec allows it.
    @Test func tripleMustacheWithOtherDelimiters() throws {
        #expect(try render("{{=<% %>=}}<%{x}%> <%&x%>", ["x": "<"]) == "< <")
    }

    /// The spec's "intrinsic indentation", which swift-mustache does not do: a standalone block tag
    /// with no indentation of its own indents its overrides as its default content is indented.
    @Test func overridesOfAnUnindentedStandaloneBlockTakeItsContentsIndentation() throws {
        let partials = ["parent": "<ul>\n{{$items}}\n  <li>default</li>\n{{/items}}\n</ul>\n"]
        #expect(try render("{{<parent}}{{/parent}}", [:], partials: partials) == "<ul>\n  <li>default</li>\n</ul>\n")
        #expect(try render("{{<parent}}{{$items}}\n<li>a</li>\n<li>b</li>\n{{/items}}{{/parent}}", [:], partials: partials)
            == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
    }

    @Test func dynamicPartials() throws {
        #expect(try render("{{>*which}}|{{<*which}}{{$b}}B{{/b}}{{/*which}}|{{>*none}}", ["which": "p", "none": 3],
                           partials: ["p": "p{{$b}}-{{/b}}"]) == "p-|pB|")
    }
}
