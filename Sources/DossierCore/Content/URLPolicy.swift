/// Which URLs may reach a page from content or configuration: http, https, mailto, and relative
/// links (paths, fragments, queries). Anything else, `javascript:` above all, is refused however it
/// is disguised: browsers ignore tabs and newlines inside a URL and spaces and control characters
/// around it, and read character references (`&#58;`) in attributes, so the scheme is found as a
/// browser would find it.
enum URLPolicy {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]
    static let allowed = "only http, https and mailto links, or relative ones, are allowed"
    /// The marker a `DecodingError.dataCorrupted` carries for a refused URL (see `NumberLimits.marker`).
    static let marker = "refused URL: "

    /// The scheme the browser would see (lowercased), nil for a relative URL.
    static func scheme(of text: String) -> String? {
        let visible = decodeReferences(String(text.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }))
        let trimmed = visible.unicodeScalars.drop { $0.value <= 0x20 }
        var scheme = ""
        for scalar in trimmed {
            if scalar == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            if scalar == "/" || scalar == "?" || scalar == "#" { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// Why the URL is refused, or nil when it may be used.
    static func problem(_ text: String) -> String? {
        guard let scheme = scheme(of: text) else {
            if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                return "holds a control character"
            }
            return nil
        }
        return allowedSchemes.contains(scheme) ? nil : "uses the scheme '\(scheme):'; \(allowed)"
    }

    /// Character references an attribute value would be read with: `&#106;`, `&#x6A;`, `&colon;`.
    private static func decodeReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            let body = after.prefix { $0 != ";" && $0 != "&" && !$0.isWhitespace }.prefix(12)
            var consumed = body.endIndex
            let decoded: Character?
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                decoded = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map(Character.init)
            } else if body.hasPrefix("#") {
                decoded = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map(Character.init)
            } else {
                decoded = namedReferences[body.lowercased()]
            }
            if let decoded {
                result.append(decoded)
                if consumed < after.endIndex, after[consumed] == ";" { consumed = after.index(after: consumed) }
                rest = after[consumed...]
            } else {
                result.append("&")
                rest = after
            }
        }
        return result + rest
    }

    private static let namedReferences: [String: Character] = [
        "colon": ":", "tab": "\t", "newline": "\n", "sol": "/", "num": "#", "quest": "?", "amp": "&",
    ]

    /// Keys whose text is a URL wherever they appear in YAML: `link:`, `url:`, `source:`…
    static func isURLKey(_ key: String) -> Bool {
        urlKeys.contains(key) || key.hasSuffix("_url") || key.hasSuffix("_link")
    }

    private static let urlKeys: Set<String> = ["link", "url", "href", "source", "supersede", "superseded_by", "base_url"]

    /// `base_url` is written into attributes and feeds: besides its scheme, no quotes, backslashes or
    /// angle brackets (its form is checked by `Validator`).
    static func baseURLProblem(_ text: String) -> String? {
        if let problem = problem(text) { return problem }
        if text.contains(where: { "\"'<>`\\".contains($0) }) {
            return "may not hold quotes, backslashes or angle brackets"
        }
        return nil
    }
}
