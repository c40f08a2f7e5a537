import Foundation
import Testing
@testable import DossierCore

@Suite struct TemplateTests {
    let content = ["content/a.md": Fixture.page("A")]

    func errors(_ templates: [String: String]) -> [String] {
        Fixture(content.merging(templates) { a, _ in a }).errors()
    }

    @Test func syntaxErrorNamesTheTemplateFileAndLine() {
        let errors = errors(["templates/page.mustache": "<h1>{{page.title}}</h1>\n<p>\n{{#page.tags}}\n{{name}}\n{{/page.tagz}}\n"])
        #expect(errors == ["templates/page.mustache:5:1: error: template syntax error: the closing tag 'page.tagz' does not match the open section 'page.tags'"])
    }

    @Test func unknownVariableIsAnErrorWithASuggestion() {
        #expect(errors(["templates/page.mustache": "<h1>{{page.titel}}</h1>\n  {{#page.tags}}{{nmae}}{{/page.tags}}\n"]) == [
            "templates/page.mustache:1:5: error: unknown variable 'page.titel'\n  hint: did you mean 'page.title'? names here: page.absoluteURL, page.content, page.cssTitle, page.date, page.feedURL, page.hasTags, page.headings, page.isHome, page.isSection, page.isTag, page.isTagIndex, page.kind, page.kindTitle, page.next, page.pdf, page.previous, page.search, page.sections, page.source, page.summary, page.supersededBy, page.tags, page.title, page.url",
            "templates/page.mustache:2:17: error: unknown variable 'nmae'\n  hint: did you mean 'name'? names here: breadcrumbs, hasBreadcrumbs, hasPages, hasSections, hasTags, name, page, pages, pagination, sections, site, tags, url",
        ])
    }

    @Test func variablesOfOuterScopesAreFoundInsideSections() {
        #expect(errors(["templates/page.mustache": "{{#pages}}{{title}} {{site.title}} {{#tags}}{{name}} {{page.title}}{{/tags}}{{/pages}}"]).isEmpty)
    }

    @Test func errorsInAPartialNameThePartial() {
        let errors = errors(["templates/partials/footer.mustache": "<footer>\n{{site.buildDay}}\n</footer>\n"])
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("templates/partials/footer.mustache:2:1: error: unknown variable 'site.buildDay'\n  hint: did you mean 'site.buildDate'?") == true)
    }

    @Test func missingPartialIsAnError() {
        #expect(errors(["templates/page.mustache": "{{<layout}}{{$main}}\n  {{>partials/sidebar}}{{/main}}{{/layout}}"]) == [
            "templates/page.mustache:2:3: error: no template named 'partials/sidebar'\n  hint: did you mean 'partials/header'?",
        ])
    }

    @Test func missingParentTemplateIsAnError() {
        #expect(errors(["templates/tag.mustache": "{{<base}}{{$main}}x{{/main}}{{/base}}"]).first?
            .hasPrefix("templates/tag.mustache:1:1: error: no template named 'base'") == true)
    }

    @Test func listItemsAreRenderedOnceWithTheirOwnData() throws {
        let site = try Fixture([
            "content/reports/a.md": Fixture.page("A", extra: "date: 2006-01-01\ntags: [x]\n"),
            "templates/list-item.mustache": "<li data-date=\"{{item.date.iso}}\">{{item.title}} in {{item.section.title}}</li>",
        ]).build()
        let entry = #"<li data-date="2006-01-01">A in Reports</li>"#
        #expect(Tree.text(site, "reports/index.html").contains(entry))
        #expect(Tree.text(site, "tags/x/index.html").contains(entry))
        #expect(Tree.text(site, "index.html").contains(entry))
    }

    @Test func listItemIsCheckedAgainstItsOwnData() {
        #expect(errors(["templates/list-item.mustache": "<li>{{page.title}}</li>"]).first?
            .hasPrefix("templates/list-item.mustache:1:5: error: unknown variable 'page.title'\n  hint: names here: item, site") == true)
    }

    @Test func aSiteTemplateOverridesTheDefault() throws {
        let site = try Fixture(content.merging(["templates/page.mustache": "<p>{{page.title}} by {{site.title}}</p>\n"]) { a, _ in a }).build()
        #expect(Tree.text(site, "a/index.html") == "<p>A by Dossier site</p>\n")
        #expect(Tree.text(site, "index.html").contains("<!DOCTYPE html>"), "other templates keep their defaults")
    }

    @Test func siteAssetsOverrideTheDefaultStylesheet() throws {
        let site = try Fixture(content.merging(["templates/assets/dossier.css": "body { color: black; }\n"]) { a, _ in a }).build()
        #expect(Tree.text(site, "assets/dossier.css") == "body { color: black; }\n")
    }
}
