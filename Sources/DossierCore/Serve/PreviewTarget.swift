/// A request target (`/ict/reports/q3%20review/?last-good`) taken apart, percent-decoded once and
/// checked: a path that could climb out of the site, or hide something from the checks, is refused
/// rather than normalised, so that what is served is always a snapshot path spelt plainly.
struct PreviewTarget: Sendable, Equatable {
    /// The path as the client sent it, still percent-encoded, for redirects.
    var rawPath: String
    /// The decoded path, starting with `/`.
    var path: String
    /// The query as sent, without its `?`, for redirects.
    var rawQuery: String
    /// The query's items, decoded (`?last-good` is `["last-good": ""]`); the first of a repeated name.
    var query: [String: String]

    enum Refusal: Error, Equatable {
        /// Not a path (`*`, `http://…`), a broken `%` escape, or bytes that are not UTF-8.
        case malformed
        /// A `.` or `..` segment, a backslash or a NUL, as sent or once decoded.
        case unsafe
    }

    static func parse(_ target: String) -> Result<PreviewTarget, Refusal> {
        let (rawPath, rawQuery) = split(target)
        guard rawPath.hasPrefix("/") else { return .failure(.malformed) }
        guard let path = decode(rawPath, plusIsSpace: false) else { return .failure(.malformed) }
        guard isSafe(path) else { return .failure(.unsafe) }
        var query: [String: String] = [:]
        for item in rawQuery.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(String(parts[0]), plusIsSpace: true),
                  let value = decode(parts.count > 1 ? String(parts[1]) : "", plusIsSpace: true) else {
                return .failure(.malformed)
            }
            if query[name] == nil { query[name] = value }
        }
        return .success(PreviewTarget(rawPath: rawPath, path: path, rawQuery: rawQuery, query: query))
    }

    /// The path and the query (without its `?`); a fragment is never sent, but is dropped if it is.
    private static func split(_ target: String) -> (String, String) {
        let withoutFragment = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let parts = withoutFragment.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return (String(parts.first ?? ""), parts.count > 1 ? String(parts[1]) : "")
    }

    /// No `.` or `..` segment, no backslash (a separator to some file systems) and no NUL.
    static func isSafe(_ path: String) -> Bool {
        if path.utf8.contains(where: { $0 == 0x5C || $0 == 0 }) { return false }
        return !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == "." || $0 == ".." }
    }

    /// Percent-decoding, once; nil for a broken escape or bytes that are not UTF-8.
    static func decode(_ text: String, plusIsSpace: Bool) -> String? {
        guard text.utf8.contains(where: { $0 == 0x25 || (plusIsSpace && $0 == 0x2B) }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == 0x25 {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            } else if plusIsSpace && byte == 0x2B {
                bytes.append(0x20)
            } else {
                bytes.append(byte)
            }
        }
        let decoded = String(decoding: bytes, as: UTF8.self)
        return decoded.utf8.elementsEqual(bytes) ? decoded : nil // invalid UTF-8 came back as U+FFFD
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
