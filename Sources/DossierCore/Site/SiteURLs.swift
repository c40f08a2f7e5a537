import Foundation

/// Turns site paths (`reports/2006-q3/`) into the links written into pages.
struct SiteURLs: Sendable {
    /// The path part of the base URL, starting and ending with `/`: `/ict/`.
    let basePath: String
    /// The base URL as configured, ending with `/`, for absolute links (feeds, canonical URLs).
    let baseURL: String

    init(baseURL: String) {
        self.baseURL = baseURL
        if baseURL.hasPrefix("/") {
            basePath = baseURL
        } else if let url = URL(string: baseURL) {
            let path = url.path.isEmpty ? "/" : url.path
            basePath = path.hasSuffix("/") ? path : path + "/"
        } else {
            basePath = "/"
        }
    }

    /// A root-relative link to a site path.
    func href(_ sitePath: String) -> String { basePath + Self.encode(sitePath) }

    /// The full URL of a site path, for feeds, the sitemap and canonical links. With a base URL
    /// that is only a path (`/ict/`), the best there is: the root-relative link.
    func absolute(_ sitePath: String) -> String {
        baseURL.contains("://") ? baseURL + Self.encode(sitePath) : href(sitePath)
    }

    private static let allowed: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: ";?#%")
        return set
    }()

    static func encode(_ path: String) -> String {
        // Most paths are plain ASCII words, digits and punctuation that need no encoding.
        let plain = path.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x2F || byte == 0x7E
        }
        return plain ? path : path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}

/// Resolves relative links in Markdown against the content tree: `../plans/ict.md` becomes the plan's URL.
struct SiteLinkResolver: LinkResolving {
    let graph: SiteGraph
    let urls: SiteURLs
    /// Every page and asset, by content path, for the hint of a broken link.
    let targets: SuggestionIndex

    init(graph: SiteGraph, urls: SiteURLs) {
        self.graph = graph
        self.urls = urls
        targets = SuggestionIndex { Array(graph.pageIndex.keys) + Array(graph.assetPaths) }
    }

    func resolve(_ destination: String, from file: SourceFile) -> LinkResolution {
        if let problem = URLPolicy.problem(destination) {
            return .broken(message: "link '\(destination)' \(problem)",
                           hint: "write an https:// address, a mailto: address, or a path inside the site")
        }
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("/") || Self.hasScheme(destination) {
            return .keep
        }
        var path = Substring(destination)
        var suffix = ""
        if let mark = path.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            suffix = String(path[mark...])
            path = path[..<mark]
        }
        let decoded = String(path).removingPercentEncoding ?? String(path)
        guard let target = ContentPath.normalise(ContentPath.join(file.folder, decoded)) else {
            return .broken(message: "link '\(destination)' points outside the content folder", hint: nil)
        }
        if let page = graph.pageIndex[target] {
            return .rewrite(urls.href(graph.pages[page].urlPath) + suffix)
        }
        let folder = target == "_index.md" ? "" : target.hasSuffix("/_index.md") ? String(target.dropLast("/_index.md".count)) : target
        if let section = graph.sections[folder] {
            return .rewrite(urls.href(section.urlPath) + suffix)
        }
        if graph.assetPaths.contains(target) {
            return .rewrite(urls.href(target) + suffix)
        }
        if graph.failed.contains(target) {
            return .keep // that page's own errors are reported; a second error here would only repeat them
        }
        if let day = graph.future[target] {
            return .broken(message: "link to '\(destination)', a page dated \(day.long), after the build date, so not published yet",
                           hint: "build with --future to publish it now")
        }
        if graph.drafts.contains(target) {
            return .broken(message: "link to '\(destination)', a draft page that is not published in this build",
                           hint: "remove `draft: true` from it, or build with --drafts")
        }
        return .broken(message: "link to '\(destination)', but content/\(target) does not exist",
                       hint: targets.nearest(to: target).map { "did you mean '\(Self.relative($0, from: file.folder))'?" })
    }

    private static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), let first = text.first, first.isLetter else { return false }
        return text[..<colon].allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    /// `target` written relative to `folder`, as an author would link it.
    static func relative(_ target: String, from folder: String) -> String {
        let from = folder.split(separator: "/")
        let to = target.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        return (ups + to[common...].map(String.init)).joined(separator: "/")
    }
}
