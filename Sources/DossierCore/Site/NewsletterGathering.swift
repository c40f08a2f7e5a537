/// What a newsletter issue pulls in from the rest of the site: everything dated after the window's
/// start and up to its end (`from` excluded, `to` included). A pure function of the site graph.
struct NewsletterGathering {
    enum Category: String, CaseIterable, Sendable {
        case achievements, actions, indicators, reports

        var title: String {
            switch self {
            case .achievements: return "Achievements"
            case .actions: return "Actions completed"
            case .indicators: return "Indicators that changed status"
            case .reports: return "New reports"
            }
        }
    }

    struct Item: Sendable, Equatable {
        var category: Category
        var text: String
        var date: Day
        /// The page it comes from, as a site path (`reviews/highlight-2004-05/`).
        var sourceTitle: String
        var sourcePath: String
    }

    /// `(from, to]`.
    struct Window: Sendable, Equatable {
        var from: Day?
        var to: Day

        func contains(_ day: Day) -> Bool { day <= to && (from.map { day > $0 } ?? true) }
    }

    let graph: SiteGraph

    /// The window of the issue on `page`: its own, or after the previous issue's date up to its date.
    /// Nil when it gathers nothing.
    func window(for page: SitePage) -> Window? {
        guard case let .newsletter(issue)? = page.source.document, let date = page.date else { return nil }
        switch issue.gather ?? .off {
        case .off: return nil
        case let .window(from, to): return Window(from: from, to: to)
        case .sincePreviousIssue:
            let earlier = graph.pages.compactMap { other -> (Int, Day)? in
                guard case let .newsletter(previous)? = other.source.document, previous.issue < issue.issue, let day = other.date else { return nil }
                return (previous.issue, day)
            }
            return Window(from: earlier.max { $0.0 < $1.0 }?.1, to: date)
        }
    }

    /// Every item in the window, by category, then date, then source. Highlight reports repeat
    /// their achievements and reports repeat their completed actions, so each counts from the
    /// first report that gives it: one already reported before the window is not news.
    func items(in window: Window) -> [Item] {
        var items: [Item] = []
        var firstSeen: [String: Item] = [:]
        func note(_ key: String, _ candidate: Item) {
            if let seen = firstSeen[key], (seen.date, seen.sourcePath) <= (candidate.date, candidate.sourcePath) { return }
            firstSeen[key] = candidate
        }
        for page in graph.pages {
            guard let day = page.date, page.source.document?.kind != .newsletter else { continue }
            if window.contains(day) { items.append(item(.reports, page.title, day, page)) }
            guard let document = page.source.document else { continue }
            switch document {
            case let .highlight(report):
                let entries = (report.cumulativeAchievements ?? []) + (report.achievementsSinceLast ?? [])
                    + (report.earlyWins ?? []).filter { $0.status == .complete }
                for entry in entries {
                    note("achievement|\(report.review)|\(entry.text)", item(.achievements, entry.text, entry.date?.last ?? day, page))
                }
            case let .plan(plan):
                for objective in plan.objectives ?? [] {
                    for action in objective.actions ?? [] where action.status == .complete {
                        note("plan|\(page.urlPath)|\(action.id)", item(.actions, "\(action.id) \(action.text)", day, page))
                    }
                }
            default:
                guard let (scorecard, _) = document.scorecard else { continue }
                for action in scorecard.actions ?? [] where action.status == .complete {
                    note("scorecard|\(action.id)|\(action.title)", item(.actions, "\(action.id) \(action.title)", day, page))
                }
            }
        }
        items += firstSeen.values.filter { window.contains($0.date) }
        items += statusChanges(in: window)
        return items.sorted { a, b in
            let x = Category.allCases.firstIndex(of: a.category)!, y = Category.allCases.firstIndex(of: b.category)!
            return (x, a.date, a.sourcePath, a.text) < (y, b.date, b.sourcePath, b.text)
        }
    }

    /// Indicators whose status differs between the last two quarterly reports dated up to `to`,
    /// when the later of the two is in the window: "Minor fault: Near target → Target met".
    func statusChanges(in window: Window) -> [Item] {
        let reports = graph.quarterlies.filter { graph.pages[$0].date.map { $0 <= window.to } ?? false }
        guard reports.count >= 2, let laterDay = graph.pages[reports[reports.count - 1]].date, window.contains(laterDay) else { return [] }
        let earlier = graph.pages[reports[reports.count - 2]], later = graph.pages[reports[reports.count - 1]]
        let before = statuses(earlier), after = statuses(later)
        return graph.registry.indicators.compactMap { indicator in
            guard let old = before[indicator.id], let new = after[indicator.id], old != new else { return nil }
            return item(.indicators, "\(indicator.name): \(old.words) → \(new.words)", laterDay, later)
        }
    }

    private func statuses(_ page: SitePage) -> [String: IndicatorStatus] {
        guard case let .quarterly(report)? = page.source.document else { return [:] }
        var found: [String: IndicatorStatus] = [:]
        for result in report.results ?? [] {
            guard let indicator = graph.registry.indicator(result.indicator) else { continue }
            let target = result.target ?? indicator.target(in: report.financialYear)
            found[indicator.id] = IndicatorStatus.of(actual: result.actual, target: target, direction: indicator.direction,
                                                     tolerance: indicator.tolerance ?? graph.config.tolerance)
        }
        return found
    }

    private func item(_ category: Category, _ text: String, _ day: Day, _ page: SitePage) -> Item {
        Item(category: category, text: text, date: day, sourceTitle: page.title, sourcePath: page.urlPath)
    }
}
