import Testing
import Yams
@testable import DossierCore

/// A file with several bad values reports every one in one `check`, each where it is written, in
/// the order they are written, with no error repeated and none following from another.
@Suite struct AllDecodeErrorsTests {
    func errors(_ files: [String: String]) -> [String] {
        Fixture(files.merging(["content/_index.md": Fixture.page("Home")]) { a, _ in a }).errors()
    }

    func page(_ frontMatter: String) -> [String: String] {
        ["content/q3.md": "---\ntitle: Q3\nkind: quarterly\n\(frontMatter)---\nBody\n"]
    }

    @Test func everyBadValueUnderOptionalKeysAndInListsIsReported() {
        let found = errors(page("""
            financial_year: 2006/07
            quarter: 3
            illustrative: maybe
            results:
              - indicator: help-desk-fixed
                actual: lots
              - indicator: x
                actual: 5
                target: [1]
              - 7
              - indicator: fine
                actual: 90
            headlines: [fine, [nested]]
            scorecard:
              milestones: {total: x, completed: 2}

            """))
        #expect(found == [
            "content/q3.md:6:15: error: 'illustrative' must be true or false, found 'maybe'\n  hint: write true or false",
            "content/q3.md:9:13: error: 'results[1].actual' must be a number, found 'lots'",
            "content/q3.md:12:13: error: 'results[2].target' must be a single value, found a list",
            "content/q3.md:13:5: error: 'results[3]' must be a mapping of keys to values, found '7'",
            "content/q3.md:16:19: error: 'headlines[2]' must be a single value, found a list",
            "content/q3.md:18:23: error: 'scorecard.milestones.total' must be a whole number, found 'x'\n  hint: write digits only, for example 3",
        ])
    }

    /// The issue's example: a bad `quarter` once hid the results' errors until it was fixed.
    @Test func aBadRequiredKeyDoesNotHideTheOptionalKeysAfterIt() {
        let found = errors(page("""
            financial_year: 2006/07
            quarter: 2006-Q3
            results: [{indicator: help-desk-fixed, actual: lots}, {indicator: x, actual: 5, target: [1]}]

            """))
        #expect(found == [
            "content/q3.md:5:10: error: 'quarter' must be a whole number, found '2006-Q3'\n  hint: write digits only, for example 3",
            "content/q3.md:6:48: error: 'results[1].actual' must be a number, found 'lots'",
            "content/q3.md:6:89: error: 'results[2].target' must be a single value, found a list",
        ])
    }

    /// A bad value is not also missing; two missing keys are both reported.
    @Test func missingKeysAndBadValuesTogether() {
        let found = errors(page("""
            financial_year: 2006-07
            results:
              - actual: lots
                volume: 1.5

            """))
        #expect(found == [
            "content/q3.md:2:1: error: missing required key 'quarter' in front matter\n  hint: add `quarter: …`",
            "content/q3.md:4:17: error: 'financial_year': '2006-07' is not a financial year such as 2006/07",
            "content/q3.md:6:5: error: missing required key 'results[1].indicator' in front matter\n  hint: add `indicator: …`",
            "content/q3.md:6:13: error: 'results[1].actual' must be a number, found 'lots'",
            "content/q3.md:7:13: error: 'results[1].volume' must be a whole number, found '1.5'\n  hint: write digits only, for example 3",
        ])
    }

    /// The keys every page has, read without Codable, report all their errors too, beside the document's.
    @Test func commonKeysAndDocumentKeysTogether() {
        let found = errors(["content/q3.md": """
            ---
            title: [Q3]
            date: nope
            kind: quarterly
            tags: [a, [b], {c: d}]
            weight: heavy
            financial_year: 2006/07
            quarter: three
            ---
            Body

            """])
        #expect(found == [
            "content/q3.md:2:8: error: 'title' must be a single value, found a list",
            "content/q3.md:3:7: error: 'date': 'nope' is not a date\n  hint: write dates as YYYY-MM-DD, for example 2007-01-29 (`date` takes a day; `due`, `start` and `end` also take a month, YYYY-MM)",
            "content/q3.md:5:11: error: 'tags[2]' must be a single value, found a list",
            "content/q3.md:5:16: error: 'tags[3]' must be a single value, found a mapping",
            "content/q3.md:6:9: error: 'weight' must be a whole number, found 'heavy'\n  hint: write digits only, for example 3",
            "content/q3.md:8:10: error: 'quarter' must be a whole number, found 'three'\n  hint: write digits only, for example 3",
        ])
    }

    @Test func theIndicatorRegistryReportsEveryIndicator() {
        let found = errors(["content/indicators.yaml": """
            indicators:
              - id: fixed
                name: Faults fixed
                unit: percentage
                direction: higher
                target: 90
              - id: desk
                name: Help desk
                unit: percent
                direction: up
                target: ninety
                targets:
                  2006/07: 85
                  2007/08: lots
              - name: No id
                unit: count
                direction: lower
                target: 5
                tolerance: .inf

            """])
        #expect(found == [
            "content/indicators.yaml:4:11: error: 'indicators[1].unit': 'percentage' is not one of: percent, count, days, hours, score",
            "content/indicators.yaml:10:16: error: 'indicators[2].direction': 'up' is not one of: higher, lower",
            "content/indicators.yaml:11:13: error: 'indicators[2].target' must be a number, found 'ninety'",
            "content/indicators.yaml:14:16: error: 'indicators[2].targets.2007/08' must be a number, found 'lots'",
            "content/indicators.yaml:15:5: error: missing required key 'indicators[3].id' in indicator registry\n  hint: add `id: …`",
            "content/indicators.yaml:19:16: error: 'indicators[3].tolerance' must be a number from -10^15 to 10^15, found '.inf'",
        ])
    }

    @Test func theSiteConfigurationReportsEveryBadValue() {
        let found = errors(["content/site.yaml": """
            title: ICT
            page_size: twenty
            navigation:
              - title: Home
                link: about.md
              - title: Bad
                link: "javascript:alert(1)"
              - [x]
            brand:
              colour: teal
            tolerance: 1e999
            newsletter:
              from: a@b.example

            """])
        #expect(found == [
            "content/site.yaml:2:12: error: 'page_size' must be a whole number, found 'twenty'\n  hint: write digits only, for example 3",
            "content/site.yaml:7:11: error: 'navigation[2].link' uses the scheme 'javascript:'; only http, https and mailto links, or relative ones, are allowed\n  hint: write an https:// address, a mailto: address, or a path inside the site",
            "content/site.yaml:8:5: error: 'navigation[3]' must be a mapping of keys to values, found a list",
            "content/site.yaml:10:11: error: 'brand.colour': 'teal' is not a colour written like #2f3e4c",
            "content/site.yaml:11:12: error: 'tolerance' must be a number from -10^15 to 10^15, found '1e999'",
            "content/site.yaml:13:3: error: missing required key 'newsletter.to' in site configuration\n  hint: add `to: …`",
        ])
    }

    /// Gathering errors is only a second pass over a file that failed: a valid file decodes to the
    /// same value whether or not a collector is attached, and the collector stays empty.
    @Test func aValidFileDecodesTheSameWhenGatheringErrors() throws {
        let yaml = """
            financial_year: 2006/07
            quarter: 3
            illustrative: ~
            headlines: [One, Two]
            results:
              - {indicator: a, actual: 91.5, volume: 120, volume_unit: calls, target: 90}
              - {indicator: b}
            scorecard:
              milestones: {total: 10, completed: 4}
              actions: [{id: A1, title: Do it, due: 2006-11, status: in-hand}]

            """
        let source = YAMLSource(text: yaml, file: "content/q3.md", lineOffset: 1, role: "front matter")
        guard case let .success(node) = YAMLReader.compose(source, expecting: QuarterlyReport.self) else {
            Issue.record("did not compose")
            return
        }
        let plain = try YAMLReader.decode(QuarterlyReport.self, from: node, source: source).get()
        let gathered = DecodingErrors()
        let gathering = try YAMLDecoder().decode(CheckedDecoder.Checked<QuarterlyReport>.self, from: node,
                                                 userInfo: [DecodingErrors.userInfoKey: gathered]).value
        #expect(gathering == plain)
        #expect(gathered.errors.isEmpty)
        #expect(plain.illustrative == nil)
        #expect(plain.results?.count == 2)
        #expect(plain.results?.first?.actual == 91.5)
        #expect(plain.scorecard?.actions?.first?.due == CalendarDate(text: "2006-11"))
    }
}
