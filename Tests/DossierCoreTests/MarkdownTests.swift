import Foundation
import Testing
@testable import DossierCore

@Suite struct MarkdownTests {
    func built(_ files: [String: String]) throws -> URL { try Fixture(files).build() }

    @Test func headingsGetStableUniqueAnchors() throws {
        let site = try built(["content/a.md": Fixture.page("A", "## Key *issues*\n\n## Key issues\n\n### 5.1 Risk & money\n\n## Main content\n")])
        let html = Tree.text(site, "a/index.html")
        #expect(html.contains(#"<h2 id="key-issues">Key <em>issues</em></h2>"#))
        #expect(html.contains(#"<h2 id="key-issues-1">Key issues</h2>"#))
        #expect(html.contains(#"<h3 id="5-1-risk-money">5.1 Risk &amp; money</h3>"#))
        // "main-content" is the skip link's target in the layout.
        #expect(html.contains(#"<h2 id="main-content-1">Main content</h2>"#))
    }

    @Test func relativeLinksAreRewrittenToPageURLs() throws {
        let site = try built([
            "content/site.yaml": "base_url: https://intranet.example/ict/\n",
            "content/reports/q3.md": Fixture.page("Q3", "See [the plan](../plans/ict%20plan.md#objective-1), [reports](./), [home](../_index.md), [data](figures.csv) and [the web](https://example.org/x.md).\n"),
            "content/reports/figures.csv": "a,b\n1,2\n",
            "content/plans/ict plan.md": Fixture.page("Plan", extra: "slug: ict-2002\n"),
            "content/_index.md": Fixture.page("Home"),
        ])
        let html = Tree.text(site, "reports/q3/index.html")
        #expect(html.contains(#"<a href="/ict/plans/ict-2002/#objective-1">the plan</a>"#))
        #expect(html.contains(#"<a href="/ict/reports/">reports</a>"#))
        #expect(html.contains(#"<a href="/ict/">home</a>"#))
        #expect(html.contains(#"<a href="/ict/reports/figures.csv">data</a>"#))
        #expect(html.contains(#"<a href="https://example.org/x.md">the web</a>"#))
    }

    @Test func brokenLinksAreErrorsAtTheirLineInTheFile() {
        let site = Fixture([
            "content/reports/q3.md": "---\ntitle: Q3\ndate: 2007-01-29\n---\nIntro.\n\nSee [the plan](../plans/ict-plam.md) and ![chart](missing.png).\n",
            "content/plans/ict-plan.md": Fixture.page("Plan"),
        ])
        #expect(site.errors() == [
            "content/reports/q3.md:7:5: error: link to '../plans/ict-plam.md', but content/plans/ict-plam.md does not exist\n  hint: did you mean '../plans/ict-plan.md'?",
            "content/reports/q3.md:7:42: error: link to 'missing.png', but content/reports/missing.png does not exist",
        ])
    }

    @Test func linksMayNotClimbOutOfContent() {
        let site = Fixture(["content/a.md": Fixture.page("A", "[secret](../../etc/passwd)\n")])
        #expect(site.errors() == ["content/a.md:4:1: error: link '../../etc/passwd' points outside the content folder"])
    }

    @Test func linksToDraftsAreErrorsUnlessDraftsAreBuilt() {
        let site = Fixture([
            "content/a.md": Fixture.page("A", "[next](b.md)\n"),
            "content/b.md": Fixture.page("B", extra: "draft: true\n"),
        ])
        #expect(site.errors() == [
            "content/a.md:4:1: error: link to 'b.md', a draft page that is not published in this build\n  hint: remove `draft: true` from it, or build with --drafts",
        ])
        #expect(site.errors(drafts: true).isEmpty)
    }

    @Test func rawHTMLIsOmittedByDefaultAndScriptTextEscaped() throws {
        let body = "Hello <script>alert(1)</script> and `<script>` here.\n\n<div onclick=\"x()\">block</div>\n"
        let site = try built([
            "content/a.md": Fixture.page("<script>alert('title')</script>", body, extra: "summary: \"<b>bold</b> & co\"\n"),
        ])
        let html = Tree.text(site, "a/index.html")
        #expect(!html.contains("<script"))
        #expect(!html.contains("onclick"))
        #expect(html.contains("<code>&lt;script&gt;</code>"))
        #expect(html.contains("<h1>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;</h1>"))
        #expect(html.contains("&lt;b&gt;bold&lt;/b&gt; &amp; co"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
    }

    @Test func rawHTMLWhenTheSiteAllowsIt() throws {
        let site = try built([
            "content/site.yaml": "allow_raw_html: true\n",
            "content/a.md": Fixture.page("A", "<div class=\"note\">Kept</div>\n"),
        ])
        #expect(Tree.text(site, "a/index.html").contains("<div class=\"note\">Kept</div>"))
    }

    @Test func smartPunctuation() throws {
        let site = try built(["content/a.md": Fixture.page("A", "\"Quoted\" -- it's done...\n")])
        #expect(Tree.text(site, "a/index.html").contains("<p>“Quoted” – it’s done…</p>"))
    }
}

@Suite struct HeadingIDScaleTests {
    /// Many equal headings each get the next free suffix; an id already taken by a heading's own
    /// text is skipped, as GitHub does.
    @Test func manyEqualHeadingsGetConsecutiveSuffixes() throws {
        let body = "## Same 1\n\n" + String(repeating: "## Same\n\n", count: 20_000)
        let site = try Fixture(["content/a.md": Fixture.page("A", body)]).build()
        let html = Tree.text(site, "a/index.html")
        #expect(html.contains("id=\"same-1\">Same 1") && html.contains("id=\"same\">Same") && html.contains("id=\"same-2\">Same"))
        #expect(html.contains("id=\"same-20000\">Same") && !html.contains("id=\"same-20001\""))
    }
}
