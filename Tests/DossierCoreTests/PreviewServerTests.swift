import FlyingSocks
import Foundation
import Testing
@testable import DossierCore

/// A small built site, as the preview holds it.
private func sampleSnapshot(diagnostics: [String] = []) -> PreviewSite.Snapshot {
    func page(_ title: String) -> [UInt8] {
        Array("<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>\(title)</title></head>\n<body>\n<main><h1>\(title)</h1></main>\n</body>\n</html>\n".utf8)
    }
    var snapshot = PreviewSite.Snapshot()
    snapshot.files = [
        "index.html": page("Home"),
        "performance/2006-07-q3/index.html": page("Q3"),
        "404.html": page("Not found here"),
        "assets/dossier.css": Array("body { color: black; }\n".utf8),
        "feed.xml": Array("<feed/>".utf8),
        "sitemap.xml": Array("<urlset/>".utf8),
        "charts/a.svg": Array("<svg></svg>".utf8),
        "newsletter/issue-1/issue.eml": Array("Subject: x\r\n\r\nx".utf8),
    ]
    snapshot.diagnostics = diagnostics
    snapshot.generation = 1
    return snapshot
}

private let routes = PreviewRoutes(basePath: "/ict/")
private let marker = "data-dossier-preview"

private func get(_ target: String, _ snapshot: PreviewSite.Snapshot = sampleSnapshot(), method: String = "GET",
                 ifNoneMatch: String? = nil, routes: PreviewRoutes = routes) -> PreviewResponse {
    routes.respond(to: PreviewRequest(method: method, target, ifNoneMatch: ifNoneMatch), in: snapshot)
}

private func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

@Suite struct PreviewRoutingTests {
    @Test func everythingOutsideTheBasePathRedirectsToIt() {
        for target in ["/", "/ict", "/index.html", "/other/page/", "/favicon.ico", "/?x=1"] {
            let response = get(target)
            #expect(response.status == 302, "\(target)")
            #expect(response.headers["Location"] == "/ict/", "\(target)")
            #expect(response.body.isEmpty)
        }
    }

    @Test func withBaseSlashTheRootIsTheHomePage() {
        let response = get("/", routes: PreviewRoutes(basePath: "/"))
        #expect(response.status == 200)
        #expect(response.text.contains("<h1>Home</h1>"))
        #expect(PreviewRoutes(basePath: "ict").basePath == "/ict/")
    }

    @Test func aFolderServesItsIndexAndAFolderWithoutSlashRedirects() {
        let home = get("/ict/")
        #expect(home.status == 200)
        #expect(home.text.contains("<h1>Home</h1>"))
        #expect(get("/ict/index.html").text == home.text)
        let page = get("/ict/performance/2006-07-q3/")
        #expect(page.status == 200)
        #expect(page.text.contains("<h1>Q3</h1>"))

        let redirect = get("/ict/performance/2006-07-q3")
        #expect(redirect.status == 302)
        #expect(redirect.headers["Location"] == "/ict/performance/2006-07-q3/")
        #expect(get("/ict/performance/2006-07-q3?last-good").headers["Location"] == "/ict/performance/2006-07-q3/?last-good")
        #expect(get("/ict/performance").headers["Location"] == nil, "no performance/index.html: not a folder page")
        #expect(get("/ict/performance").status == 404)
    }

    @Test func traversalIsRefusedAsSentAndOnceDecoded() {
        let refused = [
            "/ict/../etc/passwd", "/ict/%2e%2e/etc/passwd", "/ict/%2E%2E/x", "/ict/..%2f..%2fetc%2fpasswd",
            "/ict/a/..%2F..%2Fx", "/ict/%2e%2e%2f%2e%2e%2f", "/ict/./index.html", "/ict/%2e/index.html",
            "/ict/a%5c..%5cb", "/ict/a\\b", "/ict/index.html%00", "/ict/..", "/..", "/%2e%2e/ict/",
        ]
        for target in refused {
            let response = get(target)
            #expect(response.status == 400, "\(target)")
            #expect(response.headers["Content-Type"] == "text/plain; charset=utf-8")
            #expect(!response.text.contains("Home"), "\(target)")
        }
        #expect(get("/ict/%zz").status == 400, "a broken escape")
        #expect(get("/ict/%ff").status == 400, "not UTF-8")
        #expect(get("*").status == 400)
        #expect(get("http://127.0.0.1/ict/").status == 400)
        // Decoded once only: `%252e%252e` is the literal segment `%2e%2e`, which no file has.
        #expect(get("/ict/%252e%252e/index.html").status == 404)
        // Dots inside a segment are fine.
        #expect(get("/ict/assets/dossier.css").status == 200)
    }

    @Test func percentEncodedPathsAreDecoded() {
        var snapshot = sampleSnapshot()
        snapshot.files["reports/q3 review/index.html"] = Array("<body>Review</body>".utf8)
        snapshot.files["files/ärsbericht.pdf"] = [1, 2, 3]
        #expect(get("/ict/reports/q3%20review/", snapshot).text.contains("Review"))
        #expect(get("/ict/reports/q3%20review", snapshot).headers["Location"] == "/ict/reports/q3%20review/")
        #expect(get("/ict/files/%C3%A4rsbericht.pdf", snapshot).body == [1, 2, 3])
    }

    @Test func headHasTheHeadersOfGetAndNoBody() {
        for target in ["/ict/", "/ict/assets/dossier.css", "/ict/missing/", "/ict/performance/2006-07-q3", "/ict/%2e%2e/"] {
            let full = get(target)
            let head = get(target, method: "HEAD")
            #expect(head.status == full.status, "\(target)")
            #expect(head.headers == full.headers, "\(target)")
            #expect(head.body.isEmpty, "\(target)")
        }
        let full = get("/ict/")
        #expect(full.headers["Content-Length"] == String(full.body.count))
    }

    @Test func otherMethodsAre405() {
        for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"] {
            let response = get("/ict/", method: method)
            #expect(response.status == 405, "\(method)")
            #expect(response.headers["Allow"] == "GET, HEAD")
        }
    }

    @Test func contentTypesByExtension() {
        let expected = [
            "index.html": "text/html; charset=utf-8", "assets/dossier.css": "text/css; charset=utf-8",
            "assets/app.js": "text/javascript; charset=utf-8", "charts/a.svg": "image/svg+xml; charset=utf-8",
            "feed.xml": "application/atom+xml; charset=utf-8", "reports/feed.xml": "application/atom+xml; charset=utf-8",
            "sitemap.xml": "application/xml; charset=utf-8", "data/x.json": "application/json; charset=utf-8",
            "data/x.csv": "text/csv; charset=utf-8", "robots.txt": "text/plain; charset=utf-8",
            "a.png": "image/png", "a.JPG": "image/jpeg", "a.gif": "image/gif", "a.webp": "image/webp",
            "a.pdf": "application/pdf", "n/issue.eml": "message/rfc822", "archive/site.zip": "application/zip",
            "fonts/a.woff2": "font/woff2", "LICENSE": "application/octet-stream", "a.unknown": "application/octet-stream",
            ".hidden": "application/octet-stream",
        ]
        for (path, type) in expected {
            #expect(ContentTypes.forPath(path) == type, "\(path)")
        }
        #expect(get("/ict/feed.xml").headers["Content-Type"] == "application/atom+xml; charset=utf-8")
        #expect(get("/ict/newsletter/issue-1/issue.eml").headers["Content-Type"] == "message/rfc822")
        #expect(get("/ict/").headers["Cache-Control"] == "no-cache")
    }

    @Test func eTagIsAHashOfTheBytesServedAndIfNoneMatchGives304() throws {
        let page = get("/ict/")
        let tag = try #require(page.headers["ETag"])
        #expect(tag.hasPrefix("\"") && tag.hasSuffix("\"") && !tag.hasPrefix("W/"))
        #expect(tag == PreviewRoutes.entityTag(page.body), "the served bytes, script included")
        #expect(get("/ict/").headers["ETag"] == tag, "stable")
        #expect(get("/ict/assets/dossier.css").headers["ETag"] != tag)

        for header in [tag, "W/\(tag)", "\"other\", \(tag)", "*"] {
            let cached = get("/ict/", ifNoneMatch: header)
            #expect(cached.status == 304, "\(header)")
            #expect(cached.body.isEmpty)
            #expect(cached.headers["ETag"] == tag)
        }
        #expect(get("/ict/", ifNoneMatch: "\"other\"").status == 200)

        var changed = sampleSnapshot()
        changed.files["index.html"] = Array("<body>New home</body>".utf8)
        #expect(get("/ict/", changed, ifNoneMatch: tag).status == 200, "the page changed")
        #expect(get("/ict/missing/", ifNoneMatch: "*").status == 404, "only a 200 can become a 304")
    }

    @Test func unknownPathsGetTheSitesOwn404PageWithTheScript() {
        let response = get("/ict/no/such/page/")
        #expect(response.status == 404)
        #expect(response.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(response.text.contains("Not found here"))
        #expect(occurrences(of: marker, in: response.text) == 1)

        var bare = sampleSnapshot()
        bare.files["404.html"] = nil
        let fallback = get("/ict/x", bare)
        #expect(fallback.status == 404)
        #expect(fallback.text.contains("<h1>Not found</h1>"))
    }

    @Test func theScriptGoesIntoHTMLOnlyOnceBeforeTheLastBodyEnd() {
        let snapshot = sampleSnapshot()
        let page = get("/ict/", snapshot).text
        #expect(occurrences(of: marker, in: page) == 1)
        #expect(occurrences(of: "new EventSource(", in: page) == 1)
        #expect(page.hasSuffix("</script>\n</body>\n</html>\n"))
        for target in ["/ict/assets/dossier.css", "/ict/feed.xml", "/ict/sitemap.xml", "/ict/charts/a.svg"] {
            #expect(!get(target, snapshot).text.contains(marker), "\(target)")
        }
        // The last `</body>`, whatever its case; a page without one gets it at the end.
        var odd = sampleSnapshot()
        odd.files["a/index.html"] = Array("<BODY><p>&lt;/body&gt; </body> text</BODY>".utf8)
        odd.files["b/index.html"] = Array("<p>fragment</p>".utf8)
        let a = get("/ict/a/", odd).text
        #expect(occurrences(of: marker, in: a) == 1)
        #expect(a.hasPrefix("<BODY><p>&lt;/body&gt; </body> text<script " + marker + ">"))
        #expect(a.hasSuffix("</script>\n</BODY>"))
        let b = get("/ict/b/", odd).text
        #expect(b.hasPrefix("<p>fragment</p><script"))
        #expect(occurrences(of: marker, in: b) == 1)
    }

    @Test func theSitesBytesNeverGetTheScript() async {
        let site = PreviewSite()
        site.publish(sampleSnapshot())
        let before = site.snapshot.files
        let response = routes.respond(to: PreviewRequest("/ict/"), in: site.snapshot)
        #expect(response.text.contains(marker))
        #expect(site.snapshot.files == before)
        for (path, bytes) in site.snapshot.files {
            #expect(!String(decoding: bytes, as: UTF8.self).contains(marker), "\(path)")
        }
    }

    @Test func aBuiltSiteNeverContainsTheScript() throws {
        let site = Fixture([
            "content/site.yaml": "title: Preview test\nbase_url: https://example.org/ict/\n",
            "content/_index.md": Fixture.page("Home"),
            "content/reports/q3.md": Fixture.page("Q3", extra: "date: 2026-10-01\ntags: [a]\n"),
        ])
        let output = try site.build()
        let files = Tree.snapshot(output)
        #expect(files["index.html"] != nil)
        #expect(files["404.html"] != nil)
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains(marker), "\(path)")
            #expect(!text.contains(LiveReload.eventsPath), "\(path)")
            #expect(!text.contains("EventSource"), "\(path)")
        }
    }

    @Test func noContentCanTakeTheEventsPath() throws {
        // The content loader skips dot folders and files; a slug cannot start with a dot.
        let site = Fixture([
            "content/_index.md": Fixture.page("Home"),
            "content/.dossier/events.md": Fixture.page("Events"),
            "content/.dossier/events": "not served",
            "content/.dossier/events/index.md": Fixture.page("Events index"),
        ])
        let files = Tree.snapshot(try site.build())
        #expect(files["index.html"] != nil)
        // The one dot name on disk is the output folder's marker, a file: nothing can be under it.
        #expect(files[OutputWriter.marker] != nil)
        let dotted = files.keys.filter { $0 != OutputWriter.marker && ($0.hasPrefix(".") || $0.contains("/.")) }
        #expect(dotted.isEmpty, "\(files.keys.sorted())")
        #expect(!Slug.isSafeSegment(".dossier"))
        let slugged = Fixture(["content/a.md": Fixture.page("A", extra: "slug: .dossier\n")])
        #expect(slugged.errors().count == 1)
        // And the preview answers it as the stream, never as a file, whatever the base path.
        #expect(PreviewRoutes(basePath: "/").resolve(try PreviewTarget.parse("/.dossier/events").get(), in: sampleSnapshot()) == .events)
    }

    @Test func failedBuildsShowEveryDiagnosticAndLinkTheLastGoodPage() {
        let diagnostics = [
            "content/performance/2006-07-q3.md:4:7: error: date 'not-a-date' is not a date\n  hint: write it as 2006-07-01",
            "templates/page.mustache:12:3: error: unclosed section <b>{{#items}}</b> & more",
        ]
        let snapshot = sampleSnapshot(diagnostics: diagnostics)
        let response = get("/ict/performance/2006-07-q3/", snapshot)
        #expect(response.status == 500)
        #expect(response.headers["Content-Type"] == "text/html; charset=utf-8")
        let text = response.text
        #expect(text.contains("<html lang=\"en\">"))
        #expect(text.contains("<main>") && text.contains("<h1>"))
        #expect(text.contains("2 problems"))
        #expect(text.contains("<pre>content/performance/2006-07-q3.md:4:7: error: date 'not-a-date' is not a date\n  hint: write it as 2006-07-01</pre>"))
        #expect(text.contains("<pre>templates/page.mustache:12:3: error: unclosed section &lt;b&gt;{{#items}}&lt;/b&gt; &amp; more</pre>"))
        #expect(!text.contains("<b>{{#items}}"))
        #expect(text.contains("<a href=\"/ict/performance/2006-07-q3/?last-good\">"))
        #expect(occurrences(of: marker, in: text) == 1, "fixing the file brings the page back")
        #expect(!text.contains("<h1>Q3</h1>"))

        // The last good page, as it was, with the script so that it too follows the fix.
        let lastGood = get("/ict/performance/2006-07-q3/?last-good", snapshot)
        #expect(lastGood.status == 200)
        #expect(lastGood.text.contains("<h1>Q3</h1>"))
        #expect(occurrences(of: marker, in: lastGood.text) == 1)

        // Every HTML response is the error page; other files are the last good build's.
        #expect(get("/ict/", snapshot).status == 500)
        #expect(get("/ict/assets/dossier.css", snapshot).status == 200)
        let missing = get("/ict/new-page/", snapshot)
        #expect(missing.status == 500)
        #expect(missing.text.contains("no earlier version"))
        #expect(!missing.text.contains("last-good"))
        #expect(get("/ict/new-page/?last-good", snapshot).status == 404)

        // One problem reads as one.
        #expect(get("/ict/", sampleSnapshot(diagnostics: [diagnostics[1]])).text.contains("1 problem "))
    }

    @Test func theEventStreamAndItsStaleCheck() throws {
        let snapshot = sampleSnapshot()
        let stream = get("/.dossier/events", snapshot)
        #expect(stream.status == 200)
        #expect(stream.headers["Content-Type"] == "text/event-stream")
        #expect(stream.headers["Cache-Control"] == "no-cache")
        #expect(stream.eventStream == PreviewResponse.EventStream(first: nil))
        #expect(get("/.dossier/events", snapshot, method: "HEAD").eventStream == nil)

        // A page connects with the version it holds: current, nothing; behind, a reload at once.
        let version = LiveReload.version(of: snapshot.files["performance/2006-07-q3/index.html"]!)
        let page = "%2Fict%2Fperformance%2F2006-07-q3%2F"
        #expect(get("/.dossier/events?v=\(version)&page=\(page)", snapshot).eventStream?.first == nil)
        #expect(get("/.dossier/events?v=\(version)&page=%2Fict%2Fperformance%2F2006-07-q3%2Findex.html", snapshot).eventStream?.first == nil)
        var rebuilt = snapshot
        rebuilt.files["performance/2006-07-q3/index.html"] = Array("<body>Q3, revised</body>".utf8)
        #expect(get("/.dossier/events?v=\(version)&page=\(page)", rebuilt).eventStream?.first
                == "event: reload\ndata: {\"diagnostics\":false,\"paths\":[\"/ict/performance/2006-07-q3/\"]}\n\n")
        // The error page has its own version, so a page opened before the build failed reloads too.
        #expect(get("/.dossier/events?v=\(version)&page=\(page)", sampleSnapshot(diagnostics: ["x: error: y"])).eventStream?.first != nil)
        // The script carries the version of the page before the script was added.
        #expect(get("/ict/performance/2006-07-q3/", snapshot).text.contains("?v=\(version)&page="))
    }

    @Test func reloadEventsNameURLPaths() {
        let change = PreviewSite.Change(paths: ["index.html", "reports/q3/index.html", "assets/dossier.css", "reports/q3 review/index.html"],
                                        diagnosticsChanged: false)
        #expect(LiveReload.event(for: change, basePath: "/ict/") == """
            event: reload
            data: {"diagnostics":false,"paths":["/ict/assets/dossier.css","/ict/","/ict/reports/q3 review/","/ict/reports/q3/"]}


            """)
        #expect(LiveReload.event(for: PreviewSite.Change(paths: [], diagnosticsChanged: true), basePath: "/")
                == "event: reload\ndata: {\"diagnostics\":true,\"paths\":[]}\n\n")
        #expect(LiveReload.event(paths: ["/a\"b\\c\nd/"], diagnostics: false).contains(#"["/a\"b\\c\u000ad/"]"#))
    }

    @Test func onLoopbackOnlyLoopbackHostNamesAreAnswered() {
        for host in ["127.0.0.1:8080", "localhost:8080", "localhost", "[::1]:8080", "127.0.0.1"] {
            #expect(routes.respond(to: PreviewRequest("/ict/", host: host), in: sampleSnapshot()).status == 200, "\(host)")
        }
        for host in ["evil.example:8080", "evil.example", "192.168.1.5:8080", "127.0.0.1.evil.example"] {
            let response = routes.respond(to: PreviewRequest("/.dossier/events", host: host), in: sampleSnapshot())
            #expect(response.status == 403, "\(host)")
            #expect(response.eventStream == nil)
        }
        let open = PreviewRoutes(basePath: "/ict/", loopbackHostsOnly: false)
        #expect(open.respond(to: PreviewRequest("/ict/", host: "intranet-preview.example:8080"), in: sampleSnapshot()).status == 200)
    }

    @Test func loopbackHosts() throws {
        for host in ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "0:0:0:0:0:0:0:1", "localhost", "LocalHost", "::ffff:127.0.0.1"] {
            #expect(PreviewHost.isLoopback(host), "\(host)")
            #expect(PreviewHost.warning(for: host) == nil)
        }
        for host in ["0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "128.0.0.1", "example.org", "fe80::1"] {
            #expect(!PreviewHost.isLoopback(host), "\(host)")
        }
        #expect(PreviewHost.warning(for: "0.0.0.0") == "serving on 0.0.0.0: other machines on the network can read this preview")
        #expect(PreviewHost.url(host: "127.0.0.1", port: 8080, basePath: "/ict/") == "http://127.0.0.1:8080/ict/")
        #expect(PreviewHost.url(host: "::1", port: 8080, basePath: "/") == "http://[::1]:8080/")
        #expect(throws: PreviewHost.InvalidHost.self) { try PreviewHost.address(host: "example.org", port: 0) }
        _ = try PreviewHost.address(host: "localhost", port: 0)
        _ = try PreviewHost.address(host: "::1", port: 0)
    }
}

// MARK: - On a real socket

/// A running preview on 127.0.0.1, on the port the system chose.
private struct RunningPreview {
    let site: PreviewSite
    let server: PreviewServer
    let task: Task<Void, any Error>
    let port: UInt16

    static func start(pingInterval: Duration = .seconds(15)) async throws -> RunningPreview {
        let site = PreviewSite()
        site.publish(sampleSnapshot())
        let server = try PreviewServer(site: site, host: "127.0.0.1", port: 0, basePath: "/ict/", pingInterval: pingInterval)
        let task = Task { try await server.run() }
        // Generous: the suite runs beside other tests that keep both cores busy.
        let port = try await server.boundPort(timeout: .seconds(120))
        return RunningPreview(site: site, server: server, task: task, port: port)
    }

    func stop() async {
        task.cancel()
        _ = try? await bounded(seconds: 120) { try await task.value }
    }

    /// Sends `request` and reads until `done` says the bytes so far are enough, or the server closes.
    func exchange(_ request: String, until done: @escaping @Sendable (String) -> Bool = { _ in false }) async throws -> String {
        // FlyingFox gives a connection 5 s by default; the suite runs beside others that keep both cores busy.
        let socket = try await AsyncSocket.connected(to: try sockaddr_in.inet(ip4: "127.0.0.1", port: port), timeout: 120)
        defer { try? socket.close() }
        try await socket.write(Data(request.utf8))
        return try await bounded(seconds: 120) {
            var received: [UInt8] = []
            while !done(String(decoding: received, as: UTF8.self)) {
                do {
                    received += try await socket.read(atMost: 4096)
                } catch SocketError.disconnected {
                    break
                }
            }
            return String(decoding: received, as: UTF8.self)
        }
    }
}

struct Timeout: Error {}

/// `body`, or `Timeout` after `seconds`: waits are bounded, nothing is timed.
private func bounded<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            throw Timeout()
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}

@Suite struct PreviewServerSocketTests {
    @Test func getAndHeadOverHTTP() async throws {
        let preview = try await RunningPreview.start()
        #expect(preview.port != 0)
        #expect(try await preview.server.url() == "http://127.0.0.1:\(preview.port)/ict/")

        let page = try await preview.exchange("GET /ict/performance/2006-07-q3/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        #expect(page.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(page.contains("Content-Type: text/html; charset=utf-8\r\n"))
        #expect(page.contains("ETag: \""))
        #expect(page.contains("<h1>Q3</h1>"))
        #expect(page.contains(marker))

        let head = try await preview.exchange("HEAD /ict/performance/2006-07-q3/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        #expect(head.hasPrefix("HTTP/1.1 200 OK\r\n"))
        let headers = { (text: String) in text.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n").filter { !$0.hasPrefix("Connection") } }
        #expect(headers(head) == headers(page))
        #expect(head.hasSuffix("\r\n\r\n"), "no body")

        let redirect = try await preview.exchange("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        #expect(redirect.hasPrefix("HTTP/1.1 302 Found\r\n"))
        #expect(redirect.contains("Location: /ict/\r\n"))

        let post = try await preview.exchange("POST /ict/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        #expect(post.hasPrefix("HTTP/1.1 405 "))
        #expect(post.contains("Allow: GET, HEAD\r\n"))

        let climb = try await preview.exchange("GET /ict/..%2f..%2fetc%2fpasswd HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        #expect(climb.hasPrefix("HTTP/1.1 400 "))

        let rebound = try await preview.exchange("GET /ict/ HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
        #expect(rebound.hasPrefix("HTTP/1.1 403 Forbidden\r\n"))
        await preview.stop()
    }

    @Test func theEventStreamSendsReloadAfterPublish() async throws {
        let preview = try await RunningPreview.start()
        let site = preview.site
        let stream = Task {
            try await preview.exchange("GET /.dossier/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") { $0.contains("event: reload") }
        }
        // Publish once the stream listens; bounded, however slow the machine.
        _ = try await bounded(seconds: 120) {
            while preview.server.openStreams == 0 { try await Task.sleep(for: .milliseconds(20)) }
        }
        var next = sampleSnapshot()
        next.files["performance/2006-07-q3/index.html"] = Array("<body>Q3, revised</body>".utf8)
        next.generation = 2
        site.publish(next)
        let text = try await stream.value
        #expect(text.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(text.contains("Content-Type: text/event-stream\r\n"))
        #expect(text.contains("retry: 1000\n"))
        #expect(text.contains("event: reload\ndata: {\"diagnostics\":false,\"paths\":[\"/ict/performance/2006-07-q3/\"]}\n\n"))
        await preview.stop()
    }

    @Test func theStreamPingsWhenIdle() async throws {
        let preview = try await RunningPreview.start(pingInterval: .milliseconds(50))
        let text = try await preview.exchange("GET /.dossier/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") { $0.contains(": ping\n\n") }
        #expect(text.contains(": ping\n\n"))
        // The client has gone (its socket is closed): the next ping fails to send, and the stream
        // and its listener go away.
        _ = try await bounded(seconds: 120) {
            while preview.server.openStreams > 0 { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(preview.server.openStreams == 0)
        await preview.stop()
    }

    @Test func aTakenPortIsAnErrorFromRunAndBoundPort() async throws {
        let first = try await RunningPreview.start()
        let second = try PreviewServer(site: first.site, host: "127.0.0.1", port: first.port, basePath: "/ict/")
        let task = Task { try await second.run() }
        await #expect(throws: PreviewServer.CannotListen.self) { try await second.boundPort() }
        let error = await #expect(throws: PreviewServer.CannotListen.self) { try await bounded(seconds: 120) { try await task.value } }
        #expect(error?.description.hasPrefix("cannot listen on 127.0.0.1:\(first.port): ") == true, "\(String(describing: error))")
        await first.stop()
    }

    @Test func cancellingTheTaskStopsTheServerAndEndsItsStreams() async throws {
        let preview = try await RunningPreview.start()
        let stream = Task {
            // Read until the server ends the stream: the chunked body's last chunk, then the close.
            try await preview.exchange("GET /.dossier/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        }
        _ = try await bounded(seconds: 120) {
            while preview.server.openStreams == 0 { try await Task.sleep(for: .milliseconds(20)) }
        }
        preview.task.cancel()
        try await bounded(seconds: 120) { try await preview.task.value }
        let text = try await stream.value
        #expect(text.contains("retry: 1000\n"))
        #expect(text.hasSuffix("0\r\n\r\n"), "the stream ended cleanly")
        #expect(preview.server.openStreams == 0)
        // Nothing listens any more.
        await #expect(throws: (any Error).self) {
            _ = try await preview.exchange("GET /ict/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        }
    }
}
