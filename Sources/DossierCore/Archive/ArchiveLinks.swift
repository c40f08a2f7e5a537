import Foundation

/// Where a link in an archived page goes. A link to a report in the archive stays inside it, and so
/// does one to a file a report uses: a file of the site's content (a CSV, a PDF), or any file the page
/// shows (`src`, a stylesheet's `url(…)`). A link to anything else of the site (a section, a tag, a
/// report of another period, a feed) goes to the live site by its absolute URL, so nothing in the
/// archive points at a file that is not there.
struct ArchiveLinks: Sendable {
    enum Target: Equatable {
        /// A fragment, another site's URL, `mailto:`: left exactly as it is.
        case unchanged
        /// A report in the archive, by its path in the archive, with any `?query#fragment`.
        case report(path: String, suffix: String)
        /// A file of the built site that the archive carries at the same path.
        case file(path: String, suffix: String)
        /// Not in the archive: the page on the live site.
        case live(String)
    }

    let urls: SiteURLs
    /// The site path of each archived report (`performance/2006-07-q3/`) → its file in the archive
    /// (`performance/2006-07-q3.html`).
    let reports: [String: String]
    /// The built site's files that are not pages (`assets/dossier.css`), by path.
    let siteFiles: Set<String>
    /// Those copied from the site's content (`performance/indicators-2006-07-q3.csv`): the archive
    /// carries any that a report links to.
    let attachments: Set<String>
    /// Paths in the archive that a copied file may not take: the reports, the index and the manifest.
    let reserved: Set<String>

    init(baseURL: String, reports: [String: String], siteFiles: Set<String>, attachments: Set<String>, reserved: Set<String>) {
        self.urls = SiteURLs(baseURL: baseURL)
        self.reports = reports
        self.siteFiles = siteFiles
        self.attachments = attachments
        self.reserved = reserved
    }

    /// The base URL when it names a host (`https://intranet.example.gov.uk/ict/`); nil when it is
    /// only a path, and links to the live site can then only stay root-relative.
    private var absoluteBase: String? { urls.baseURL.contains("://") ? urls.baseURL : nil }

    /// Resolves a link (its attribute value with entities decoded) found in a file at site folder
    /// `folder` (`performance/2006-07-q3/` for a page, `assets/` for a stylesheet). `embedded` is for
    /// what the page shows rather than links to: `src`, `url(…)`.
    func resolve(_ link: String, from folder: String, embedded: Bool = false) -> Target {
        let path: String, suffix: String
        switch locate(link, from: folder) {
        case .outside: return .unchanged
        case let .elsewhere(url): return .live(url)
        case let .site(sitePath, sitePathSuffix): (path, suffix) = (sitePath, sitePathSuffix)
        }
        // A page is named by its folder, `performance/2006-07-q3/`, or by that folder's index.html.
        var pageKey = path
        if path == "index.html" {
            pageKey = ""
        } else if path.hasSuffix("/index.html") {
            pageKey = String(path.dropLast("index.html".count))
        } else if !path.isEmpty, !path.hasSuffix("/"), reports[path + "/"] != nil {
            pageKey = path + "/"
        }
        if let file = reports[pageKey] { return .report(path: file, suffix: suffix) }
        if siteFiles.contains(path), embedded || attachments.contains(path), !reserved.contains(path) {
            return .file(path: path, suffix: suffix)
        }
        guard let base = absoluteBase else { return link.hasPrefix("/") ? .unchanged : .live(urls.href(path) + suffix) }
        return .live(base + SiteURLs.encode(path) + suffix)
    }

    /// The link's address on the live site, even when the archive has it: for `<link rel="canonical">`
    /// and the like, which describe the page as published rather than lead anywhere.
    func live(_ link: String, from folder: String) -> Target {
        switch locate(link, from: folder) {
        case .outside: return .unchanged
        case let .elsewhere(url): return .live(url)
        case let .site(path, suffix):
            guard let base = absoluteBase else { return link.hasPrefix("/") ? .unchanged : .live(urls.href(path) + suffix) }
            return .live(base + SiteURLs.encode(path) + suffix)
        }
    }

    enum Location: Equatable {
        /// A fragment, another site, `mailto:`, or a path above the site's root.
        case outside
        /// Root-relative or protocol-relative but not in the site: its absolute URL.
        case elsewhere(String)
        /// A path of the built site (`performance/2006-07-q3/`, percent-decoded) and any `?query#fragment`.
        case site(path: String, suffix: String)
    }

    /// What a link names, before asking whether the archive has it.
    func locate(_ link: String, from folder: String) -> Location {
        if link.isEmpty || link.hasPrefix("#") { return .outside }
        var rest: String
        if let base = absoluteBase, link.hasPrefix(base) {
            rest = String(link.dropFirst(base.count))
        } else if Self.hasScheme(link) {
            return .outside
        } else if link.hasPrefix("//") {
            // Protocol-relative: from a file on disk it would mean file://host/…
            guard let base = absoluteBase, let colon = base.firstIndex(of: ":") else { return .outside }
            return .elsewhere(String(base[...colon]) + link)
        } else if link.hasPrefix(urls.basePath) {
            rest = String(link.dropFirst(urls.basePath.count))
        } else if link.hasPrefix("/") {
            // Root-relative but outside the site: the same host.
            guard let base = absoluteBase, let origin = Self.origin(of: base) else { return .outside }
            return .elsewhere(origin + link)
        } else {
            rest = folder + link
        }
        var suffix = ""
        if let mark = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            suffix = String(rest[mark...])
            rest = String(rest[..<mark])
        }
        let decoded = rest.removingPercentEncoding ?? rest
        guard var path = ContentPath.normalise(decoded) else { return .outside }
        if decoded.hasSuffix("/") && !path.isEmpty { path += "/" }
        return .site(path: path, suffix: suffix)
    }

    /// The href from a file of the archive to another: `../plans/ict-improvement-plan-2002.html`.
    static func relative(from file: String, to target: String) -> String {
        let from = file.split(separator: "/").dropLast()
        let to = target.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[from.startIndex + common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        return (ups + to[common...].map { SiteURLs.encode(String($0)) }).joined(separator: "/")
    }

    /// `https://intranet.example.gov.uk` from `https://intranet.example.gov.uk/ict/`.
    private static func origin(of url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        let host = url[scheme.upperBound...].firstIndex(of: "/") ?? url.endIndex
        return String(url[..<host])
    }

    private static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), let first = text.first, first.isLetter else { return false }
        return text[..<colon].allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }
}
