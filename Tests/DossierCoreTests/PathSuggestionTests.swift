import Testing
@testable import DossierCore

/// "Did you mean …?" for a missing path measures the file name and its folder apart, so a name
/// that shares only a long folder with another gives no hint, and a typo in either still does.
@Suite struct PathSuggestionTests {
    static let paths = ["newsletter/issue-01.md", "newsletter/issue-02.md", "performance/q1-2006.md", "performance/q2-2006.md",
                        "plans/ict-plan.md", "about.md", "reports/", "images/logos.png"]

    @Test func aWildGuessGetsNoHint() {
        for word in ["newsletter/missing.md", "newsletter/gone.md", "performance/summary.md", "elsewhere/issue-01.md", "issue-01.md",
                     "q1-2006.md", "newsletter/about.md"] {
            #expect(Suggestion.nearestPath(to: word, in: Self.paths) == nil, "\(word)")
            #expect(SuggestionIndex { Self.paths }.nearest(to: word) == nil, "\(word)")
        }
    }

    @Test func aTypoInTheNameOrTheFolderGetsOne() {
        for (word, expected) in [("newsletter/issue-1.md", "newsletter/issue-01.md"), ("perfromance/q1-2006.md", "performance/q1-2006.md"),
                                 ("Performance/Q2-2006.md", "performance/q2-2006.md"), ("plans/ict-plam.md", "plans/ict-plan.md"),
                                 ("abuot.md", "about.md"), ("reprots/", "reports/"), ("images/logo.png", "images/logos.png"),
                                 ("newsletters/issue-02.md", "newsletter/issue-02.md")] {
            #expect(Suggestion.nearestPath(to: word, in: Self.paths) == expected, "\(word)")
        }
    }

    @Test func theNearestOfSeveralWinsThenTheFirstInSortOrder() {
        #expect(Suggestion.nearestPath(to: "newsletter/issue-03.md", in: Self.paths) == "newsletter/issue-01.md")
        #expect(Suggestion.nearestPath(to: "newsletter/issue-2.md", in: Self.paths) == "newsletter/issue-02.md")
    }

    @Test func aMissingLinkNamesNoFarOffPage() {
        let files = ["content/newsletter/issue-01.md": Fixture.page("One", "See [the last](missing.md) and [the next](issue-2.md).\n"),
                     "content/newsletter/issue-02.md": Fixture.page("Two")]
        #expect(Fixture(files).errors() == [
            "content/newsletter/issue-01.md:4:5: error: link to 'missing.md', but content/newsletter/missing.md does not exist",
            "content/newsletter/issue-01.md:4:32: error: link to 'issue-2.md', but content/newsletter/issue-2.md does not exist\n"
                + "  hint: did you mean 'issue-02.md'?",
        ])
    }
}
