/// The `Content-Type` the preview sends for an output path, by its extension.
enum ContentTypes {
    /// Text types carry `; charset=utf-8`: Dossier writes every text file as UTF-8.
    static func forPath(_ path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        if name == Feeds.fileName { return "application/atom+xml; charset=utf-8" }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return fallback }
        let ext = name[name.index(after: dot)...].lowercased()
        guard let (type, isText) = table[ext] else { return fallback }
        return isText ? type + "; charset=utf-8" : type
    }

    static func isHTML(_ contentType: String) -> Bool {
        contentType.hasPrefix("text/html")
    }

    static let fallback = "application/octet-stream"

    private static let table: [String: (String, Bool)] = [
        "html": ("text/html", true),
        "htm": ("text/html", true),
        "css": ("text/css", true),
        "js": ("text/javascript", true),
        "mjs": ("text/javascript", true),
        "svg": ("image/svg+xml", true),
        // Dossier's feeds (`feed.xml`) are Atom, above; the sitemap and any other XML is plain XML.
        "atom": ("application/atom+xml", true),
        "xml": ("application/xml", true),
        "json": ("application/json", true),
        "csv": ("text/csv", true),
        "txt": ("text/plain", true),
        "md": ("text/markdown", true),
        "eml": ("message/rfc822", false),
        "png": ("image/png", false),
        "jpg": ("image/jpeg", false),
        "jpeg": ("image/jpeg", false),
        "gif": ("image/gif", false),
        "webp": ("image/webp", false),
        "avif": ("image/avif", false),
        "ico": ("image/x-icon", false),
        "pdf": ("application/pdf", false),
        "zip": ("application/zip", false),
        "woff2": ("font/woff2", false),
        "woff": ("font/woff", false),
    ]
}
