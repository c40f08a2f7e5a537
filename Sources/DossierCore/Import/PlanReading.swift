import Foundation

/// An improvement plan's shape: headings "Objective 1 …" (or "Improvement Objective No. 1 …") open
/// objectives; paragraphs "1.1 …" under them are actions, and a bullet list after an action its points.
enum PlanReading {
    static func read(_ blocks: [PandocBlock], warnings: inout ImportWarnings) -> KindReading {
        var reading = KindReading()
        var objectives: [(number: Int, title: String, outcomes: [String], actions: [(id: String, text: String, points: [String])])] = []
        var seen = Set<String>()
        for (index, block) in blocks.enumerated() {
            switch block {
            case let .header(_, inlines):
                let text = PandocText.collapse(PandocText.plain(inlines))
                guard let match = text.range(of: #"(?i)^(improvement\s+)?objective\s*(no\.?\s*)?\d+"#, options: .regularExpression),
                      let number = Int(text[match].filter(\.isNumber)) else { continue }
                let title = text[match.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: " :.–-"))
                objectives.append((number, title.isEmpty ? "Objective \(number)" : title, [], []))
                reading.consumed.insert(index)
            case let .para(inlines), let .plain(inlines):
                guard !objectives.isEmpty else { continue }
                let text = PandocText.collapse(PandocText.plain(inlines))
                if let match = text.range(of: #"^\d+\.\d+\b"#, options: .regularExpression) {
                    let id = String(text[match])
                    let words = text[match.upperBound...].trimmingCharacters(in: .whitespaces)
                    guard !words.isEmpty, seen.insert(id).inserted else {
                        warnings.add("paragraph starting '\(id)'", "action \(id) is given twice; the second is left in the body")
                        continue
                    }
                    objectives[objectives.count - 1].actions.append((id, words, []))
                    reading.consumed.insert(index)
                } else if text.lowercased().hasPrefix("outcomes") {
                    let outcomes = text.drop { $0 != ":" && $0 != " " }.dropFirst().trimmingCharacters(in: .whitespaces)
                    objectives[objectives.count - 1].outcomes.append(outcomes)
                    reading.consumed.insert(index)
                }
            case let .bulletList(items):
                guard let last = objectives.last, !last.actions.isEmpty,
                      reading.consumed.contains(index - 1) else { continue }
                let points = items.map { PandocText.collapse($0.map(PandocText.plain).joined(separator: " ")) }
                objectives[objectives.count - 1].actions[last.actions.count - 1].points += points
                reading.consumed.insert(index)
            default: continue
            }
        }
        guard !objectives.isEmpty else {
            warnings.add(nil, "no headings 'Objective 1 …' were found; the plan has no objectives yet")
            return reading
        }
        reading.lines.append("# objectives: guessed from the headings 'Objective N' and the paragraphs numbered N.N under them; confirm")
        reading.lines.append("objectives:")
        for objective in objectives {
            reading.lines.append("  - number: \(objective.number)")
            reading.lines.append("    title: \(KindReading.yaml(objective.title))")
            if !objective.outcomes.isEmpty {
                reading.lines.append("    outcomes:")
                reading.lines += objective.outcomes.map { "      - \(KindReading.yaml($0))" }
            }
            if objective.actions.isEmpty { continue }
            reading.lines.append("    actions:")
            for action in objective.actions {
                reading.lines.append("      - id: \"\(action.id)\"")
                reading.lines.append("        text: \(KindReading.yaml(action.text))")
                if let due = KindReading.day(in: action.text) {
                    reading.lines.append("        # due: \(String(due.iso.prefix(7)))  # a month named in the text: uncomment if it is the due date")
                }
                if !action.points.isEmpty {
                    reading.lines.append("        points:")
                    reading.lines += action.points.map { "          - \(KindReading.yaml($0))" }
                }
            }
        }
        return reading
    }
}
