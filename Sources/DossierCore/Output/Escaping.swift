/// Escaping for text placed in markup: the SVG charts, feeds and sitemap (XML), and HTML that
/// Dossier writes itself (tables, captions, emails). One implementation for all of them.
enum XML {
    static func escape(_ text: String, attribute: Bool = false, apostrophe: Bool = false) -> String {
        // Most text (numbers, coordinates, plain words) needs nothing: check the bytes first.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF }) {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where apostrophe: out += "&#39;"
            case "\n", "\r", "\t": out += attribute ? " " : String(scalar)
            default:
                // Characters XML 1.0 forbids (controls, lone surrogates cannot occur, U+FFFE/F) are dropped.
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

enum HTML {
    /// Text or an attribute value in HTML: XML's escaping, quotes included, plus the apostrophe.
    static func escape(_ text: String) -> String { XML.escape(text, attribute: true, apostrophe: true) }
}

enum CSSString {
    /// Text for the inside of a double-quoted CSS string. Everything but ASCII letters, digits and
    /// spaces becomes a `\HEX ` escape, so the result holds no quote, backslash, `<` or `&` and
    /// reads the same whether or not HTML escaping is applied around it.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar == " " || (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
                out.unicodeScalars.append(scalar)
            } else if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\20 "   // a control character in a title would end the string: a space instead
            } else {
                out += "\\" + String(scalar.value, radix: 16) + " "
            }
        }
        return out
    }
}
