import Foundation

/// Reads the well-formed XML parts of a .docx (core.xml, document.xml) as a stream of start tags,
/// end tags and text, with names and attribute names without their namespace prefix (`w:val` is
/// `val`). Not FoundationXML: its XMLParser links libxml2 and ICU as shared libraries, and the
/// release binary may need none but the C library's. Word writes no DTDs; comments, processing
/// instructions and CDATA are handled, entities are the five of XML and character references.
enum XMLScanner {
    enum Event: Equatable {
        case start(name: String, attributes: [String: String])
        case end(name: String)
        case text(String)
    }

    static func scan(_ data: Data, _ handle: (Event) -> Void) {
        let bytes = [UInt8](data)
        var index = 0
        var text: [UInt8] = []
        func flushText() {
            if !text.isEmpty { handle(.text(decodeEntities(String(decoding: text, as: UTF8.self)))) }
            text.removeAll(keepingCapacity: true)
        }
        func starts(with prefix: String, at position: Int) -> Bool {
            let utf8 = Array(prefix.utf8)
            return position + utf8.count <= bytes.count && Array(bytes[position..<position + utf8.count]) == utf8
        }
        func skip(past terminator: String, from position: Int) -> Int {
            let utf8 = Array(terminator.utf8)
            var at = position
            while at + utf8.count <= bytes.count {
                if bytes[at] == utf8[0] && Array(bytes[at..<at + utf8.count]) == utf8 { return at + utf8.count }
                at += 1
            }
            return bytes.count
        }
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "<") else {
                text.append(byte)
                index += 1
                continue
            }
            if starts(with: "<!--", at: index) { flushText(); index = skip(past: "-->", from: index + 4); continue }
            if starts(with: "<?", at: index) { flushText(); index = skip(past: "?>", from: index + 2); continue }
            if starts(with: "<![CDATA[", at: index) {
                let end = skip(past: "]]>", from: index + 9)
                text += bytes[(index + 9)..<max(index + 9, end - 3)]
                // CDATA is literal: decode what came before it now, keep its bytes as they are.
                index = end
                continue
            }
            if starts(with: "<!", at: index) { flushText(); index = skip(past: ">", from: index + 2); continue }
            flushText()
            let close = skip(past: ">", from: index + 1)
            let inner = String(decoding: bytes[(index + 1)..<max(index + 1, close - 1)], as: UTF8.self)
            index = close
            if inner.hasPrefix("/") {
                handle(.end(name: localName(String(inner.dropFirst()).trimmingCharacters(in: .whitespacesAndNewlines))))
                continue
            }
            let selfClosing = inner.hasSuffix("/")
            let body = selfClosing ? String(inner.dropLast()) : inner
            let (name, attributes) = parseTag(body)
            handle(.start(name: name, attributes: attributes))
            if selfClosing { handle(.end(name: name)) }
        }
        flushText()
    }

    private static func localName(_ qualified: String) -> String {
        qualified.split(separator: ":", maxSplits: 1).last.map(String.init) ?? qualified
    }

    private static func parseTag(_ body: String) -> (String, [String: String]) {
        let scalars = Array(body.unicodeScalars)
        var position = 0
        func skipSpace() { while position < scalars.count, CharacterSet.whitespacesAndNewlines.contains(scalars[position]) { position += 1 } }
        func word() -> String {
            var out = String.UnicodeScalarView()
            while position < scalars.count, !CharacterSet.whitespacesAndNewlines.contains(scalars[position]), scalars[position] != "=" {
                out.append(scalars[position]); position += 1
            }
            return String(out)
        }
        let name = localName(word())
        var attributes: [String: String] = [:]
        while true {
            skipSpace()
            guard position < scalars.count else { break }
            let key = word()
            skipSpace()
            guard position < scalars.count, scalars[position] == "=" else { if key.isEmpty { position += 1 }; continue }
            position += 1
            skipSpace()
            guard position < scalars.count, scalars[position] == "\"" || scalars[position] == "'" else { continue }
            let quote = scalars[position]
            position += 1
            var value = String.UnicodeScalarView()
            while position < scalars.count, scalars[position] != quote { value.append(scalars[position]); position += 1 }
            position += 1
            if !key.isEmpty, !key.hasPrefix("xmlns") { attributes[localName(key)] = decodeEntities(String(value)) }
        }
        return (name, attributes)
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semicolon) <= 10 else {
                out += "&"; rest = rest[rest.index(after: amp)...]; continue
            }
            let entity = rest[rest.index(after: amp)..<semicolon]
            var replacement: String?
            switch entity {
            case "amp": replacement = "&"
            case "lt": replacement = "<"
            case "gt": replacement = ">"
            case "quot": replacement = "\""
            case "apos": replacement = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    replacement = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if entity.hasPrefix("#") {
                    replacement = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                }
            }
            if let replacement {
                out += replacement
                rest = rest[rest.index(after: semicolon)...]
            } else {
                out += "&"; rest = rest[rest.index(after: amp)...]
            }
        }
        return out + rest
    }
}
