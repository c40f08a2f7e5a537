/// Writes text into a UTF-8 byte buffer, HTML-escaped as swift-mustache 2.1.1 escapes it: `<`
/// `&lt;`, `>` `&gt;`, `&` `&amp;`, `"` `&quot;`, `'` `&#39;`, and nothing else.
///
/// swift-mustache compares whole characters (grapheme clusters), so a `<` that a combining mark
/// follows (or a prepended mark precedes) is part of a larger character and is left as it is; so
/// it is here. Runs without any of the five bytes are copied whole.
enum HTMLEscaping {
    static func append(_ text: String, escaped: Bool, to output: inout [UInt8]) {
        if !escaped {
            appendUTF8(text, to: &output)
            return
        }
        var text = text
        text.withUTF8 { bytes in appendEscaped(bytes, to: &output) }
    }

    static func appendUTF8(_ text: String, to output: inout [UInt8]) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ output.append(contentsOf: $0) }) {
            return done
        }
        output.append(contentsOf: text.utf8)
    }

    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            // All five are between '"' (0x22) and '>' (0x3E).
            guard byte &- 0x22 <= 0x1C, let entity = entity(for: byte) else {
                index += 1
                continue
            }
            let nextIsASCII = index + 1 == count || bytes[index + 1] < 0x80
            let previousIsASCII = index == 0 || bytes[index - 1] < 0x80
            if !(nextIsASCII && previousIsASCII) && !isWholeCharacter(bytes, at: index) {
                index += 1
                continue
            }
            if runStart < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            output.append(contentsOf: entity)
            index += 1
            runStart = index
        }
        if runStart < count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count])) }
    }

    private static let lessThan = Array("&lt;".utf8)
    private static let greaterThan = Array("&gt;".utf8)
    private static let ampersand = Array("&amp;".utf8)
    private static let quote = Array("&quot;".utf8)
    private static let apostrophe = Array("&#39;".utf8)

    @inline(__always)
    private static func entity(for byte: UInt8) -> [UInt8]? {
        switch byte {
        case UInt8(ascii: "<"): lessThan
        case UInt8(ascii: ">"): greaterThan
        case UInt8(ascii: "&"): ampersand
        case UInt8(ascii: "\""): quote
        case UInt8(ascii: "'"): apostrophe
        default: nil
        }
    }

    /// Whether the ASCII byte at `index` is a character by itself, not joined to the scalar
    /// before it (a prepended mark) or after it (a combining mark, a joiner, a spacing mark).
    /// Whether there is a grapheme break on either side depends only on the neighbouring scalars,
    /// so Swift's own segmentation of those three scalars decides it.
    private static func isWholeCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var start = index
        if start > 0 {
            start -= 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        }
        var end = index + 1
        if end < bytes.count {
            end += 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        }
        let window = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        var offset = start
        for character in window {
            let length = character.utf8.count
            if offset <= index, index < offset + length { return length == 1 }
            offset += length
        }
        return true
    }
}

extension TemplateValue {
    /// The value as a variable renders it, as swift-mustache 2.1.1 formats it (`String(describing:)`):
    /// `42`, `-7`, `1.5`, `1e-05`, `true`. `.null` is nothing; so are lists and objects, which
    /// swift-mustache would print as Swift's debug description of its containers.
    func appendText(escaped: Bool, to output: inout [UInt8]) {
        switch self {
        case let .string(text): HTMLEscaping.append(text, escaped: escaped, to: &output)
        case let .int(number): HTMLEscaping.appendUTF8(number.description, to: &output)
        case let .double(number): HTMLEscaping.append(number.description, escaped: escaped, to: &output)
        case let .bool(flag): HTMLEscaping.appendUTF8(flag ? "true" : "false", to: &output)
        case .null, .list, .object: break
        }
    }

    /// Whether `appendText` writes anything.
    var rendersText: Bool {
        switch self {
        case let .string(text): !text.isEmpty
        case .int, .double, .bool: true
        case .null, .list, .object: false
        }
    }
}
