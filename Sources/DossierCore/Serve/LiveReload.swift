import Crypto
import Foundation

/// The preview's live reload: the Server-Sent Events a rebuild sends, and the few lines of script,
/// added to HTML responses by the preview only, that listen for them. The snapshot's bytes are
/// never changed, so a built site never contains the script.
enum LiveReload {
    /// The event stream's path, at the server's root whatever the base path. No output path can
    /// take it: its first segment starts with a dot, and the content loader skips every path with
    /// such a segment, a front-matter slug cannot start with a dot, tag and indicator slugs are
    /// letters, digits and dashes, theme files are written under `assets/`, and Dossier's own pages
    /// have fixed names. (The one dot name in a built site's folder is `OutputWriter.marker`,
    /// `.dossier`, a file: nothing can be under it.) With a base path such as `/ict/` it is outside
    /// the site as well.
    static let eventsPath = "/.dossier/events"

    /// Tells a listening page which version of it the page holds, so that the stream can tell it at
    /// once when a rebuild happened before it connected (or while the server was restarting).
    static let versionQuery = "v"
    static let pageQuery = "page"

    /// A page's version: a hash of its body before the script is added. It changes only when the
    /// page does, so an unchanged page keeps its bytes, and its `ETag`, from build to build.
    static func version(of body: [UInt8]) -> String {
        hex(SHA256.hash(data: body).prefix(8))
    }

    /// The script: opens an `EventSource` and reloads when a `reload` event names this page, a
    /// stylesheet or script (shared by every page), or an image the page shows, or when the build's
    /// diagnostics changed (it failed, or was fixed). `EventSource` reconnects by itself when the
    /// connection drops; when it gives up (the server answered with an error), the script tries
    /// again every second.
    static func script(version: String) -> String {
        """
        <script data-dossier-preview>
        // Dossier's preview only: reloads the page when a rebuild changes it. Built sites never have this.
        (() => {
          const here = decodeURIComponent(location.pathname).replace(/\\/index\\.html$/, "/");
          const url = "\(eventsPath)?\(versionQuery)=\(version)&\(pageQuery)=" + encodeURIComponent(location.pathname + location.search);
          const shown = (path) => /\\.(css|js)$/.test(path) || Array.from(document.images, (i) => i.src && decodeURIComponent(new URL(i.src).pathname)).includes(path);
          const connect = () => {
            const events = new EventSource(url);
            events.addEventListener("reload", (event) => {
              const change = JSON.parse(event.data);
              if (change.diagnostics || change.paths.some((path) => path === here || shown(path))) location.reload();
            });
            events.onerror = () => { if (events.readyState === EventSource.CLOSED) setTimeout(connect, 1000); };
          };
          connect();
        })();
        </script>

        """
    }

    /// The page with the script right before its last `</body>` (any case), or at its end when it
    /// has none. Exactly once.
    static func inject(into page: [UInt8], version: String) -> [UInt8] {
        let script = Array(self.script(version: version).utf8)
        var result = page
        result.insert(contentsOf: script, at: lastBodyEnd(in: page) ?? page.endIndex)
        return result
    }

    private static func lastBodyEnd(in page: [UInt8]) -> Int? {
        let tag = Array("</body".utf8)
        guard page.count >= tag.count else { return nil }
        var start = page.count - tag.count
        while start >= 0 {
            var matches = true
            for offset in 0..<tag.count {
                let byte = page[start + offset]
                let lower = (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
                if lower != tag[offset] { matches = false; break }
            }
            if matches { return start }
            start -= 1
        }
        return nil
    }

    // MARK: The event stream

    /// Sent first: how long a browser waits before reconnecting, and a comment so the response's
    /// headers and first bytes leave at once.
    static let opening = "retry: 1000\n: dossier preview\n\n"
    /// A comment every so often so that proxies and browsers keep an idle stream open.
    static let ping = ": ping\n\n"

    /// `event: reload` with the changed pages' URL paths, decoded (`/ict/reports/q3/`), as JSON:
    /// `{"diagnostics":false,"paths":["/ict/","/ict/assets/dossier.css"]}`.
    static func event(paths: [String], diagnostics: Bool) -> String {
        let list = paths.map(jsonString).joined(separator: ",")
        return "event: reload\ndata: {\"diagnostics\":\(diagnostics),\"paths\":[\(list)]}\n\n"
    }

    static func event(for change: PreviewSite.Change, basePath: String) -> String {
        event(paths: change.paths.sorted().map { urlPath(ofOutput: $0, basePath: basePath) }, diagnostics: change.diagnosticsChanged)
    }

    /// The URL path a page shows in `location.pathname`, decoded: `reports/q3/index.html` is
    /// `/ict/reports/q3/`, `assets/dossier.css` is `/ict/assets/dossier.css`.
    static func urlPath(ofOutput path: String, basePath: String) -> String {
        if path == "index.html" { return basePath }
        if path.hasSuffix("/index.html") { return basePath + path.dropLast("index.html".count) }
        return basePath + path
    }

    private static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
