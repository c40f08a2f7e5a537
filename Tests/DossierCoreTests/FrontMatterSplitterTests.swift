import Testing
@testable import DossierCore

@Suite struct FrontMatterSplitterTests {
    func split(_ text: String) -> SplitDocument? {
        try? FrontMatterSplitter.split(text).get()
    }

    @Test func plainFrontMatter() {
        let document = split("---\ntitle: A\n---\n# Body\n")
        #expect(document == SplitDocument(frontMatter: "title: A\n", body: "# Body\n", bodyFirstLine: 4))
    }

    @Test func byteOrderMarkIsSkipped() {
        let document = split("\u{FEFF}---\ntitle: A\n---\nBody\n")
        #expect(document?.frontMatter == "title: A\n")
        #expect(document?.body == "Body\n")
    }

    @Test func crlfLineEnds() {
        let document = split("---\r\ntitle: A\r\ndate: 2006-12-31\r\n---\r\nBody\r\n")
        #expect(document?.frontMatter == "title: A\r\ndate: 2006-12-31\r\n")
        #expect(document?.body == "Body\r\n")
        #expect(document?.bodyFirstLine == 5)
    }

    @Test func laterThematicBreaksStayInTheBody() {
        let document = split("---\ntitle: A\n---\nOne\n\n---\n\nTwo\n---\n")
        #expect(document?.frontMatter == "title: A\n")
        #expect(document?.body == "One\n\n---\n\nTwo\n---\n")
    }

    @Test func noFrontMatterAtAll() {
        let document = split("# Just Markdown\n\n---\n")
        #expect(document == SplitDocument(frontMatter: nil, body: "# Just Markdown\n\n---\n", bodyFirstLine: 1))
    }

    @Test func aFenceNotOnTheFirstLineIsNotFrontMatter() {
        #expect(split("\n---\ntitle: A\n---\n")?.frontMatter == nil)
    }

    @Test func fenceWithTrailingSpacesAndDotsEndMarker() {
        let document = split("---  \ntitle: A\n...\nBody")
        #expect(document?.frontMatter == "title: A\n")
        #expect(document?.body == "Body")
    }

    @Test func emptyFrontMatterAndEmptyBody() {
        #expect(split("---\n---\n") == SplitDocument(frontMatter: "", body: "", bodyFirstLine: 3))
        #expect(split("---\ntitle: A\n---") == SplitDocument(frontMatter: "title: A\n", body: "", bodyFirstLine: 4))
    }

    @Test func unclosedFrontMatter() {
        #expect(throws: FrontMatterSplitter.Failure.unclosed) { try FrontMatterSplitter.split("---\ntitle: A\nBody\n").get() }
    }

    @Test func emptyFile() {
        #expect(split("") == SplitDocument(frontMatter: nil, body: "", bodyFirstLine: 1))
    }
}
