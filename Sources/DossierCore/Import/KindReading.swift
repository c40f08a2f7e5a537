import Foundation
import Yams

/// What `--kind` found in a document's shape: YAML lines for the typed keys (each guess with a
/// comment saying where it came from), and the top-level blocks moved out of the body into them.
struct KindReading {
    var lines: [String] = []
    var consumed: Set<Int> = []
    /// Set when the reading has a value for `date` the properties lack (a committee's meeting).
    var date: Day?

    static let kinds = ["quarterly", "plan", "committee"]

    static func read(kind: String, blocks: [PandocBlock], title: String?, registry: [ImportedIndicator], date: Day?,
                     warnings: inout ImportWarnings) -> KindReading {
        switch kind {
        case "quarterly": return QuarterlyReading.read(blocks, title: title, registry: registry, date: date, warnings: &warnings)
        case "plan": return PlanReading.read(blocks, warnings: &warnings)
        default: return CommitteeReading.read(blocks, warnings: &warnings)
        }
    }

    static func yaml(_ text: String) -> String { Skeleton.scalar(text) }

    /// "6th February 2012", "6 February 2012", "February 2012" (the 1st), "2012-02-06".
    static func day(in text: String) -> Day? {
        if let match = text.range(of: #"\d{4}-\d{2}-\d{2}"#, options: .regularExpression), let day = Day(iso: String(text[match])) {
            return day
        }
        let months = Day.monthNames.map { $0.lowercased() }
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        for (index, word) in words.enumerated() {
            guard let month = months.firstIndex(where: { $0 == word || (word.count >= 3 && $0.hasPrefix(word)) }),
                  index + 1 < words.count, let year = Int(words[index + 1]), year > 1900, year < 2200 else { continue }
            var dayNumber = 1
            if index > 0 {
                let previous = words[index - 1].prefix { $0.isNumber }
                if let number = Int(previous), (1...31).contains(number) { dayNumber = number }
            }
            if let day = Day(year: year, month: month + 1, day: dayNumber) { return day }
        }
        return nil
    }

    /// The first number in a cell, without `%`, thousands commas or words: "92% (1684 faults)" → 92.
    static func number(in text: String) -> Double? {
        guard let range = text.range(of: #"-?\d[\d,]*(\.\d+)?"#, options: .regularExpression) else { return nil }
        return Double(text[range].replacingOccurrences(of: ",", with: ""))
    }

    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}

/// An indicator of the site's registry, as far as matching a row's name needs.
public struct ImportedIndicator: Sendable, Equatable {
    public let id: String
    public let name: String
    public let description: String?
    public let target: Double?

    /// The indicators of `content/indicators.yaml`, or none when it is missing or unreadable.
    static func registry(at url: URL) -> [ImportedIndicator] {
        guard let text = try? String(contentsOf: url, encoding: .utf8),
              let top = (try? Yams.load(yaml: text)) as? [String: Any],
              let entries = top["indicators"] as? [[String: Any]] else { return [] }
        return entries.compactMap { entry in
            guard let id = entry["id"] as? String, let name = entry["name"] as? String else { return nil }
            let target = (entry["target"] as? Double) ?? (entry["target"] as? Int).map(Double.init)
            return ImportedIndicator(id: id, name: name, description: entry["description"] as? String, target: target)
        }
    }

    /// The lower-case words of a name, for matching rows against indicators.
    static func words(_ text: String) -> Set<String> {
        let stop: Set<String> = ["the", "of", "and", "a", "an", "rating", "percentage", "%"]
        return Set(text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)).subtracting(stop)
    }

    /// The best-matching indicator for a row's name, if half of their words or more are shared.
    static func match(_ name: String, in registry: [ImportedIndicator]) -> ImportedIndicator? {
        let row = words(name)
        guard !row.isEmpty else { return nil }
        var best: (score: Double, indicator: ImportedIndicator)?
        for indicator in registry {
            let other = words(indicator.name).union(words(indicator.id.replacingOccurrences(of: "-", with: " ")))
            let score = Double(row.intersection(other).count) / Double(row.union(words(indicator.name)).count)
            if score >= 0.5, score > (best?.score ?? 0) { best = (score, indicator) }
        }
        return best?.indicator
    }
}
