import Foundation
import Testing
@testable import DossierCore

/// The email versions of the example site's newsletter issues: email.html, email.txt and issue.eml.
@Suite struct EmailTests {
    static let issues = ["newsletter/issue-01/", "newsletter/issue-02/", "newsletter/issue-03/"]
    static let base = "https://intranet.example.gov.uk/ict/"

    static let site: Result<URL, BuildFailure> = {
        let output = TemporaryFolder.make().appending(path: "site")
        let options = BuildOptions(root: repositoryRoot.path, output: output.path, today: Fixture.today)
        return Result { () throws(BuildFailure) -> URL in
            _ = try Pipeline(options: options).run(.build)
            return output
        }
    }()

    static func file(_ issue: String, _ name: String) throws -> String {
        Tree.text(try site.get(), issue + name)
    }

    /// Text a reader sees: tags dropped, entities decoded, white space collapsed.
    static func visibleText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<span style=\"display:none[^\"]*\">[^<]*</span>", with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func hrefs(_ html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&") }
    }

    @Test func buildWritesEveryEmailFile() throws {
        let site = try Self.site.get()
        for issue in Self.issues {
            for name in ["index.html", "email.html", "email.txt", "issue.eml"] {
                #expect(FileManager.default.fileExists(atPath: site.appending(path: issue + name).path), "\(issue)\(name)")
            }
        }
    }

    @Test func htmlHasNoStyleScriptOrSVGAndFitsIn600Pixels() throws {
        for issue in Self.issues {
            let html = try Self.file(issue, "email.html").lowercased()
            for tag in ["<style", "<script", "<svg", "<link ", "<img", " class=\""] {
                #expect(!html.contains(tag), "\(issue): \(tag)")
            }
            #expect(html.contains("max-width:600px"))
            let widths = html.components(separatedBy: "width:").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
            #expect(widths.allSatisfy { $0 <= 600 }, "\(issue): widths \(widths)")
            #expect(html.contains("<!--[if !mso]><!--><span style=\"display:none;"), "a hidden preheader, which Outlook never sees")
            #expect(html.contains(">open on the intranet</a>"))
        }
    }

    @Test func everyLinkIsAbsolute() throws {
        for issue in Self.issues {
            let links = Self.hrefs(try Self.file(issue, "email.html"))
            #expect(!links.isEmpty)
            for link in links { #expect(link.hasPrefix(Self.base), "\(issue): \(link)") }
            #expect(links.contains(Self.base + issue), "the intranet link")
        }
    }

    @Test func chartsAreTableBars() throws {
        let html = try Self.file("newsletter/issue-03/", "email.html")
        #expect(html.contains("<caption style=\"\(EmailHTML.Style.caption)\">Faults and help desk against target, quarter 3</caption>"))
        // Results against target are a plain table, worst first, each status in one unbroken line.
        #expect(html.contains("<th scope=\"col\" style=\"\(EmailHTML.Style.headerCell)\">Indicator</th>"))
        let status = "<td style=\"\(EmailHTML.Style.cell)color:\(StatusLook.near.text);\">~&nbsp;Target just missed</td>"
        #expect(html.contains("<th scope=\"row\" style=\"\(EmailHTML.Style.cell)font-weight:bold;\">Calls and faults fixed immediately</th>"
            + "<td style=\"\(EmailHTML.Style.cell)\">59% (60%)</td>\(status)</tr>"))
        #expect(!html.contains("(target 90%)"))
        let donut = try Self.file("newsletter/issue-02/", "email.html")
        #expect(donut.contains("71% (71)") && donut.contains("29% (29)"))
    }

    @Test func aSourceIsNamedOnceForTheItemsItGave() throws {
        let html = try Self.file("newsletter/issue-03/", "email.html")
        let source = ">Quarterly performance report: quarter 3, 2006/07</a>"
        // Once for the fourteen actions it updated, once as a report of the window.
        #expect(html.components(separatedBy: source).count - 1 == 2)
        #expect(html.contains("<li style=\"\(EmailHTML.Style.listItem)\">From <a href=\"\(Self.base)performance/2006-07-q3/\""))
        let text = try Self.file("newsletter/issue-03/", "email.txt")
        #expect(text.components(separatedBy: "Quarterly performance report: quarter 3, 2006/07 [").count - 1 <= 2)
    }

    @Test func textIsWrappedAndKeepsEveryLink() throws {
        for issue in Self.issues {
            let text = try Self.file(issue, "email.txt")
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                // A URL is never broken: a reference to a long one may run past the margin.
                let isReference = line.range(of: "^\\[\\d+\\] \\S+$", options: .regularExpression) != nil
                #expect(line.count <= 72 || isReference, "\(issue): \(line)")
            }
            #expect(text.contains("\n=====") && text.contains("\n-----"), "underlined headings")
            for link in Set(Self.hrefs(try Self.file(issue, "email.html"))) {
                #expect(text.range(of: "\\n\\[\\d+\\] \(NSRegularExpression.escapedPattern(for: link))\\n", options: .regularExpression) != nil,
                        "\(issue): \(link) is not a numbered reference")
            }
        }
    }

    @Test func htmlTextMatchesTheWebPage() throws {
        for issue in Self.issues {
            let page = try Self.file(issue, "index.html")
            let email = Self.visibleText(try Self.file(issue, "email.html"))
            let sections = page.components(separatedBy: "<section class=\"newsletter-article\"").dropFirst()
            #expect(!sections.isEmpty)
            for section in sections {
                let body = section.components(separatedBy: "</section>")[0]
                let blocks = body.components(separatedBy: "<p>").dropFirst().map { $0.components(separatedBy: "</p>")[0] }
                    + body.components(separatedBy: "<li>").dropFirst().map { $0.components(separatedBy: "</li>")[0] }
                    + body.components(separatedBy: "<h2 id=").dropFirst().map { "<h2 " + $0.components(separatedBy: "</h2>")[0] }
                #expect(!blocks.isEmpty)
                for block in blocks {
                    let text = Self.visibleText(block)
                    #expect(email.contains(text), "\(issue): '\(text)' is on the web page but not in the email")
                }
            }
        }
    }

    @Test func messageHasNoLineOver998Octets() throws {
        for issue in Self.issues {
            let data = try Data(contentsOf: try Self.site.get().appending(path: issue + "issue.eml"))
            let lines = data.split(separator: 10, omittingEmptySubsequences: false)
            #expect(lines.allSatisfy { $0.count <= 998 })
            #expect(lines.dropLast().allSatisfy { $0.last == 13 }, "CRLF line ends")
            #expect(!data.contains(where: { $0 > 127 }), "7-bit: bodies are quoted-printable")
        }
    }

    @Test func pythonReadsTheMessage() throws {
        guard let python = SiteCheck.executable(named: "python3") else {
            return try SiteCheck.missing("python3 email", "python3 is not on PATH", sourceLocation: #_sourceLocation)
        }
        let script = """
            import email, email.policy, json, sys
            message = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
            parts = [p for p in message.iter_parts()]
            print(json.dumps({
                "type": message.get_content_type(), "from": str(message["From"]), "to": str(message["To"]),
                "subject": str(message["Subject"]), "date": str(message["Date"]), "id": str(message["Message-ID"]),
                "parts": [{"type": p.get_content_type(), "charset": p.get_content_charset(),
                           "encoding": p["Content-Transfer-Encoding"], "body": p.get_content()} for p in parts],
                "defects": len(message.defects) + sum(len(p.defects) for p in parts)}))
            """
        for issue in Self.issues {
            let path = try Self.site.get().appending(path: issue + "issue.eml").path
            let result = SiteCheck.execute([python, "-c", script, path])
            try #require(result.status == 0, "\(result.output)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
            #expect(json["type"] as? String == "multipart/alternative")
            #expect(json["from"] as? String == "ICT Services <ict-news@council.example>")
            #expect(json["to"] as? String == "ict-staff@council.example")
            #expect(json["defects"] as? Int == 0)
            #expect((json["id"] as? String)?.hasPrefix("<newsletter-") == true)
            let parts = try #require(json["parts"] as? [[String: Any]])
            #expect(parts.map { $0["type"] as? String } == ["text/plain", "text/html"])
            #expect(parts.map { $0["charset"] as? String } == ["utf-8", "utf-8"])
            #expect(parts.map { $0["encoding"] as? String } == ["quoted-printable", "quoted-printable"])
            let normalise = { (text: String) in text.replacingOccurrences(of: "\r\n", with: "\n") }
            #expect(normalise(parts[0]["body"] as? String ?? "") == (try Self.file(issue, "email.txt")))
            #expect(normalise(parts[1]["body"] as? String ?? "") == (try Self.file(issue, "email.html")))
        }
    }

    // MARK: Pieces

    @Test func quotedPrintable() {
        #expect(QuotedPrintable.encode("a=b café ") == "a=3Db caf=C3=A9=20")
        let long = QuotedPrintable.encode(String(repeating: "é", count: 60) + "\nnext")
        #expect(long.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        #expect(long.hasSuffix("\r\nnext"))
        #expect(long.components(separatedBy: "\r\n").dropLast(2).allSatisfy { $0.hasSuffix("=") }, "soft breaks")
        #expect(!long.contains("=\r\nA9") && !long.contains("=C\r\n"), "a soft break never splits an escape")
    }

    /// The byte encoder gives what the plain per-line, per-token one it replaced gave, on texts
    /// made of the cases that matter: line ends (LF, CRLF), trailing spaces and tabs, `=`,
    /// multibyte characters, long lines. A lone CR, which that one could join with a following
    /// CRLF into one Swift character and so lose a line end, is a byte like any other.
    @Test func quotedPrintableAsTheReferenceEncoder() {
        func reference(_ text: String) -> String {
            text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map { line in
                let bytes = Array(line.utf8)
                var lines: [String] = [], current = ""
                for (index, byte) in bytes.enumerated() {
                    let last = index == bytes.count - 1
                    let literal = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !last)
                    let token = literal ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte)
                    if current.utf8.count + token.utf8.count > 75 { lines.append(current + "="); current = "" }
                    current += token
                }
                return (lines + [current]).joined(separator: "\r\n")
            }.joined(separator: "\r\n")
        }
        let pieces = ["a", " ", "\t", "=", "é", "€", "\n", "\r\n", "word", String(repeating: "x", count: 80), "😀", ""]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(QuotedPrintable.encode(text) == reference(text), "\(text.debugDescription)")
        }
        #expect(QuotedPrintable.encode("a\rb") == "a=0Db")
        #expect(QuotedPrintable.encode("a\r\r\nb \r\n") == "a=0D\r\nb=20\r\n")
    }

    @Test func headers() {
        #expect(MIMEMessage.rfc5322Date(Day(iso: "2004-05-20")!) == "Thu, 20 May 2004 09:00:00 +0000")
        #expect(MIMEMessage.rfc5322Date(Day(iso: "2007-02-05")!) == "Mon, 05 Feb 2007 09:00:00 +0000")
        #expect(MIMEMessage.encodedWord("Plain title", used: 9) == "Plain title")
        #expect(MIMEMessage.encodedWord("Café", used: 9) == "=?utf-8?B?Q2Fmw6k=?=")
        #expect(MIMEMessage.address("Équipe TIC <tic@council.example>") == "=?utf-8?B?w4lxdWlwZSBUSUM=?= <tic@council.example>")
    }

    @Test func newsletterCommandWritesOneIssue() throws {
        let output = TemporaryFolder.make().appending(path: "issue-2")
        let options = BuildOptions(root: repositoryRoot.path, output: nil, today: Fixture.today)
        let result = try Pipeline(options: options).writeNewsletter(2, to: output.path)
        #expect(result.files.sorted() == ["email.html", "email.txt", "index.html", "issue.eml"])
        #expect(Tree.text(output, "email.txt") == (try Self.file("newsletter/issue-02/", "email.txt")))
        #expect(throws: BuildFailure.self) { try Pipeline(options: options).writeNewsletter(9, to: output.path) }
    }
}
