import Foundation
import Testing
@testable import DossierCore

/// ```table and ```chart blocks in Markdown.
@Suite struct MarkdownBlockTests {
    func page(_ body: String) -> String { "---\ntitle: Blocks\n---\n" + body }

    @Test func tableBlockBecomesAnAccessibleTable() throws {
        let body = """
            Intro.

            ```table
            caption: Faults fixed, Q3 2006/07
            Indicator,Faults,Fixed in time
            Single item fault,"1,684",92%
            "Minor fault, PC",10126,95%
            ```

            """
        let site = try Fixture(["content/a.md": page(body)]).build()
        let html = Tree.text(site, "a/index.html")
        #expect(html.contains("""
            <table>
            <caption>Faults fixed, Q3 2006/07</caption>
            <thead>
            <tr><th scope="col">Indicator</th><th scope="col" class="num">Faults</th><th scope="col" class="num">Fixed in time</th></tr>
            </thead>
            <tbody>
            <tr><th scope="row">Single item fault</th><td class="num">1,684</td><td class="num">92%</td></tr>
            <tr><th scope="row">Minor fault, PC</th><td class="num">10126</td><td class="num">95%</td></tr>
            </tbody>
            </table>
            """))
        #expect(!html.contains("<code class=\"language-table\">"))
    }

    @Test func tableBlockTextIsEscaped() throws {
        let site = try Fixture(["content/a.md": page("```table\nName,Value\n<script>x</script>,1\n```\n")]).build()
        let html = Tree.text(site, "a/index.html")
        #expect(html.contains("<th scope=\"row\">&lt;script&gt;x&lt;/script&gt;</th>"))
        #expect(!html.contains("<script>"))
    }

    @Test func tableErrorsPointAtTheRow() {
        let errors = Fixture(["content/a.md": page("Text.\n\n```table\nA,B\n1,2\n3,4,5\n```\n")]).errors()
        #expect(errors == ["content/a.md:9:1: error: table block: this row has 3 cells but the header has 2\n  hint: quote cells that contain commas: \"1,684\""])
        let unclosed = Fixture(["content/a.md": page("```table\nA,B\n\"open,2\n```\n")]).errors()
        #expect(unclosed == ["content/a.md:6:1: error: table block: a quoted cell is never closed\n  hint: end it with \""])
    }

    @Test func otherCodeBlocksAreLeftAlone() throws {
        let site = try Fixture(["content/a.md": page("```yaml\ntype: donut\n```\n")]).build()
        #expect(Tree.text(site, "a/index.html").contains("<pre><code class=\"language-yaml\">type: donut\n</code></pre>"))
    }

    // MARK: Chart specs

    func request(_ yaml: String) -> Result<ChartRequest, DiagnosticList> {
        ChartBlock.request(yaml, file: "content/a.md", fenceLine: 10, defaultTolerance: 2)
    }

    @Test func donutFromAMappingKeepsItsOrder() throws {
        let request = try request("type: donut\ntitle: Milestones\ndata: {completed: 219, outstanding: 79}\n").get()
        #expect(request == .donut(DonutData(title: "Milestones", parts: [.init(label: "Completed", value: 219), .init(label: "Outstanding", value: 79)])))
    }

    @Test func targetRowsGetComputedStatuses() throws {
        let yaml = "type: target\ntitle: Faults\ndata:\n  - {label: Single item, actual: 92, target: 90}\n  - {label: Calls fixed, actual: 59, target: 60}\n  - {label: Missing, target: 60}\n"
        guard case let .target(data) = try request(yaml).get() else { Issue.record("not a target chart"); return }
        #expect(data.unit == .percent)
        #expect(data.rows.map(\.status?.key) == ["exceeded", "near", nil])
    }

    @Test func timelineTakesMonths() throws {
        let yaml = "type: timeline\ntitle: Review\noptions: {now: 2004-05-17}\ndata:\n  - {label: Stage 1, start: 2004-01, end: 2004-06, status: in-hand}\n"
        guard case let .timeline(data) = try request(yaml).get() else { Issue.record("not a timeline"); return }
        #expect(data.stages.first?.start.iso == "2004-01-01" && data.stages.first?.end.iso == "2004-06-30")
        #expect(data.now?.iso == "2004-05-17" && data.stages.first?.status?.words == "In hand")
    }

    @Test func specErrorsNameTheKeyAtItsLineInTheFile() {
        #expect(errors(request("type: donat\ntitle: X\ndata: {a: 1}\n")) == [
            "content/a.md:11:7: error: 'type': 'donat' is not a chart type\n  hint: did you mean 'donut'? chart types: donut, target, timeline, trend, status, measure",
        ])
        #expect(errors(request("type: target\ntitle: X\ndata:\n  - {label: A, actual: 92, traget: 90}\n")) == [
            "content/a.md:14:28: error: unknown key 'data[1].traget' in chart block\n  hint: did you mean 'target'? expected one of: label, actual, target, direction",
            "content/a.md:14:5: error: missing required key 'data[1].target' in chart block\n  hint: add `target: …`",
        ])
        #expect(errors(request("type: trend\ntitle: X\ndata:\n  - {label: Q1, value: high}\n")) == [
            "content/a.md:14:24: error: 'data[1].value' must be a number, found 'high'",
        ])
        #expect(errors(request("title: X\ndata: []\n")) == [
            "content/a.md:11:1: error: the chart block has no `type`\n  hint: add `type:` with one of: donut, target, timeline, trend, status, measure",
        ])
    }

    @Test func chartErrorsInAPageAreReportedAtTheirFileLine() {
        let errors = Fixture(["content/a.md": page("Text.\n\n```chart\ntype: status\ntitle: Actions\ndata:\n  - {label: People, complete: lots}\n```\n")]).errors()
        #expect(errors == ["content/a.md:10:31: error: 'data[1].complete' must be a whole number, found 'lots'\n  hint: write digits only, for example 3"])
    }

    private func errors(_ result: Result<ChartRequest, DiagnosticList>) -> [String] {
        if case let .failure(list) = result { return list.items.map(\.description) }
        return []
    }
}
