import Foundation

/// Turns one built page of the site into its file in the offline archive. This is the one place
/// that edits Dossier's HTML for the archive, and it changes only:
///
/// - each `<link rel="stylesheet" href="…">` to the site's stylesheet becomes a `<style>` holding
///   the stylesheet's text (its `url(…)`s resolved the same way as links);
/// - each `href`, `src` and `xlink:href` is resolved by `ArchiveLinks`: to a relative path when it
///   points into the archive (a report, or a file a report uses, which the archive then carries), to
///   an absolute URL on the live site otherwise; a `<link>` (canonical, alternate) always names the
///   live site;
/// - the banner saying this is an offline copy goes at the top of `<body>` (after a leading skip
///   link, which stays the first thing a keyboard reaches), with its few styles before `</head>`.
///
/// It reads the page as a sequence of tags, comments and text, not with patterns over the whole
/// text, so a link written as text (in a code example, say) is never touched, nor is the content
/// of `<style>`, `<script>` or a comment. Everything it does not change is copied byte for byte.
struct OfflinePage {
    /// The site folder the page is served from, for relative links: `performance/2006-07-q3/`.
    let sitePath: String
    /// The page's file in the archive: `performance/2006-07-q3.html`.
    let file: String
    let links: ArchiveLinks
    /// The banner's HTML (its link to the index already relative to this page).
    let banner: String
    /// The text of a stylesheet of the site, by its path (`assets/dossier.css`); nil if there is none.
    let stylesheet: (String) -> String?

    struct Result {
        var html: String
        /// Site files the page uses that the archive must carry (`performance/indicators-2006-07-q3.csv`).
        var files: Set<String>
        /// The stylesheets it inlined, in order, for the archive's index to use too.
        var stylesheets: [Stylesheet]
    }

    struct Stylesheet: Hashable {
        /// In the built site: `assets/dossier.css`.
        var path: String
        var media: String?
    }

    /// Styles for the banner, in the page's `<head>`.
    static let bannerStyle = """
        <style>
        .archive-banner { margin: 0; padding: 0.75em 1em; background: #fff4c2; color: #0b0c0c; border-bottom: 3px solid #8a5a00; font-weight: 700; }
        .archive-banner a { color: inherit; }
        @media print { .archive-banner { background: none; border: 1px solid #000; } }
        </style>

        """

    /// The banner: "Offline copy from the archive of 2006/07, made 21 November 2026", a note to
    /// assistive technology, with a link to the archive's index.
    static func banner(period: ArchivePeriod, made: Day, indexHref: String) -> String {
        "<p class=\"archive-banner\" role=\"note\">Offline copy from the archive of \(XML.escape(period.label)), made "
            + "<time datetime=\"\(made.iso)\">\(made.long)</time>. "
            + "<a href=\"\(XML.escape(indexHref, attribute: true))\">All reports in this archive</a></p>"
    }

    func rewrite(_ html: String) -> Result {
        var scanner = Scanner(page: self, bytes: Array(html.utf8))
        scanner.run()
        return Result(html: String(decoding: scanner.out, as: UTF8.self), files: scanner.used, stylesheets: scanner.stylesheets)
    }

    /// `<style>` holding a stylesheet of the site, for this file; nil if the site has no such stylesheet.
    func styleElement(_ sheet: Stylesheet, used: inout Set<String>) -> String? {
        guard let css = stylesheet(sheet.path) else { return nil }
        let media = sheet.media.map { " media=\"\(XML.escape($0, attribute: true))\"" } ?? ""
        var text = inline(css: css, from: sheet.path, used: &used)
        if !text.hasSuffix("\n") { text += "\n" }
        return "<style\(media)>\n\(text)</style>"
    }

    /// Rewrites a stylesheet's `url(…)`s for text inlined into this page, and keeps `</style` out of it.
    func inline(css: String, from cssPath: String, used: inout Set<String>) -> String {
        let folder = ContentPath.folder(of: cssPath)
        let base = folder.isEmpty ? "" : folder + "/"
        var out = ""
        var rest = Substring(css)
        while let open = rest.range(of: "url(", options: .caseInsensitive) {
            out += rest[..<open.upperBound]
            rest = rest[open.upperBound...]
            let start = rest.firstIndex { !$0.isWhitespace } ?? rest.endIndex
            var quote = ""
            let link: Substring
            if start < rest.endIndex, rest[start] == "\"" || rest[start] == "'" {
                // Quoted: the URL may hold a `)`, as a data: URL can.
                let after = rest.index(after: start)
                guard let close = rest[after...].firstIndex(of: rest[start]) else { break }
                quote = String(rest[start])
                link = rest[after..<close]
                out += rest[..<start]
                rest = rest[rest.index(after: close)...]
            } else {
                let close = rest[start...].firstIndex { $0 == ")" || $0.isWhitespace } ?? rest.endIndex
                link = rest[start..<close]
                out += rest[..<start]
                rest = rest[close...]
            }
            let replacement = href(for: links.resolve(String(link), from: base, embedded: true), used: &used) ?? String(link)
            out += quote + replacement + quote
        }
        out += rest
        return out.replacingOccurrences(of: "</style", with: "<\\/style", options: .caseInsensitive)
    }

    /// The new value for a link, or nil to leave it as it is.
    private func href(for target: ArchiveLinks.Target, used: inout Set<String>) -> String? {
        switch target {
        case .unchanged: return nil
        case let .report(path, suffix): return ArchiveLinks.relative(from: file, to: path) + suffix
        case let .file(path, suffix):
            used.insert(path)
            return ArchiveLinks.relative(from: file, to: path) + suffix
        case let .live(url): return url
        }
    }

    /// One pass over the page's bytes, copying to `out` and changing what `OfflinePage` says.
    private struct Scanner {
        let page: OfflinePage
        let bytes: [UInt8]
        var out: [UInt8] = []
        var used: Set<String> = []
        var stylesheets: [Stylesheet] = []
        var index = 0

        private enum BannerState {
            case beforeBody
            /// `<body>` is written; the banner goes at this offset of `out` unless a skip link comes first.
            case afterBody(Int)
            /// Inside a leading skip link: the banner goes after its `</a>`.
            case inSkipLink
            case placed
        }
        private var banner = BannerState.beforeBody
        /// Just past `</head>` in `out`: where the banner goes in a page written without `<body>`.
        private var headEnd: Int?

        init(page: OfflinePage, bytes: [UInt8]) {
            self.page = page
            self.bytes = bytes
            out.reserveCapacity(bytes.count + 64 * 1024)
        }

        mutating func run() {
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<") else {
                    let next = bytes[index...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
                    out += bytes[index..<next]
                    index = next
                    continue
                }
                if has("<!--") {
                    copy(through: "-->")
                } else if has("<![CDATA[") {
                    copy(through: "]]>")
                } else if has("<!") || has("<?") {
                    copy(through: ">")
                } else if has("</") {
                    closingTag()
                } else if index + 1 < bytes.count, Self.isLetter(bytes[index + 1]), let tag = Tag.parse(bytes, at: index) {
                    openingTag(tag)
                } else {
                    out.append(bytes[index])
                    index += 1
                }
            }
            switch banner {
            case let .afterBody(offset): insertBanner(at: offset)
            case .inSkipLink: insertBanner(at: out.count)
            case .beforeBody: insertBanner(at: headEnd ?? 0)
            case .placed: break
            }
        }

        private mutating func closingTag() {
            let end = (bytes[index...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count - 1) + 1
            let name = String(decoding: bytes[(index + 2)..<end].prefix { Self.isLetter($0) || Self.isDigit($0) }, as: UTF8.self).lowercased()
            if name == "head" { out += Array(OfflinePage.bannerStyle.utf8) }
            out += bytes[index..<end]
            index = end
            if name == "head" { headEnd = out.count }
            if name == "a", case .inSkipLink = banner { insertBanner(at: out.count) }
        }

        private mutating func openingTag(_ tag: Tag) {
            if case let .afterBody(offset) = banner {
                let between = out[offset...]
                if tag.name == "a", tag.value("href")?.hasPrefix("#") == true, between.allSatisfy(Self.isSpace) {
                    banner = .inSkipLink
                } else {
                    insertBanner(at: offset)
                }
            }
            if tag.name == "link", let style = inlinedStylesheet(tag) {
                out += Array(style.utf8)
            } else {
                writeRewritten(tag)
            }
            index = tag.end
            if tag.name == "body", case .beforeBody = banner { banner = .afterBody(out.count) }
            if ["style", "script", "textarea", "title"].contains(tag.name), !tag.selfClosing {
                // Raw text: copied to its closing tag unread.
                let closing = Array("</\(tag.name)".utf8)
                var cursor = index
                while cursor < bytes.count, !Self.matches(bytes, at: cursor, closing) { cursor += 1 }
                out += bytes[index..<cursor]
                index = cursor
            }
        }

        /// The tag with each link attribute resolved; everything else as it was.
        private mutating func writeRewritten(_ tag: Tag) {
            var cursor = tag.start
            for attribute in tag.attributes {
                guard ["href", "src", "xlink:href"].contains(attribute.name), let range = attribute.valueRange,
                      let value = attribute.value,
                      let replacement = page.href(for: target(of: tag, value, attribute: attribute.name), used: &used),
                      replacement != value else { continue }
                out += bytes[cursor..<range.lowerBound]
                out += Array("\"\(XML.escape(replacement, attribute: true))\"".utf8)
                cursor = range.upperBound
            }
            out += bytes[cursor..<tag.end]
        }

        /// Where a link attribute goes. A `<link>` (canonical, alternate …) describes the page as
        /// published, so it names the live site; `src` is something the page shows, which the archive carries.
        private func target(of tag: Tag, _ value: String, attribute: String) -> ArchiveLinks.Target {
            if tag.name == "link" { return page.links.live(value, from: page.sitePath) }
            return page.links.resolve(value, from: page.sitePath, embedded: attribute == "src")
        }

        /// `<style>` with the stylesheet's text, for a `<link rel="stylesheet">` to a stylesheet of the
        /// site; nil for any other link, which is then rewritten like any tag.
        private mutating func inlinedStylesheet(_ tag: Tag) -> String? {
            guard let rel = tag.value("rel"), rel.lowercased().split(whereSeparator: \.isWhitespace).contains("stylesheet"),
                  let href = tag.value("href"),
                  case let .site(path, _) = page.links.locate(href, from: page.sitePath) else { return nil }
            let stylesheet = Stylesheet(path: path, media: tag.value("media"))
            guard let style = page.styleElement(stylesheet, used: &used) else { return nil }
            stylesheets.append(stylesheet)
            return style
        }

        private mutating func insertBanner(at offset: Int) {
            out.insert(contentsOf: Array(("\n" + page.banner).utf8), at: offset)
            banner = .placed
        }

        private func has(_ prefix: String) -> Bool { Self.matches(bytes, at: index, Array(prefix.utf8)) }

        private mutating func copy(through terminator: String) {
            let marker = Array(terminator.utf8)
            var cursor = index + 1
            while cursor < bytes.count, !Self.matches(bytes, at: cursor, marker) { cursor += 1 }
            let end = min(bytes.count, cursor + marker.count)
            out += bytes[index..<end]
            index = end
        }

        /// Whether `bytes` has `prefix` at `offset`, ignoring ASCII case.
        static func matches(_ bytes: [UInt8], at offset: Int, _ prefix: [UInt8]) -> Bool {
            guard offset + prefix.count <= bytes.count else { return false }
            for (i, byte) in prefix.enumerated() where Self.lower(bytes[offset + i]) != Self.lower(byte) { return false }
            return true
        }

        static func lower(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
        static func isLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }
        static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }
        static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C }
    }

    /// An opening tag, `<a class="tag" href="/ict/tags/x/">`, with where each attribute's value is.
    struct Tag {
        struct Attribute {
            /// Lowercased.
            var name: String
            /// With entities decoded; nil for an attribute with no value.
            var value: String?
            /// The value as written, quotes included.
            var valueRange: Range<Int>?
        }

        /// Lowercased.
        var name: String
        var attributes: [Attribute]
        /// The offset of `<` and just past `>`.
        var start: Int
        var end: Int
        var selfClosing: Bool

        func value(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

        /// Reads the tag starting at `start` (a `<` followed by a letter); nil if it never closes.
        static func parse(_ bytes: [UInt8], at start: Int) -> Tag? {
            let isSpace = Scanner.isSpace
            var i = start + 1
            while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") { i += 1 }
            let name = String(decoding: bytes[(start + 1)..<i], as: UTF8.self).lowercased()
            var attributes: [Attribute] = []
            var selfClosing = false
            while true {
                while i < bytes.count, isSpace(bytes[i]) { i += 1 }
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: ">") { break }
                if bytes[i] == UInt8(ascii: "/") {
                    selfClosing = true
                    i += 1
                    continue
                }
                selfClosing = false
                let nameStart = i
                while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">"),
                      bytes[i] != UInt8(ascii: "/") { i += 1 }
                let attributeName = String(decoding: bytes[nameStart..<i], as: UTF8.self).lowercased()
                var lookahead = i
                while lookahead < bytes.count, isSpace(bytes[lookahead]) { lookahead += 1 }
                guard lookahead < bytes.count, bytes[lookahead] == UInt8(ascii: "=") else {
                    attributes.append(Attribute(name: attributeName, value: nil, valueRange: nil))
                    continue
                }
                i = lookahead + 1
                while i < bytes.count, isSpace(bytes[i]) { i += 1 }
                guard i < bytes.count else { return nil }
                let valueStart = i
                let raw: ArraySlice<UInt8>
                if bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                    let quote = bytes[i]
                    guard let close = bytes[(i + 1)...].firstIndex(of: quote) else { return nil }
                    raw = bytes[(i + 1)..<close]
                    i = close + 1
                } else {
                    while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
                    raw = bytes[valueStart..<i]
                }
                attributes.append(Attribute(name: attributeName, value: decodeEntities(String(decoding: raw, as: UTF8.self)),
                                            valueRange: valueStart..<i))
            }
            return Tag(name: name, attributes: attributes, start: start, end: i + 1, selfClosing: selfClosing)
        }

        /// Decodes the character references an attribute value may hold: `&amp;`, `&quot;`, `&#39;`, `&#x2F;` ….
        static func decodeEntities(_ text: String) -> String {
            guard text.contains("&") else { return text }
            let named: [Substring: String] = ["amp": "&", "quot": "\"", "apos": "'", "lt": "<", "gt": ">", "nbsp": "\u{A0}"]
            var out = ""
            var rest = Substring(text)
            while let amp = rest.firstIndex(of: "&") {
                out += rest[..<amp]
                let after = rest[rest.index(after: amp)...]
                if let semicolon = after.prefix(10).firstIndex(of: ";") {
                    let name = after[..<semicolon]
                    var decoded: String?
                    if let value = named[name] {
                        decoded = value
                    } else if name.hasPrefix("#x") || name.hasPrefix("#X") {
                        decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                    } else if name.hasPrefix("#") {
                        decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                    }
                    if let decoded {
                        out += decoded
                        rest = after[after.index(after: semicolon)...]
                        continue
                    }
                }
                out += "&"
                rest = after
            }
            out += rest
            return out
        }
    }
}
