import Testing
@testable import DossierCore

/// Partials and parents that include themselves: found when the templates load, and cut off
/// (not a stack overflow) if rendered anyway.
@Suite struct MustacheCycleTests {
    func library(_ templates: [String: String]) throws -> TemplateLibrary {
        var library = TemplateLibrary()
        for (name, text) in templates { try library.add(text, named: name) }
        return library
    }

    @Test func aTemplateThatIncludesItself() throws {
        let library = try library(["a": "x{{>a}}", "b": "{{>a}}"])
        #expect(library.inclusionCycles() == [InclusionCycle(names: ["a", "a"], closingTag: TemplateLocation(line: 1, column: 2))])
        #expect(library.renderText("a", context: [:]) == String(repeating: "x", count: MustacheRenderer.maximumDepth + 1))
    }

    @Test func twoPartialsThatIncludeEachOther() throws {
        let library = try library(["a": "{{>b}}", "b": "b\n  {{#x}}{{>a}}{{/x}}", "c": "{{>a}}"])
        let cycles = library.inclusionCycles()
        #expect(cycles == [InclusionCycle(names: ["a", "b", "a"], closingTag: TemplateLocation(line: 2, column: 9))])
        #expect(cycles.first?.closingTemplate == "b")
        #expect(cycles.first?.description == "a → b → a")
        #expect(library.renderText("a", context: ["x": true]).count > 10)
    }

    @Test func aLayoutThatIsItsOwnParent() throws {
        let library = try library(["layout": "<{{<layout}}{{$main}}m{{/main}}{{/layout}}{{$main}}{{/main}}>", "page": "{{<layout}}{{/layout}}"])
        #expect(library.inclusionCycles() == [InclusionCycle(names: ["layout", "layout"], closingTag: TemplateLocation(line: 1, column: 2))])
        #expect(library.renderText("page", context: [:]).hasPrefix("<<<"))
    }

    @Test func cyclesThroughOverridesAndLongerOnesAreEachFoundOnce() throws {
        let library = try library([
            "page": "{{<layout}}{{$main}}{{>page}}{{/main}}{{/layout}}", "layout": "{{$main}}{{/main}}",
            "a": "{{>b}}{{>b}}", "b": "{{>c}}", "c": "{{^x}}{{>a}}{{/x}}{{>b}}", "d": "{{>a}}",
        ])
        #expect(library.inclusionCycles() == [
            InclusionCycle(names: ["a", "b", "c", "a"], closingTag: TemplateLocation(line: 1, column: 7)),
            InclusionCycle(names: ["b", "c", "b"], closingTag: TemplateLocation(line: 1, column: 19)),
            InclusionCycle(names: ["page", "page"], closingTag: TemplateLocation(line: 1, column: 21)),
        ])
    }

    @Test func aBlockThatOverridesWithItselfEnds() throws {
        let library = try library(["p": "{{$a}}{{/a}}", "main": "{{<p}}{{$a}}[{{$a}}{{/a}}]{{/a}}{{/p}}"])
        #expect(library.inclusionCycles() == [])
        let text = library.renderText("main", context: [:])
        #expect(text.hasPrefix("[[") && text.hasSuffix("]]"))
    }
}
