import Foundation
import Testing
@testable import DossierCore

/// Inputs for the fuzz targets of `.ci/fuzz/` that once trapped or ran away, run through the same
/// entry points (a crash found by a fuzzer is added here), and the hostile inputs of issue 13.
@Suite struct FuzzRegressionTests {
    static let hostile = [
        "",
        "---\n",
        "---\ntitle: A\nkind: quarterly\nfinancial_year: 2006/07\nquarter: 3\nresults:\n  - {indicator: calls, actual: .nan}\n---\n",
        "---\ntitle: A\nkind: newsletter\nissue: 9223372036854775807\n---\n",
        "---\ntitle: A\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n---\n",
        "---\ntitle: A\nsummary: " + String(repeating: "[", count: 3_000) + "\n---\n",
        "---\ntitle: A\n---\n```chart\ntype: trend\ntitle: T\ndata:\n  - {label: a, value: 1e15}\n  - {label: b, value: -1e15}\n```\n",
        "---\ntitle: A\n---\n```chart\ntype: donut\ntitle: D\ndata: {a: 0, b: 0}\n```\n",
        "---\ntitle: A\n---\n[x](javascript:alert(1))\n" + String(repeating: "## Same\n", count: 2_000),
    ]

    /// 2,000 nested sections overflowed the parser's stack (a hostile input written for this suite).
    @Test func deeplyNestedSectionsAreASyntaxErrorNotAStackOverflow() {
        let deep = String(repeating: "{{#a}}", count: 2_000)
        #expect(throws: MustacheSyntaxError("sections, parents and blocks are nested more than 100 deep here",
                                            at: TemplateLocation(line: 1, column: 601))) {
            try MustacheParser.parse(deep, named: "t")
        }
        let hundred = String(repeating: "{{#a}}", count: 100) + String(repeating: "{{/a}}", count: 100)
        #expect((try? MustacheParser.parse(hundred, named: "t")) != nil)
        #expect(Fixture(["content/a.md": Fixture.page("A"), "templates/page.mustache": deep]).errors() == [
            "templates/page.mustache:1:601: error: template syntax error: sections, parents and blocks are nested more than 100 deep here",
        ])
    }

    @Test func theEntryPointsTakeHostileInput() {
        for text in Self.hostile {
            Array(text.utf8).withUnsafeBytes { FuzzTargets.splitter($0) }
            FuzzTargets.frontMatter(text)
            FuzzTargets.page(text)
        }
        for chart in ["type: timeline\ntitle: T\ndata: [{label: a, start: 2007-05, end: 2007-02}]\n",
                      "type: status\ntitle: S\ndata: [{label: a, complete: 1000000000}]\n", "type: measure\n", ""] {
            FuzzTargets.chart(chart)
        }
        FuzzTargets.table("caption: C\n" + String(repeating: ",", count: 500) + "\n")
        for template in ["{{>fuzz}}", "{{<fuzz}}{{/fuzz}}", String(repeating: "{{#a}}", count: 2_000), "{{{page.title}}}{{#page.tags}}{{.}}{{/page.tags}}"] {
            FuzzTargets.template(template)
        }
    }
}
