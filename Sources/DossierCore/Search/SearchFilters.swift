/// The Pagefind filters of an indexed page, from its typed document: the kind of report, the
/// financial years it covers and the statuses it reports, so a reader can ask for "missed
/// indicators in 2006/07".
enum SearchFilters {
    static func page(_ page: SitePage, view: DocumentContext.View?) -> PageSearchView {
        let kind = page.source.document?.kind.title ?? "Page"
        var years: [String] = []
        if case let .quarterly(report)? = page.source.document {
            years.append(report.financialYear.label)
        } else if case let .committee(report)? = page.source.document, let meeting = report.meeting {
            years.append(FinancialYear(containing: meeting).label)
        } else if let date = page.date {
            years.append(FinancialYear(containing: date).label)
        }
        return PageSearchView(kind: kind, years: years, statuses: view.map(statuses) ?? [], date: page.date.map(DateView.init))
    }

    static func indicator(_ view: IndicatorView) -> PageSearchView {
        let statuses = view.results.compactMap(\.status?.words)
        let years = view.results.compactMap { $0.period.flatMap(Self.year(inPeriod:)) }
        return PageSearchView(kind: "Indicator", years: unique(years), statuses: unique(statuses), date: nil)
    }

    private static func statuses(_ view: DocumentContext.View) -> [String] {
        var found: [StatusView] = []
        switch view {
        case let .quarterly(report):
            found = report.statusCounts.map(\.status) + (report.scorecard?.groups.map(\.status) ?? [])
        case let .scorecard(card):
            found = card.scorecard.groups.map(\.status)
        case let .plan(plan):
            found = plan.statusCounts.map(\.status)
        case let .review(review):
            found = review.stages.compactMap(\.status)
        case let .highlight(report):
            found = report.lists.flatMap { $0.items.compactMap(\.status) }
        case .committee, .newsletter:
            break
        }
        return unique(found.map(\.words))
    }

    /// "2006/07" from a period label such as "Q3 2006/07".
    private static func year(inPeriod label: String) -> String? {
        label.split(separator: " ").last.flatMap { FinancialYear(text: String($0)) }?.label
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
