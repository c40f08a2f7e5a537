import Testing
@testable import DossierCore

/// Every error names the file, the line in the Markdown file (front matter included) and the column.
@Suite struct FrontMatterErrorTests {
    func errors(_ page: String) -> [String] {
        Fixture(["content/q3.md": page]).errors()
    }

    @Test func yamlSyntaxErrorHasTheFileLine() {
        let errors = errors("---\ntitle: Q3\nsummary: [unclosed\n---\nBody\n")
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("content/q3.md:4:1: error: YAML syntax error in front matter:") == true)
    }

    @Test func unknownKeyListsTheExpectedKeysAndSuggests() {
        #expect(errors("---\ntitle: Q3\ntittle: again\n---\n") == [
            "content/q3.md:3:1: error: unknown key 'tittle' in front matter\n  hint: did you mean 'title'? expected one of: title, date, summary, tags, draft, slug, weight, kind, superseded_by, source",
        ])
    }

    @Test func everyUnknownKeyIsReported() {
        let errors = errors("---\ntitle: Q3\nauthor: Me\nstatus: red\n---\n")
        #expect(errors.count == 2)
        #expect(errors.map { $0.prefix(16) } == ["content/q3.md:3:", "content/q3.md:4:"])
    }

    @Test func wrongTypePointsAtTheValue() {
        #expect(errors("---\ntitle: Q3\nweight: heavy\n---\n") == [
            "content/q3.md:3:9: error: 'weight' must be a whole number, found 'heavy'\n  hint: write digits only, for example 3",
        ])
        #expect(errors("---\ntitle: Q3\ntags: performance\n---\n") == [
            "content/q3.md:3:7: error: 'tags' must be a list, found 'performance'",
        ])
    }

    @Test func aDateThatIsNotADate() {
        #expect(errors("---\ntitle: Q3\ndate: 2006-13-01\n---\n") == [
            "content/q3.md:3:7: error: 'date': '2006-13-01' is not a date\n  hint: write dates as YYYY-MM-DD, for example 2007-01-29 (`date` takes a day; `due`, `start` and `end` also take a month, YYYY-MM)",
        ])
    }

    /// A page's date is a day; the hint says which keys take a month, as the seed highlight report is dated "MAY 04".
    @Test func aMonthWhereADayIsNeededSaysWhichKeysTakeAMonth() {
        #expect(errors("---\ntitle: Highlight\ndate: 2004-05\n---\n") == [
            "content/q3.md:3:7: error: 'date': '2004-05' is not a date\n  hint: write dates as YYYY-MM-DD, for example 2007-01-29 (`date` takes a day; `due`, `start` and `end` also take a month, YYYY-MM)",
        ])
    }

    @Test func missingTitle() {
        #expect(errors("---\nsummary: No title\n---\n") == [
            "content/q3.md:2:1: error: missing required key 'title' in front matter\n  hint: add `title: …`",
        ])
    }

    @Test func blankTitle() {
        #expect(errors("---\ntitle: \"  \"\n---\n") == ["content/q3.md:2:8: error: title must not be empty"])
    }

    @Test func noFrontMatter() {
        #expect(errors("# Q3\n") == [
            "content/q3.md:1:1: error: no front matter: every page needs at least a title\n  hint: start the file with three lines: '---', 'title: …', '---'",
        ])
    }

    @Test func unclosedFrontMatter() {
        #expect(errors("---\ntitle: Q3\n") == [
            "content/q3.md:1:1: error: front matter starts with '---' but has no closing '---'\n  hint: end the front matter with a line of three dashes",
        ])
    }

    @Test func duplicateKey() {
        let errors = errors("---\ntitle: Q3\ntitle: Q4\n---\n")
        #expect(errors.count == 1)
        #expect(errors.first?.contains("duplicate key 'title'") == true)
    }

    @Test func errorsFromSeveralFilesAreAllReported() {
        let site = Fixture([
            "content/a.md": "---\ntitle: A\nweight: x\n---\n",
            "content/b.md": "---\ntitel: B\n---\n",
            "content/c.md": Fixture.page("C", "[broken](nowhere.md)\n"),
        ])
        let errors = site.errors()
        #expect(errors.count == 4)
        #expect(errors.map { String($0.prefix(while: { $0 != " " })) } == [
            "content/a.md:3:9:", "content/b.md:2:1:", "content/b.md:2:1:", "content/c.md:4:1:",
        ])
    }

    @Test func siteConfigurationErrors() {
        let site = Fixture([
            "content/site.yaml": "title: Intranet\nbase_url: intranet\nnavigation:\n  - title: Reports\n    link: reprots/\n    colour: red\n",
            "content/reports/a.md": Fixture.page("A"),
        ])
        #expect(site.errors() == [
            "content/site.yaml:6:5: error: unknown key 'navigation[1].colour' in site configuration\n  hint: expected one of: title, link",
        ])
        let fixed = Fixture([
            "content/site.yaml": "title: Intranet\nbase_url: intranet\nnavigation:\n  - title: Reports\n    link: reprots/\n",
            "content/reports/a.md": Fixture.page("A"),
        ])
        #expect(fixed.errors() == [
            "content/site.yaml:2:11: error: base_url 'intranet' is not an absolute URL or a path\n  hint: write it like https://intranet.example.gov.uk/ict/ or /ict/",
            "content/site.yaml:5:11: error: navigation link 'reprots/' is neither a section folder nor a page\n  hint: did you mean 'reports/'?",
        ])
    }
}
