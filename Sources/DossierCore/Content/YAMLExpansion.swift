import CYaml

/// What one YAML file may expand to through its aliases, checked on libyaml's events before Yams
/// builds the node tree. Aliases share their anchor's node, so a few kilobytes of aliases of
/// aliases stand for gigabytes of values: each expansion would be hashed when an alias is a
/// mapping key, decoded, and rendered. No report comes near these limits.
enum YAMLExpansion {
    /// Uses of aliases in one file.
    static let maximumAliases = 1_000
    /// Values (scalars, lists and mappings) that a file's aliases stand for, all together.
    static let maximumAliasedValues = 100_000
    /// Characters of text that a file's aliases stand for, all together.
    static let maximumAliasedBytes = 1_000_000
    /// Lists and mappings inside each other (Yams composes them recursively).
    static let maximumDepth = 200

    /// 100000 as "100,000".
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        return String(digits.enumerated().flatMap { index, digit in
            index > 0 && (digits.count - index) % 3 == 0 ? [",", digit] : [digit]
        })
    }

    enum Problem: Equatable {
        case expansion(message: String, line: Int, column: Int)
        case duplicateKey(String, line: Int, column: Int)
    }

    /// Whether the text could break a limit at all: only a file with an alias (`*name`) can
    /// expand, and only flow collections (`[[[`) or dashes (`- - -`) nest cheaply.
    static func needsScan(_ text: String) -> Bool {
        var hasStar = false, hasAmpersand = false, openings = 0
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "*"): hasStar = true
            case UInt8(ascii: "&"): hasAmpersand = true
            case UInt8(ascii: "["), UInt8(ascii: "{"): openings += 1
            case UInt8(ascii: "-") where previous == UInt8(ascii: " ") && beforePrevious == UInt8(ascii: "-"): openings += 1
            default: break
            }
            beforePrevious = previous
            previous = byte
        }
        return (hasStar && hasAmpersand) || openings > 32
    }

    /// The first limit the text breaks, or (with `findDuplicates`) the first plain key that
    /// repeats in its mapping; nil when neither. Syntax errors are left to Yams' own report.
    static func scan(_ text: String, findDuplicates: Bool = false) -> Problem? {
        var text = text
        return text.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var walk = Walk(findDuplicates: findDuplicates)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                if let problem = walk.take(event) { return problem }
            }
        }
    }

    private struct Size {
        var values = 0
        var bytes = 0
    }

    private struct Frame {
        var anchor: String?
        var size = Size(values: 1)
        var isMapping: Bool
        /// In a mapping, whether the next event is a key.
        var expectsKey = true
        var keys: Set<String> = []
    }

    private struct Walk {
        let findDuplicates: Bool
        var anchors: [String: (size: Size, line: Int, column: Int)] = [:]
        var stack: [Frame] = []
        var aliases = 0
        var aliased = Size()

        init(findDuplicates: Bool) { self.findDuplicates = findDuplicates }

        mutating func take(_ event: yaml_event_t) -> Problem? {
            let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let size = Size(values: 1, bytes: Int(scalar.length))
                if findDuplicates, let top = stack.last, top.isMapping, top.expectsKey,
                   scalar.style == YAML_PLAIN_SCALAR_STYLE || scalar.style == YAML_ANY_SCALAR_STYLE, scalar.tag == nil {
                    let key = String(cString: scalar.value)
                    if !stack[stack.count - 1].keys.insert(key).inserted { return .duplicateKey(key, line: line, column: column) }
                }
                record(Self.name(scalar.anchor), size, line, column)
                add(size)
            case YAML_ALIAS_EVENT:
                let name = Self.name(event.data.alias.anchor) ?? ""
                guard let anchor = anchors[name] else { return nil }
                aliases += 1
                aliased.values += anchor.size.values
                aliased.bytes += anchor.size.bytes
                if aliases > maximumAliases {
                    return .expansion(message: "more than \(grouped(maximumAliases)) aliases in one file", line: line, column: column)
                }
                if aliased.values > maximumAliasedValues || aliased.bytes > maximumAliasedBytes {
                    let limit = aliased.values > maximumAliasedValues ? "\(grouped(maximumAliasedValues)) values" : "\(grouped(maximumAliasedBytes)) characters"
                    return .expansion(message: "the aliases of anchor '&\(name)' expand this file to more than \(limit)",
                                      line: anchor.line, column: anchor.column)
                }
                add(anchor.size)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                if stack.count >= maximumDepth {
                    return .expansion(message: "lists and mappings nested more than \(maximumDepth) deep", line: line, column: column)
                }
                let anchor = Self.name(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                stack.append(Frame(anchor: anchor, isMapping: isMapping))
                if let anchor { anchors[anchor] = (Size(), line, column) } // placeholder until the end
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return nil }
                if let anchor = frame.anchor, let mark = anchors[anchor] { anchors[anchor] = (frame.size, mark.line, mark.column) }
                add(frame.size)
            default:
                break
            }
            return nil
        }

        private mutating func record(_ anchor: String?, _ size: Size, _ line: Int, _ column: Int) {
            if let anchor { anchors[anchor] = (size, line, column) }
        }

        /// Adds a finished value to the collection it is in.
        private mutating func add(_ size: Size) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].size.values += size.values
            stack[stack.count - 1].size.bytes += size.bytes
            if stack[stack.count - 1].isMapping { stack[stack.count - 1].expectsKey.toggle() }
        }

        private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }
}
