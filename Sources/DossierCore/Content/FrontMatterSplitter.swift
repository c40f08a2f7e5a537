/// A Markdown file cut into its YAML front matter and its body, with the line where each starts.
struct SplitDocument: Equatable {
    /// The YAML between the fences, or nil when the file has no front matter.
    var frontMatter: String?
    var body: String
    /// The file's line number of the body's first line (1 when there is no front matter).
    var bodyFirstLine: Int
}

/// Finds the front-matter fences with a line scanner: a first line of `---`, up to the next line of
/// `---` (or `...`). Handles a byte-order mark, CRLF line ends and `---` later in the body.
/// Works on bytes: in Swift "\r\n" is one Character, which a Character scan would miss.
enum FrontMatterSplitter {
    enum Failure: Error, Equatable {
        /// The opening fence has no closing fence.
        case unclosed
    }

    static func split(_ text: String) -> Result<SplitDocument, Failure> {
        // A native string keeps its UTF-8 in one buffer: scan it there rather than copy it.
        text.utf8.withContiguousStorageIfAvailable { split(bytes: $0) } ?? split(bytes: Array(text.utf8))
    }

    static func split<Bytes: RandomAccessCollection<UInt8>>(bytes: Bytes) -> Result<SplitDocument, Failure>
    where Bytes.Index == Int {
        var start = bytes.startIndex
        if bytes.count >= 3, bytes[start] == 0xEF, bytes[start + 1] == 0xBB, bytes[start + 2] == 0xBF { start += 3 }
        let end = bytes.endIndex
        func string(_ from: Int, _ to: Int) -> String { String(decoding: bytes[from..<to], as: UTF8.self) }
        func lineEnd(from index: Int) -> Int { bytes[index..<end].firstIndex(of: 0x0A) ?? end }
        func next(after lineEnd: Int) -> Int { lineEnd < end ? lineEnd + 1 : end }

        let firstEnd = lineEnd(from: start)
        guard isMarker(bytes[start..<firstEnd], "---") else {
            return .success(SplitDocument(frontMatter: nil, body: string(start, end), bodyFirstLine: 1))
        }
        let yamlStart = next(after: firstEnd)
        var lineStart = yamlStart
        var line = 2
        while lineStart < end {
            let thisEnd = lineEnd(from: lineStart)
            let text = bytes[lineStart..<thisEnd]
            if isMarker(text, "---") || isMarker(text, "...") {
                return .success(SplitDocument(frontMatter: string(yamlStart, lineStart),
                                              body: string(next(after: thisEnd), end), bodyFirstLine: line + 1))
            }
            line += 1
            lineStart = next(after: thisEnd)
        }
        return .failure(.unclosed)
    }

    /// A line holding exactly `marker`, allowing trailing spaces, tabs and a carriage return.
    private static func isMarker<Line: BidirectionalCollection<UInt8>>(_ line: Line, _ marker: StaticString) -> Bool {
        var end = line.endIndex
        while end > line.startIndex {
            let last = line[line.index(before: end)]
            guard last == 0x0D || last == 0x20 || last == 0x09 else { break }
            end = line.index(before: end)
        }
        return line[..<end].elementsEqual(UnsafeBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount))
    }
}
