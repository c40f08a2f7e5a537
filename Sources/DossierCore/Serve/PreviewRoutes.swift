import Crypto
import Foundation

/// A request as the preview's routes need it, whatever server read it.
struct PreviewRequest: Sendable, Equatable {
    var method: String
    /// The request target as sent: percent-encoded path, then `?query` if any.
    var target: String
    var ifNoneMatch: String?
    /// The `Host` header (`127.0.0.1:8080`), nil when the client sent none.
    var host: String?

    init(method: String = "GET", _ target: String, ifNoneMatch: String? = nil, host: String? = nil) {
        self.method = method
        self.target = target
        self.ifNoneMatch = ifNoneMatch
        self.host = host
    }
}

/// What the routes answer. `Content-Length` is always set, to the length a GET's body has, so a
/// HEAD has the same headers and no body; but for the event stream, whose length is not known.
struct PreviewResponse: Sendable, Equatable {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]
    /// Set for the live reload stream: its body is the opening, then this stream's events.
    var eventStream: EventStream?

    struct EventStream: Sendable, Equatable {
        /// Sent right after the opening: a `reload` event when the listening page is no longer the
        /// version the site has now (a rebuild came before the page connected).
        var first: String?
    }

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Maps a request to a response over one snapshot of the site: a pure function, so that tests can
/// call it without sockets, and so that one request always sees one build.
struct PreviewRoutes: Sendable {
    /// Where the site lives: `/ict/`, or `/`. Starts and ends with `/`, decoded.
    let basePath: String
    /// Set when the server listens on loopback: a request must then name a loopback host too, so
    /// that a web page elsewhere cannot read the preview through a name that resolves to
    /// 127.0.0.1 (DNS rebinding).
    let loopbackHostsOnly: Bool

    init(basePath: String, loopbackHostsOnly: Bool = true) {
        var path = basePath.hasPrefix("/") ? basePath : "/" + basePath
        if !path.hasSuffix("/") { path += "/" }
        self.basePath = path
        self.loopbackHostsOnly = loopbackHostsOnly
    }

    static let allowedMethods = "GET, HEAD"

    func respond(to request: PreviewRequest, in snapshot: PreviewSite.Snapshot) -> PreviewResponse {
        let isHead = request.method == "HEAD"
        guard isHead || request.method == "GET" else {
            var response = Self.plain(405, "405 Method Not Allowed: the preview answers GET and HEAD only.\n")
            response.headers["Allow"] = Self.allowedMethods
            return response
        }
        var response: PreviewResponse
        if loopbackHostsOnly, let host = request.host, !PreviewHost.isLoopback(Self.hostName(host)) {
            response = Self.plain(403, "403 Forbidden: this preview listens on this machine only; open it as localhost or 127.0.0.1.\n")
        } else {
            response = respond(toTarget: request.target, ifNoneMatch: request.ifNoneMatch, in: snapshot)
        }
        if isHead {
            response.body = []
            response.eventStream = nil
        }
        return response
    }

    private func respond(toTarget target: String, ifNoneMatch: String?, in snapshot: PreviewSite.Snapshot) -> PreviewResponse {
        switch PreviewTarget.parse(target) {
        case .failure(.malformed):
            Self.plain(400, "400 Bad Request: the address is not a path the preview can read.\n")
        case .failure(.unsafe):
            Self.plain(400, "400 Bad Request: the path has a '.' or '..' segment, a backslash or a NUL, once decoded.\n")
        case .success(let target):
            respond(to: target, ifNoneMatch: ifNoneMatch, in: snapshot)
        }
    }

    private func respond(to target: PreviewTarget, ifNoneMatch: String?, in snapshot: PreviewSite.Snapshot) -> PreviewResponse {
        switch resolve(target, in: snapshot) {
        case .events:
            let first = staleEvent(page: target.query[LiveReload.pageQuery], version: target.query[LiveReload.versionQuery], in: snapshot)
            return PreviewResponse(status: 200, headers: ["Content-Type": "text/event-stream", "Cache-Control": "no-cache"],
                                   body: [], eventStream: PreviewResponse.EventStream(first: first))
        case .redirect(let location):
            return PreviewResponse(status: 302, headers: ["Location": location, "Cache-Control": "no-cache", "Content-Length": "0"], body: [])
        case .content(let status, let type, let bytes):
            let body = ContentTypes.isHTML(type) ? LiveReload.inject(into: bytes, version: LiveReload.version(of: bytes)) : bytes
            var headers = ["Content-Type": type, "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff",
                           "Content-Length": String(body.count)]
            guard status == 200 else { return PreviewResponse(status: status, headers: headers, body: body) }
            let tag = Self.entityTag(body)
            headers["ETag"] = tag
            if let ifNoneMatch, Self.matches(ifNoneMatch, tag) {
                // Content-Length may stay: it is the length a 200 would have (RFC 9110 §8.6).
                headers["Content-Type"] = nil
                return PreviewResponse(status: 304, headers: headers, body: [])
            }
            return PreviewResponse(status: 200, headers: headers, body: body)
        }
    }

    enum Resolution: Equatable {
        case events
        case redirect(String)
        /// A body before the live reload script is added.
        case content(status: Int, type: String, bytes: [UInt8])
    }

    /// Which file, redirect or error page a decoded path stands for.
    func resolve(_ target: PreviewTarget, in snapshot: PreviewSite.Snapshot) -> Resolution {
        if target.path == LiveReload.eventsPath { return .events }
        // `/`, `/ict` and anything else outside the site go to the site.
        guard target.path.hasPrefix(basePath) else { return .redirect(SiteURLs.encode(basePath)) }
        let relative = String(target.path.dropFirst(basePath.count))
        let failed = !snapshot.diagnostics.isEmpty && target.query[ErrorPage.lastGoodQuery] == nil
        let file = relative.isEmpty || relative.hasSuffix("/") ? relative + "index.html" : relative
        if let bytes = snapshot.files[file] {
            let type = ContentTypes.forPath(file)
            if failed && ContentTypes.isHTML(type) {
                return .content(status: 500, type: Self.html, bytes: ErrorPage.html(diagnostics: snapshot.diagnostics,
                                                                                   lastGood: target.rawPath + "?" + ErrorPage.lastGoodQuery))
            }
            return .content(status: 200, type: type, bytes: bytes)
        }
        if file == relative, snapshot.files[relative + "/index.html"] != nil {
            return .redirect(target.rawPath + "/" + (target.rawQuery.isEmpty ? "" : "?" + target.rawQuery))
        }
        if failed {
            return .content(status: 500, type: Self.html, bytes: ErrorPage.html(diagnostics: snapshot.diagnostics, lastGood: nil))
        }
        return .content(status: 404, type: Self.html, bytes: snapshot.files["404.html"] ?? Self.fallbackNotFound)
    }

    /// The `reload` event for a page that connects with a version the site no longer has; nil
    /// when it is current (or when the page or version is missing, from an old script, say).
    func staleEvent(page: String?, version: String?, in snapshot: PreviewSite.Snapshot) -> String? {
        guard let page, let version, case .success(let target) = PreviewTarget.parse(page) else { return nil }
        if case .content(_, let type, let bytes) = resolve(target, in: snapshot), ContentTypes.isHTML(type),
           LiveReload.version(of: bytes) == version {
            return nil
        }
        let here = target.path.hasSuffix("/index.html") ? String(target.path.dropLast("index.html".count)) : target.path
        return LiveReload.event(paths: [here], diagnostics: false)
    }

    // MARK: Pieces

    /// `127.0.0.1:8080` → `127.0.0.1`, `[::1]:8080` → `::1`.
    static func hostName(_ header: String) -> String {
        let header = header.trimmingCharacters(in: .whitespaces)
        if header.hasPrefix("["), let close = header.firstIndex(of: "]") {
            return String(header[header.index(after: header.startIndex)..<close])
        }
        return String(header.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    static let html = "text/html; charset=utf-8"

    /// A strong tag: a hash of exactly the bytes served.
    static func entityTag(_ body: [UInt8]) -> String {
        "\"" + LiveReload.hex(SHA256.hash(data: body).prefix(16)) + "\""
    }

    /// `If-None-Match`: `*`, or a list of tags compared weakly (RFC 9110 §13.1.2).
    static func matches(_ header: String, _ tag: String) -> Bool {
        header.split(separator: ",").contains { item in
            var candidate = item.trimmingCharacters(in: .whitespaces)
            if candidate == "*" { return true }
            if candidate.hasPrefix("W/") { candidate.removeFirst(2) }
            return candidate == tag
        }
    }

    private static func plain(_ status: Int, _ text: String) -> PreviewResponse {
        PreviewResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-cache",
                                                  "X-Content-Type-Options": "nosniff", "Content-Length": String(text.utf8.count)],
                        body: Array(text.utf8))
    }

    /// For a snapshot without `404.html` (the very first build failed, say).
    static let fallbackNotFound = Array("""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Not found · Dossier preview</title></head>
        <body>
        <main>
        <h1>Not found</h1>
        <p>The site has no page at this address.</p>
        </main>
        </body>
        </html>

        """.utf8)
}
