import Foundation

/// A committee report's shape: "Report of …", "Report to …", "Date: …" and "Subject: …" lines at
/// its head, the yes/no declarations table, and the list under "Recommendations".
enum CommitteeReading {
    private static let declarations: [(key: String, words: [String])] = [
        ("wards_affected", ["ward"]),
        ("equality_implications", ["equality", "diversity"]),
        ("eligible_for_call_in", ["call-in", "call in"]),
        ("confidential", ["confidential", "exempt"]),
    ]

    static func read(_ blocks: [PandocBlock], warnings: inout ImportWarnings) -> KindReading {
        var reading = KindReading()
        var found: [String: Bool] = [:]
        var underRecommendations = false
        var recommendations: [String] = []
        for (index, block) in blocks.enumerated() {
            switch block {
            case let .para(inlines), let .plain(inlines):
                let text = PandocText.collapse(PandocText.plain(inlines))
                let lower = text.lowercased()
                for (prefix, key) in [("report of ", "report_of"), ("report to ", "report_to"), ("subject:", "subject")]
                where lower.hasPrefix(prefix) && !reading.lines.contains(where: { $0.hasPrefix(key + ":") }) {
                    let value = text.dropFirst(prefix.count).trimmingCharacters(in: CharacterSet(charactersIn: " :"))
                    reading.lines.append("\(key): \(KindReading.yaml(value))  # from '\(text)'")
                    reading.consumed.insert(index)
                }
                if lower.hasPrefix("date"), reading.date == nil, let day = KindReading.day(in: text) {
                    reading.date = day
                    reading.lines.append("meeting: \(day.iso)  # from '\(text)'")
                    reading.consumed.insert(index)
                }
                underRecommendations = false
            case let .header(_, inlines):
                underRecommendations = recommendations.isEmpty
                    && PandocText.plain(inlines).lowercased().contains("recommendation")
                if underRecommendations { reading.consumed.insert(index) }
            case let .orderedList(_, items), let .bulletList(items):
                if underRecommendations {
                    recommendations = items.map { PandocText.collapse($0.map(PandocText.plain).joined(separator: " ")) }
                    reading.consumed.insert(index)
                    underRecommendations = false
                }
            case let .table(table):
                underRecommendations = false
                let rows = (table.headRows + table.bodyRows).map { $0.map(PandocText.cell) }
                var answered = 0
                for row in rows where row.count >= 2 {
                    let question = row[0].lowercased()
                    guard let key = declarations.first(where: { $0.words.contains(where: question.contains) })?.key,
                          let answer = answer(row.dropFirst().joined(separator: " ")) else { continue }
                    found[key] = answer
                    answered += 1
                }
                if answered == rows.count, answered > 0 { reading.consumed.insert(index) }
            default: underRecommendations = false
            }
        }
        if reading.consumed.isEmpty && found.isEmpty {
            warnings.add(nil, "no 'Report of', 'Report to', declarations or recommendations were found")
        }
        if !found.isEmpty {
            reading.lines.append("declarations:  # guessed from the yes/no table at the head of the report: confirm")
            for (key, _) in declarations { if let value = found[key] { reading.lines.append("  \(key): \(value)") } }
        }
        if !recommendations.isEmpty {
            reading.lines.append("recommendations:  # the list under 'Recommendations'")
            reading.lines += recommendations.map { "  - \(KindReading.yaml($0))" }
        }
        return reading
    }

    /// "No", "Yes", or a ticked box: "☐ Yes ☒ No".
    private static func answer(_ text: String) -> Bool? {
        let lower = text.lowercased()
        for box in ["☒", "☑", "■", "x"] {
            if let range = lower.range(of: box + " ") {
                let after = lower[range.upperBound...]
                if after.hasPrefix("yes") { return true }
                if after.hasPrefix("no") { return false }
            }
        }
        let words = lower.split(whereSeparator: { !$0.isLetter })
        if words == ["yes"] { return true }
        if words == ["no"] { return false }
        return nil
    }
}
