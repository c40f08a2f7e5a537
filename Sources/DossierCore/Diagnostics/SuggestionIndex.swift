import Synchronization

/// "Did you mean …?" among many candidate paths (every page and asset of a large site), at a cost that
/// does not grow with the site: a misspelling keeps either its start or its end, so only the
/// candidates nearest the word in sorted order, and nearest its reversal in reverse-sorted order,
/// are measured. Sorted once, when the first suggestion is asked for: a clean build never pays.
final class SuggestionIndex: Sendable {
    /// How many neighbours on each side, in each order, are measured.
    static let neighbours = 12

    private let candidates: @Sendable () -> [String]
    private let orders = Mutex<Orders?>(nil)

    private struct Orders {
        var forward: [String]
        /// Each candidate reversed, sorted, with the candidate itself.
        var backward: [(reversed: String, word: String)]
    }

    init(_ candidates: @escaping @Sendable () -> [String]) {
        self.candidates = candidates
    }

    func nearest(to word: String) -> String? {
        let orders = self.orders.withLock { orders in
            if let orders { return orders }
            let words = candidates().sorted()
            let made = Orders(forward: words, backward: words.map { (String($0.reversed()), $0) }.sorted { $0.reversed < $1.reversed })
            orders = made
            return made
        }
        guard orders.forward.count > 4 * Self.neighbours else { return Suggestion.nearestPath(to: word, in: orders.forward) }
        var picked = Self.around(Self.insertionPoint(of: word, in: orders.forward, \.self), orders.forward.count)
            .map { orders.forward[$0] }
        let reversed = String(word.reversed())
        picked += Self.around(Self.insertionPoint(of: reversed, in: orders.backward, \.reversed), orders.backward.count)
            .map { orders.backward[$0].word }
        return Suggestion.nearestPath(to: word, in: picked)
    }

    private static func around(_ point: Int, _ count: Int) -> Range<Int> {
        max(0, point - neighbours)..<min(count, point + neighbours)
    }

    private static func insertionPoint<Element>(of word: String, in sorted: [Element], _ key: (Element) -> String) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if key(sorted[middle]) < word { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
