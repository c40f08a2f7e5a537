import Testing
@testable import DossierCore

/// Parse errors are values, located where the problem begins.
@Suite struct MustacheSyntaxErrorTests {
    func error(_ text: String) -> MustacheSyntaxError? {
        do {
            _ = try MustacheParser.parse(text, named: "t")
            return nil
        } catch {
            return error
        }
    }

    func expect(_ text: String, _ message: String, _ line: Int, _ column: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(error(text) == MustacheSyntaxError(message: message, line: line, column: column), sourceLocation: sourceLocation)
    }

    @Test func anUnclosedSectionIsReportedAtItsOpeningTag() {
        expect("a\n  {{#page.date}}\nx\n", "section 'page.date' is opened here but never closed", 2, 3)
        expect("{{^x}}", "inverted section 'x' is opened here but never closed", 1, 1)
        expect("{{#a}}{{#b}}{{/b}}\n", "section 'a' is opened here but never closed", 1, 1)
        expect("{{<layout}}{{$main}}x{{/main}}", "parent 'layout' is opened here but never closed", 1, 1)
        expect("{{$main}}x", "block 'main' is opened here but never closed", 1, 1)
        expect("{{=<% %>=}}\n<%#a%>", "section 'a' is opened here but never closed", 2, 1)
    }

    @Test func aClosingTagThatDoesNotMatchIsReportedWhereItIs() {
        expect("<h1>{{page.title}}</h1>\n<p>\n{{#page.tags}}\n{{name}}\n{{/page.tagz}}\n",
               "the closing tag 'page.tagz' does not match the open section 'page.tags'", 5, 1)
        expect("{{#a}}\n{{#b}}\n{{/a}}", "the closing tag 'a' does not match the open section 'b'", 3, 1)
        expect("{{<layout}}{{$main}}x{{/layout}}", "the closing tag 'layout' does not match the open block 'main'", 1, 22)
        expect("x {{/x}}", "the closing tag 'x' has no open section to close", 1, 3)
        expect("{{#reversed(list)}}{{/list}}", "the closing tag 'list' does not match the open section 'reversed(list)'", 1, 20)
    }

    @Test func anUnfinishedTagIsReportedAtItsOpeningDelimiter() {
        expect("abc {{name", "a tag is not finished (missing '}}')", 1, 5)
        expect("{{a}} {{b\n{{c}}", "a tag is not finished (missing '}}')", 1, 7)
        expect("abc{{", "a tag is not finished (missing '}}')", 1, 4)
        expect("{{{name}}", "a triple mustache tag is not finished (missing '}}}')", 1, 1)
        expect("{{! a note", "a comment is not finished (missing '}}')", 1, 1)
        expect("{{=<% %>=}}\n\n  <%name", "a tag is not finished (missing '%>')", 3, 3)
        expect("é ü {{#a}", "a tag is not finished (missing '}}')", 1, 5)
    }

    @Test func otherProblems() {
        expect("{{a b}}", "the tag '{{a b}}' is not valid: names may use only letters, digits and . _ - ? * ( ) (and / in partials)", 1, 1)
        expect("x\n{{f(x}}", "'f(x' is not a valid name: a transform is written like empty(page.tags)", 2, 1)
        expect("{{f(x))}}", "'f(x))' is not a valid name: a transform is written like empty(page.tags)", 1, 1)
        expect("{{=<% =}}", "invalid delimiter change: write it like {{=<% %>=}}, with two delimiters separated by a space", 1, 1)
        expect("{{<layout}}{{name}}{{/layout}}", "only block overrides ({{$name}}…{{/name}}) may appear inside the parent 'layout'", 1, 12)
        expect("{{$f(x)}}{{/f(x)}}", "a transform cannot be applied to the block 'f(x)'", 1, 1)
        expect("{{%CONTENT_TYPE:TEXT}}", "pragmas ({{%…}}) are not supported", 1, 1)
    }

    @Test func theLibraryThrowsTheSameError() {
        var library = TemplateLibrary()
        #expect(throws: MustacheSyntaxError(message: "section 'x' is opened here but never closed", line: 1, column: 1)) {
            try library.add("{{#x}}", named: "t")
        }
        #expect(library.names == [])
    }
}
