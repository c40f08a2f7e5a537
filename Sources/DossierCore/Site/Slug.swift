/// URL-safe names for pages, tags and heading anchors.
enum Slug {
    /// Lower-case letters and digits, every other run of characters turned into one `-`.
    static func make(from text: String) -> String {
        if let ascii = makeASCII(text) { return ascii }
        var slug = ""
        var pendingDash = false
        for character in text.lowercased() {
            if isWordCharacter(character) {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                slug.append(character)
                pendingDash = false
            } else if character != "'" && character != "’" {
                pendingDash = true
            }
        }
        return slug
    }

    /// The same for ASCII text, byte by byte; nil when the text is not all ASCII.
    private static func makeASCII(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            let lower = (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                if pendingDash && !bytes.isEmpty { bytes.append(0x2D) }
                bytes.append(lower)
                pendingDash = false
            } else if byte != 0x27 {
                pendingDash = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ASCII first: Unicode property look-ups are costly and most text is ASCII.
    private static func isWordCharacter(_ character: Character) -> Bool {
        if let ascii = character.asciiValue {
            return (ascii >= 0x61 && ascii <= 0x7A) || (ascii >= 0x30 && ascii <= 0x39) || (ascii >= 0x41 && ascii <= 0x5A)
        }
        return character.isLetter || character.isNumber
    }

    /// A single path segment that cannot climb out of, or hide inside, the output folder.
    static func isSafeSegment(_ segment: String) -> Bool {
        guard let first = segment.first, first != ".", first != "-" else { return false }
        return segment.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
    }
}
