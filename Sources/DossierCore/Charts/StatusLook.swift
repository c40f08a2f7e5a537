/// The one status language: every status the site shows, with its words, its colour and pattern in
/// charts, its symbol and its tag colours. Charts (`Palette`), the stylesheet's `.status-*` tags
/// (`stylesheet`, copied into templates/assets/dossier.css and checked against it by a test),
/// tables and the email all take their status looks from here, so a status looks the same everywhere.
///
/// Mark colours have at least 3:1 contrast with white and differ in lightness as well as hue, so the
/// statuses shown together (the four verdicts against a target; the five states of work) stay apart
/// in greyscale; their patterns (no two of a set alike) and symbols keep them apart without colour
/// at all, as in forced colours, where every mark is drawn in one colour. Tag text has at
/// least 4.5:1 contrast with the tag's tint.
struct StatusLook: Sendable, Equatable {
    /// The key of the status in data and in class names: `status-met`.
    let key: String
    /// What people read: "Target met".
    let words: String
    /// Shown before the words in tags and in the email: "✓".
    let symbol: String
    /// Bars, segments and swatches in charts.
    let mark: MarkStyle
    /// The tag's text and symbol colour, and its background.
    let text: String
    let tint: String

    // Verdicts against a target (the seed's words: "Target exceeded", "Target just missed").
    static let exceeded = StatusLook(key: "exceeded", words: "Target exceeded", symbol: "▲",
                                     mark: MarkStyle(colour: "#00483a", pattern: .solid), text: "#00483a", tint: "#dcefe8")
    static let met = StatusLook(key: "met", words: "Target met", symbol: "✓",
                                mark: MarkStyle(colour: "#428a31", pattern: .horizontalLines), text: "#1f5c1a", tint: "#e3f1dc")
    static let near = StatusLook(key: "near", words: "Target just missed", symbol: "~",
                                 mark: MarkStyle(colour: "#bf8200", pattern: .dots), text: "#6b4400", tint: "#fcefd2")
    static let missed = StatusLook(key: "missed", words: "Target missed", symbol: "✗",
                                   mark: MarkStyle(colour: "#b8261a", pattern: .hatch), text: "#8f1d12", tint: "#fbe1dd")
    /// A result not given yet.
    static let noData = StatusLook(key: "no-data", words: "Not yet measured", symbol: "–",
                                   mark: MarkStyle(colour: "#6f777b", pattern: .lightHatch), text: "#505a5f", tint: "#ffffff")

    // The states of work: actions and review stages.
    static let complete = StatusLook(key: "complete", words: "Complete", symbol: "●",
                                     mark: MarkStyle(colour: "#0a2f6e", pattern: .solid), text: "#0a2f6e", tint: "#dde6f4")
    static let inHand = StatusLook(key: "in-hand", words: "In hand", symbol: "◐",
                                   mark: MarkStyle(colour: "#3a88c9", pattern: .dots), text: "#154f85", tint: "#e1edf8")
    static let notStarted = StatusLook(key: "not-started", words: "Not started", symbol: "○",
                                       mark: MarkStyle(colour: "#6f777b", pattern: .empty), text: "#505a5f", tint: "#ffffff")
    static let overdue = StatusLook(key: "overdue", words: "Overdue", symbol: "!",
                                    mark: MarkStyle(colour: "#8c1044", pattern: .crossHatch), text: "#7a0c3b", tint: "#f8dde8")
    static let deferred = StatusLook(key: "deferred", words: "Deferred", symbol: "‖",
                                     mark: MarkStyle(colour: "#7a5eb4", pattern: .verticalLines), text: "#4e3680", tint: "#ebe5f4")

    /// Every status, verdicts first, in the order the stylesheet lists them.
    static let all: [StatusLook] = [exceeded, met, near, missed, noData, complete, inHand, notStarted, overdue, deferred]

    static func of(_ status: IndicatorStatus) -> StatusLook {
        switch status {
        case .exceeded: return exceeded
        case .met: return met
        case .near: return near
        case .missed: return missed
        }
    }

    static func of(_ status: WorkStatus) -> StatusLook {
        switch status {
        case .notStarted: return notStarted
        case .inHand: return inHand
        case .complete: return complete
        case .overdue: return overdue
        case .deferred: return deferred
        }
    }

    /// The look of a status key, including the other names charts written by hand may use.
    static func named(_ key: String) -> StatusLook? {
        switch key.lowercased() {
        case "exceeded", "achieved": return exceeded
        case "met", "on-track", "hit": return met
        case "near", "at-risk", "just-missed": return near
        case "missed", "off-track": return missed
        case "no-data", "no-result": return noData
        case "complete", "completed", "done": return complete
        case "in-hand", "in-progress", "started": return inHand
        case "not-started", "planned": return notStarted
        case "overdue", "late": return overdue
        case "deferred", "on-hold", "cancelled": return deferred
        default: return nil
        }
    }

    /// True when a note says no more than a status does ("Target exceeded", "Target hit", "On
    /// target"): a table that shows the status as a tag leaves such a note out rather than say it twice.
    static func isStatusPhrase(_ note: String) -> Bool {
        let words = note.lowercased().filter { $0.isLetter || $0 == " " }.split(separator: " ").joined(separator: " ")
        if all.contains(where: { $0.words.lowercased() == words }) { return true }
        return ["target hit", "target achieved", "achieved", "on target", "target not met", "near target",
                "just missed", "target nearly met"].contains(words)
    }

    /// The tag's border echoes the chart pattern: solid for solid marks, dotted for dots, dashed for lines.
    var border: String {
        switch mark.pattern {
        case .solid, .horizontalLines: return "solid"
        case .dots, .lightHatch: return "dotted"
        case .hatch, .crossHatch, .verticalLines, .empty: return "dashed"
        }
    }

    /// The `.status-*` rules of the stylesheet, made from the looks above.
    static var stylesheet: String {
        var lines = ["/* ---- Status tags: made by StatusLook.stylesheet (Charts/StatusLook.swift); edit there and copy. ---- */"]
        lines.append(".status { display: inline-block; padding: 0 0.5em; border: 2px solid; font-size: 0.875em; font-weight: 700; line-height: 1.6; white-space: nowrap; }")
        lines.append(".status::before { margin-right: 0.35em; }")
        for look in all {
            lines.append(".status-\(look.key) { color: \(look.text); background: \(look.tint); border-color: \(look.mark.colour); border-style: \(look.border); }")
            lines.append(".status-\(look.key)::before { content: \"\(look.symbol)\"; content: \"\(look.symbol)\" / \"\"; }")
        }
        lines.append("/* ---- End of the status tags ---- */")
        return lines.joined(separator: "\n")
    }
}
