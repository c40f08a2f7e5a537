/// "Did you mean …?" for misspelt keys, variables, ids and paths.
enum Suggestion {
    /// The candidate nearest `word` (ignoring case), if it is near enough to be a misspelling: at
    /// most max(2, a third of the word's length) edits away. Ties go to the first in sort order.
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let limit = max(2, word.count / 3)
        let target = Array(word.lowercased().unicodeScalars)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let bound = best?.distance ?? limit
            let scalars = Array(candidate.lowercased().unicodeScalars)
            guard abs(scalars.count - target.count) <= bound,
                  let distance = editDistance(target, scalars, atMost: bound) else { continue }
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.candidate) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// The candidate path nearest `path` (ignoring case), if it is near enough to be a misspelling.
    /// The file name and its folder are measured apart, each at most a third of its own length
    /// away (at least one edit; a folder of none when `path` names none), so a name that only
    /// shares a long folder with another, 'news/missing.md' and 'news/issue-01.md', gives no hint.
    /// Ties go to the fewest edits in all, then to the first in sort order.
    static func nearestPath(to path: String, in candidates: [String]) -> String? {
        let target = PathParts(path)
        let folderLimit = target.folder.isEmpty ? 0 : max(1, target.folder.count / 3)
        let nameLimit = max(1, target.name.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let parts = PathParts(candidate)
            guard let folder = lowercasedDistance(target.folder, parts.folder, atMost: folderLimit),
                  let name = lowercasedDistance(target.name, parts.name, atMost: nameLimit) else { continue }
            let distance = folder + name
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.candidate) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// A path's folder and its last segment; a trailing slash (a folder link, 'reports/') stays with the segment.
    private struct PathParts {
        var folder: Substring
        var name: Substring

        init(_ path: String) {
            let body = path.hasSuffix("/") ? path.dropLast() : Substring(path)
            if let slash = body.lastIndex(of: "/") {
                folder = path[..<slash]
                name = path[path.index(after: slash)...]
            } else {
                folder = ""
                name = Substring(path)
            }
        }
    }

    private static func lowercasedDistance(_ a: Substring, _ b: Substring, atMost bound: Int) -> Int? {
        if a == b { return 0 }
        let a = Array(a.lowercased().unicodeScalars), b = Array(b.lowercased().unicodeScalars)
        guard abs(a.count - b.count) <= bound else { return nil }
        return editDistance(a, b, atMost: bound)
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        return editDistance(a, b, atMost: max(a.count, b.count)) ?? max(a.count, b.count)
    }

    /// Levenshtein distance, or nil as soon as it must exceed `bound` (every entry of a row is
    /// above it), so that far candidates cost little.
    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost bound: Int) -> Int? {
        // What both share at the start and at the end costs nothing: paths in one folder share most.
        var start = 0
        while start < a.count, start < b.count, a[start] == b[start] { start += 1 }
        var endA = a.count, endB = b.count
        while endA > start, endB > start, a[endA - 1] == b[endB - 1] { endA -= 1; endB -= 1 }
        return trimmedDistance(Array(a[start..<endA]), Array(b[start..<endB]), atMost: bound)
    }

    private static func trimmedDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost bound: Int) -> Int? {
        if a.isEmpty { return b.count <= bound ? b.count : nil }
        if b.isEmpty { return a.count <= bound ? a.count : nil }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var smallest = i
            for j in 1...b.count {
                let value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                current[j] = value
                smallest = min(smallest, value)
            }
            if smallest > bound { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= bound ? previous[b.count] : nil
    }
}
