/// URL-safe names for pages, tags and heading anchors.
enum Slug {
    /// Lower-case letters and digits, every other run of characters turned into one `-`.
    static func make(from text: String) -> String {
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
