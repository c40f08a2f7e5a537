import Foundation
import Testing
@testable import DossierCore

/// Builds the repository's own example site, as a user would, into a temporary folder.
@Suite struct ExampleSiteTests {
    static func build() throws -> (URL, BuildReport) {
        let output = TemporaryFolder.make().appending(path: "site")
        let options = BuildOptions(root: repositoryRoot.path, output: output.path, today: Fixture.today)
        let report = try Pipeline(options: options).run(.build)
        return (output, report)
    }

    @Test func buildsWithoutErrorsOrWarnings() throws {
        let (_, report) = try Self.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.pageCount >= 6)
    }

    @Test func everyReportHasItsPage() throws {
        let (site, _) = try Self.build()
        let files = Set(Tree.snapshot(site).keys)
        for path in ["index.html", "about/index.html", "reviews/index.html", "reviews/highlight-2004-05/index.html",
                     "performance/2006-07-q3/index.html", "performance/indicators-2006-07-q3.csv",
                     "plans/ict-improvement-plan-2002/index.html", "committee/2012-02-06-scrutiny-update/index.html",
                     "committee/2004-01-improvement-plan-update/index.html", "tags/index.html", "assets/dossier.css"] {
            #expect(files.contains(path), "missing \(path)")
        }
        let quarterly = Tree.text(site, "performance/2006-07-q3/index.html")
        #expect(quarterly.contains("1,684"))
        #expect(quarterly.contains("<title>"))
    }

    @Test func everyInternalLinkAndSourceResolves() throws {
        let (site, _) = try Self.build()
        let files = Tree.snapshot(site)
        let basePath = "/ict/"
        var checked = 0
        let pattern = try NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let link = String(html[Range(match.range(at: 1), in: html)!])
                if link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("mailto:") { continue }
                var target: String
                if link.hasPrefix("#") {
                    target = path
                } else {
                    #expect(link.hasPrefix(basePath), "\(path): \(link) is not under the base path")
                    target = String(link.dropFirst(basePath.count))
                }
                var fragment: String?
                if let hash = target.firstIndex(of: "#") {
                    fragment = String(target[target.index(after: hash)...])
                    target = String(target[..<hash])
                }
                target = target.removingPercentEncoding ?? target
                if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
                #expect(files[target] != nil, "\(path): \(link) does not resolve")
                if let fragment, !fragment.isEmpty, let page = files[target] {
                    #expect(String(decoding: page, as: UTF8.self).contains("id=\"\(fragment)\""), "\(path): no anchor for \(link)")
                }
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func checkWritesNothingAndAgreesWithBuild() throws {
        let options = BuildOptions(root: repositoryRoot.path, output: "/nonexistent/never-written", today: Fixture.today)
        let report = try Pipeline(options: options).run(.check)
        #expect(report.diagnostics.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent/never-written"))
    }
}
