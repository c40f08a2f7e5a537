/// Checks typed documents and the indicator registry beyond what decoding can: ids that must be
/// unique or must exist, percentages within 0–100, quarters 1–4, statuses the dates contradict,
/// milestone counts that do not add up.
struct DocumentValidator {
    let registry: IndicatorRegistry
    /// The registry had errors: results are not checked against it, which would only repeat them.
    var registryFailed = false
    /// Review ids (file name or slug of each `kind: review` page).
    let reviewIDs: Set<String>

    // MARK: The registry

    static func problems(in located: Located<IndicatorRegistry>) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var seen: Set<String> = []
        for (index, indicator) in located.value.indicators.enumerated() {
            let path = "indicators[\(index + 1)]"
            if !seen.insert(indicator.id).inserted {
                found.append(.error("indicator id '\(indicator.id)' is defined twice", at: located.location(of: "\(path).id"),
                                    hint: "each indicator is defined once; give this one another id"))
            }
            if Slug.make(from: indicator.id) != indicator.id {
                found.append(.error("indicator id '\(indicator.id)' is not lower-case letters, digits and dashes",
                                    at: located.location(of: "\(path).id"), hint: "for example '\(Slug.make(from: indicator.id))'"))
            }
            if let problem = percentProblem(indicator.target, unit: indicator.unit, what: "target") {
                found.append(.error(problem, at: located.location(of: "\(path).target"), hint: percentHint))
            }
            if let tolerance = indicator.tolerance, tolerance < 0 {
                found.append(.error("tolerance \(Format.number(tolerance)) is negative", at: located.location(of: "\(path).tolerance")))
            }
            for (year, target) in (indicator.targets ?? [:]).sorted(by: { $0.key < $1.key }) {
                let at = located.location(of: "\(path).targets.\(year)")
                if FinancialYear(text: year) == nil {
                    found.append(.error("'\(year)' is not a financial year", at: at, hint: "write it like 2007/08"))
                }
                if let problem = percentProblem(target, unit: indicator.unit, what: "target for \(year)") {
                    found.append(.error(problem, at: at, hint: percentHint))
                }
            }
        }
        return found
    }

    // MARK: Documents

    func problems(in page: SourcePage) -> [Diagnostic] {
        guard let document = page.document else { return [] }
        var found: [Diagnostic] = []
        if document.kind.needsDate && page.frontMatter.date == nil {
            found.append(.error("a \(document.kind.title.lowercased()) needs a date: the day it reports as of",
                                at: page.location(of: "kind"), hint: "add `date: YYYY-MM-DD`"))
        }
        if let id = document.reviewID, !reviewIDs.contains(id) {
            let hint = Suggestion.nearest(to: id, in: Array(reviewIDs)).map { "did you mean '\($0)'? " } ?? ""
            found.append(.error("review '\(id)' does not exist", at: page.location(of: "review"),
                                hint: hint + "a review is named by its file name, e.g. 'ict-review' for reviews/ict-review.md (kind: review)"))
        }
        switch document {
        case let .quarterly(report): found += problems(in: report, page)
        case let .plan(plan): found += problems(in: plan, page)
        case let .review(review): found += problems(in: review, page)
        case let .newsletter(issue): found += problems(in: issue, page)
        default: break
        }
        if let (scorecard, prefix) = document.scorecard {
            found += problems(in: scorecard, prefix: prefix, asOf: page.frontMatter.date, page)
        }
        return found
    }

    private func problems(in report: QuarterlyReport, _ page: SourcePage) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if !(1...4).contains(report.quarter) {
            found.append(.error("quarter \(report.quarter) is not 1, 2, 3 or 4", at: page.location(of: "quarter"),
                                hint: "financial quarters: 1 April–June, 2 July–September, 3 October–December, 4 January–March"))
        }
        let ids = registry.indicators.map(\.id)
        var seen: Set<String> = []
        for (index, result) in (report.results ?? []).enumerated() {
            let path = "results[\(index + 1)]"
            guard let indicator = registry.indicator(result.indicator) else {
                if registryFailed { continue }
                let near = Suggestion.nearest(to: result.indicator, in: ids).map { "did you mean '\($0)'? " } ?? ""
                found.append(.error("unknown indicator '\(result.indicator)'", at: page.location(of: "\(path).indicator"),
                                    hint: near + "indicators are defined in content/\(IndicatorRegistry.fileName)"))
                continue
            }
            if !seen.insert(result.indicator).inserted {
                found.append(.error("indicator '\(result.indicator)' has two results in this report",
                                    at: page.location(of: "\(path).indicator")))
            }
            for (key, value) in [("actual", result.actual), ("target", result.target)] {
                if let value, let problem = Self.percentProblem(value, unit: indicator.unit, what: key) {
                    found.append(.error(problem, at: page.location(of: "\(path).\(key)"), hint: Self.percentHint))
                }
            }
            if let volume = result.volume, volume < 0 {
                found.append(.error("volume \(volume) is negative", at: page.location(of: "\(path).volume")))
            }
        }
        return found
    }

    private func problems(in scorecard: Scorecard, prefix: String, asOf day: Day?, _ page: SourcePage) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let actions = scorecard.actions ?? []
        var seen: Set<String> = []
        for (index, action) in actions.enumerated() {
            let path = "\(prefix)actions[\(index + 1)]"
            if !seen.insert(action.id).inserted {
                found.append(.error("action id '\(action.id)' is used twice", at: page.location(of: "\(path).id"),
                                    hint: "each action needs its own id"))
            }
            if let contradiction = action.status?.contradiction(due: action.due, asOf: day) {
                found.append(.warning("action '\(action.id)': \(contradiction)", at: page.location(of: "\(path).status")))
            }
        }
        if let milestones = scorecard.milestones {
            let counts = [("total", milestones.total), ("completed", milestones.completed),
                          ("outstanding", milestones.outstanding), ("overdue", milestones.overdue)]
            for case let (key, value?) in counts where value < 0 {
                found.append(.error("milestones.\(key) is negative (\(value))", at: page.location(of: "\(prefix)milestones.\(key)")))
            }
            if let total = milestones.total, let completed = milestones.completed, let outstanding = milestones.outstanding,
               completed + outstanding != total {
                found.append(.warning("milestones do not add up: completed \(completed) + outstanding \(outstanding) = \(completed + outstanding), but total is \(total)",
                                      at: page.location(of: "\(prefix)milestones.total")))
            }
            if let stated = milestones.overdue, !actions.isEmpty {
                let listed = actions.filter { ($0.status ?? WorkStatus.unstated).effective(due: $0.due, asOf: day) == .overdue }.count
                if listed != stated {
                    found.append(.warning("milestones.overdue is \(stated), but \(listed) of the listed actions are overdue",
                                          at: page.location(of: "\(prefix)milestones.overdue")))
                }
            }
        }
        return found
    }

    private func problems(in plan: ImprovementPlan, _ page: SourcePage) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var numbers: Set<Int> = []
        var actionIDs: Set<String> = []
        for (index, objective) in (plan.objectives ?? []).enumerated() {
            let path = "objectives[\(index + 1)]"
            if !numbers.insert(objective.number).inserted {
                found.append(.error("objective number \(objective.number) is used twice", at: page.location(of: "\(path).number"),
                                    hint: "number the objectives 1, 2, 3 …"))
            }
            for (actionIndex, action) in (objective.actions ?? []).enumerated() {
                let actionPath = "\(path).actions[\(actionIndex + 1)]"
                if !actionIDs.insert(action.id).inserted {
                    found.append(.error("action id '\(action.id)' is used twice in this plan", at: page.location(of: "\(actionPath).id"),
                                        hint: "number actions within their objective: \(objective.number).1, \(objective.number).2 …"))
                }
                if let status = action.status, let contradiction = status.contradiction(due: action.due, asOf: page.frontMatter.date) {
                    found.append(.warning("action '\(action.id)': \(contradiction)", at: page.location(of: "\(actionPath).status")))
                }
            }
            for (measureIndex, measure) in (objective.measures ?? []).enumerated() {
                if let direction = measure.direction, let baseline = measure.baseline, let target = measure.target,
                   direction == .higher ? target.value < baseline.value : target.value > baseline.value {
                    found.append(.error("measure '\(measure.description)': direction is '\(direction.rawValue)' but the target \(Format.number(target.value)) is \(direction == .higher ? "below" : "above") the baseline \(Format.number(baseline.value))",
                                        at: page.location(of: "\(path).measures[\(measureIndex + 1)].direction"),
                                        hint: "direction says which way is better: 'lower' when the target is a fall, as 35% → 25% of complaints"))
                }
                guard let unit = measure.unit else { continue }
                for (key, point) in [("baseline", measure.baseline), ("target", measure.target), ("latest", measure.latest)] {
                    if let point, let problem = Self.percentProblem(point.value, unit: unit, what: key) {
                        found.append(.error(problem, at: page.location(of: "\(path).measures[\(measureIndex + 1)].\(key).value"),
                                            hint: Self.percentHint))
                    }
                }
            }
        }
        return found
    }

    private func problems(in review: Review, _ page: SourcePage) -> [Diagnostic] {
        (review.stages ?? []).enumerated().compactMap { index, stage in
            guard let start = stage.start, let end = stage.end, end.last < start.first else { return nil }
            return .error("stage '\(stage.name)' ends (\(end.long)) before it starts (\(start.long))",
                          at: page.location(of: "stages[\(index + 1)].end"))
        }
    }

    private func problems(in issue: NewsletterIssue, _ page: SourcePage) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if issue.issue < 1 {
            found.append(.error("issue number \(issue.issue) is not 1 or more", at: page.location(of: "issue")))
        }
        if case let .window(from, to)? = issue.gather, to < from {
            found.append(.error("the gather window runs backwards: from \(from.long) to \(to.long)", at: page.location(of: "gather.to"),
                                hint: "'from' is the day after which items are gathered, 'to' the last day; 'to' cannot be before 'from'"))
        }
        return found
    }

    private static let percentHint = "a percentage is a number from 0 to 100, without the % sign"

    private static func percentProblem(_ value: Double, unit: IndicatorUnit, what: String) -> String? {
        guard unit == .percent, !(0...100).contains(value) else { return nil }
        return "\(what) \(Format.number(value)) is not a percentage: the unit is percent"
    }
}
