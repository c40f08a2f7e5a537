/// Builds the `doc` view models of typed documents and of the pages Dossier makes from them
/// (the dashboard, indicator pages, the indicators index, the action tracker, the archive).
/// The view models are in `Views/`; their shapes come from their types.
enum DocumentContext {
    struct Inputs: Sendable {
        let graph: SiteGraph
        let urls: SiteURLs
        let links: SiteLinkResolver
        let today: Day
        /// For Markdown held in front matter (a newsletter's introduction and articles).
        var markdown = MarkdownRenderer()
    }

    /// A typed document's `doc`, built once per build and shared by every page that shows it.
    enum View: Sendable, Equatable {
        case quarterly(QuarterlyView)
        case scorecard(ScorecardDocumentView)
        case review(ReviewView)
        case highlight(HighlightView)
        case plan(PlanView)
        case committee(CommitteeView)
        case newsletter(NewsletterView)

        var value: TemplateValue {
            switch self {
            case let .quarterly(view): return TemplateEncoder.value(view)
            case let .scorecard(view): return TemplateEncoder.value(view)
            case let .review(view): return TemplateEncoder.value(view)
            case let .highlight(view): return TemplateEncoder.value(view)
            case let .plan(view): return TemplateEncoder.value(view)
            case let .committee(view): return TemplateEncoder.value(view)
            case let .newsletter(view): return TemplateEncoder.value(view)
            }
        }
    }

    /// The `doc` of a typed document page, and problems found while building it (appendix links).
    static func document(_ page: SitePage, _ inputs: Inputs) -> (View, [Diagnostic]) {
        switch page.source.document! {
        case let .quarterly(report): return (.quarterly(quarterly(report, page, inputs)), [])
        case let .scorecard(card):
            return (.scorecard(ScorecardDocumentView(period: card.period, scorecard: scorecard(card, page, inputs))), [])
        case let .review(review): return (.review(self.review(review, page, inputs)), [])
        case let .highlight(report): return (.highlight(highlight(report, page, inputs)), [])
        case let .plan(plan): return (.plan(self.plan(plan, page, inputs)), [])
        case let .committee(report):
            let (view, problems) = committee(report, page, inputs)
            return (.committee(view), problems)
        case let .newsletter(issue):
            let (view, problems) = newsletter(issue, page, inputs)
            return (.newsletter(view), problems)
        }
    }

    private static func quarterly(_ report: QuarterlyReport, _ page: SitePage, _ inputs: Inputs) -> QuarterlyView {
        let period = report.period!
        let results = (report.results ?? []).compactMap { result -> (ResultView, IndicatorStatus?)? in
            guard let indicator = inputs.graph.registry.indicator(result.indicator) else { return nil }
            let computed = evaluate(result, indicator, year: report.financialYear, inputs)
            return (resultView(result, indicator, computed, page: page, period: period, inputs), computed.status)
        }
        let headlines = report.headlines ?? []
        let views = results.map(\.0)
        let glance = glanceItems(results: views, overdueCount: 0)
        let exceptions = exceptions(views)
        return QuarterlyView(
            period: .init(label: period.label, months: period.months, year: period.year.label, quarter: period.quarter),
            illustrative: report.illustrative ?? false,
            headlines: headlines, hasHeadlines: !headlines.isEmpty,
            results: views, hasResults: !views.isEmpty,
            glance: glance, hasGlance: !glance.isEmpty, exceptions: exceptions, hasExceptions: !exceptions.isEmpty,
            statusCounts: IndicatorStatus.allCases.compactMap { status in
                let count = results.filter { $0.1 == status }.count
                return count == 0 ? nil : StatusCountView(status: StatusView(status), count: count)
            },
            scorecard: report.scorecard.map { scorecard($0, page, inputs) },
            targetChart: DocumentCharts.targets(report, period: period, inputs))
    }

    /// A result's target (the report's override, the year's, or the indicator's) and its status.
    static func evaluate(_ result: IndicatorResult, _ indicator: Indicator, year: FinancialYear, _ inputs: Inputs)
        -> (target: Double, status: IndicatorStatus?) {
        let target = result.target ?? indicator.target(in: year)
        let tolerance = indicator.tolerance ?? inputs.graph.config.tolerance
        return (target, IndicatorStatus.of(actual: result.actual, target: target, direction: indicator.direction, tolerance: tolerance))
    }

    private static func resultView(_ result: IndicatorResult, _ indicator: Indicator, _ computed: (target: Double, status: IndicatorStatus?),
                                   page: SitePage, period: FinancialQuarter, _ inputs: Inputs) -> ResultView {
        ResultView(
            id: indicator.id, name: indicator.name, url: inputs.urls.href("\(SiteGraph.indicatorsFolder)/\(indicator.id)/"),
            group: indicator.group, standard: indicator.standard,
            target: Format.value(computed.target, unit: indicator.unit),
            actual: result.actual.map { Format.value($0, unit: indicator.unit) },
            volume: result.volume.map { Format.grouped($0) + (result.volumeUnit.map { " \($0)" } ?? "") },
            // A comment that only says the status again ("Target exceeded") is left out: the tag says it.
            comment: result.comment.flatMap { StatusLook.isStatusPhrase($0) ? nil : $0 },
            status: computed.status.map(StatusView.init), period: period.label,
            report: LinkView(title: page.title, url: inputs.urls.href(page.urlPath)))
    }


    private static func scorecard(_ card: Scorecard, _ page: SitePage, _ inputs: Inputs) -> ScorecardView {
        let actions = (card.actions ?? []).map { action in
            actionView(id: action.id, title: action.title, theme: action.theme, owner: action.lead, due: action.due,
                       status: (action.status ?? WorkStatus.unstated).effective(due: action.due, asOf: page.date ?? inputs.today),
                       progress: action.progress, points: [], page: page, inputs)
        }
        let hasThemes = actions.contains { $0.0.theme != nil }
        let milestones = card.milestones.map { m in
            ScorecardView.MilestonesView(
                total: m.total.map(Format.grouped), completed: m.completed.map(Format.grouped),
                outstanding: (m.outstanding ?? m.total.flatMap { total in m.completed.map { total - $0 } }).map(Format.grouped),
                overdue: m.overdue.map(Format.grouped),
                completedPercent: m.completedPercent.map { "\($0)%" }, outstandingPercent: m.outstandingPercent.map { "\($0)%" })
        }
        return ScorecardView(
            milestones: milestones, groups: groups(actions), hasActions: !actions.isEmpty, actionCount: actions.count,
            donut: DocumentCharts.milestones(card.milestones),
            // Without themes the chart would be one bar, "Other": the status counts already say it.
            statusChart: hasThemes ? DocumentCharts.statusBars(title: "Main actions by theme and status",
                                                               DocumentCharts.grouped(actions.map { ($0.0.theme ?? "Other", $0.1) })) : nil)
    }

    /// Actions grouped by status, overdue first, each group in its original order.
    static func groups(_ actions: [(ActionView, WorkStatus)]) -> [ActionGroupView] {
        WorkStatus.allCases.sorted { $0.rank < $1.rank }.compactMap { status in
            let members = actions.filter { $0.1 == status }.map(\.0)
            return members.isEmpty ? nil : ActionGroupView(status: StatusView(status), count: members.count, actions: members)
        }
    }

    static func actionView(id: String, title: String, theme: String?, owner: String?, due: CalendarDate?, status: WorkStatus,
                           progress: String?, points: [String], group: String? = nil, noUpdateSince: Day? = nil,
                           page: SitePage, _ inputs: Inputs) -> (ActionView, WorkStatus) {
        (ActionView(id: id, title: title, theme: theme, owner: owner, due: due.map(DateView.init), status: StatusView(status),
                    noUpdateSince: noUpdateSince.map(DateView.init), group: group,
                    progress: progress, points: points, hasPoints: !points.isEmpty,
                    source: LinkView(title: page.title, url: inputs.urls.href(page.urlPath))), status)
    }

    /// An action's status across the site (the tracker, the dashboard), as at the build date when its
    /// document is current (not superseded), else as at the document's date. Past due and not complete
    /// is overdue; when the document is older than the due date it cannot say what happened since, so
    /// the action also carries "no update since" the document's date.
    static func siteStatus(_ stated: WorkStatus?, due: CalendarDate?, page index: Int, _ inputs: Inputs) -> (WorkStatus, noUpdateSince: Day?) {
        let page = inputs.graph.pages[index]
        let asOf = inputs.graph.supersededBy[index] == nil ? inputs.today : (page.date ?? inputs.today)
        let stated = stated ?? WorkStatus.unstated
        let status = stated.effective(due: due, asOf: asOf)
        guard status == .overdue, stated != .overdue, let date = page.date, let due, date <= due.last else { return (status, nil) }
        return (status, date)
    }

    private static func review(_ review: Review, _ page: SitePage, _ inputs: Inputs) -> ReviewView {
        let stages = (review.stages ?? []).map { stage in
            ReviewView.Stage(number: stage.number, name: stage.name, start: stage.start.map(DateView.init), end: stage.end.map(DateView.init),
                             period: stage.start.map { start in period(start, stage.end) } ?? stage.end.map { "By \($0.long)" },
                             status: stage.status.map(StatusView.init), late: stage.isLate(asOf: inputs.today),
                             activities: stage.activities ?? [], hasActivities: !(stage.activities ?? []).isEmpty)
        }
        let lateCount = stages.filter(\.late).count
        let documents = (inputs.graph.reviewDocuments[page.source.reviewID] ?? []).map { index in
            let document = inputs.graph.pages[index]
            return ReviewView.DocumentEntry(title: document.title, url: inputs.urls.href(document.urlPath),
                                            kind: document.source.document?.kind.title ?? "", date: document.date.map(DateView.init))
        }
        return ReviewView(service: review.service, lead: review.lead,
                          timeline: DocumentCharts.timeline(review, now: DocumentCharts.markers(built: inputs.today, documents: latestDates(of: page, inputs)),
                                                            asOf: inputs.today, tableOnPage: true),
                          stages: stages, hasStages: !stages.isEmpty, lateCount: lateCount, asAt: DateView(inputs.today),
                          documents: documents, hasDocuments: !documents.isEmpty)
    }

    private static func highlight(_ report: HighlightReport, _ page: SitePage, _ inputs: Inputs) -> HighlightView {
        let lists: [(String, [ReportItem]?)] = [
            ("Cumulative achievements", report.cumulativeAchievements), ("Early wins", report.earlyWins),
            ("Achievements since the last report", report.achievementsSinceLast), ("Next actions", report.nextActions),
        ]
        var timeline: String?
        if let index = inputs.graph.reviews[report.review], case let .review(review)? = inputs.graph.pages[index].source.document {
            // As the report saw it: a stage is late if its end was before the report's date.
            timeline = DocumentCharts.timeline(review, now: page.date.map { [($0, "This report, \($0.long)")] } ?? [],
                                               asOf: page.date ?? inputs.today)
        }
        return HighlightView(
            review: reviewLink(report.review, inputs), period: report.period, timeline: timeline,
            lists: lists.compactMap { title, items in
                guard let items, !items.isEmpty else { return nil }
                return HighlightView.List(title: title, items: items.map { item in
                    HighlightView.Item(text: item.text, date: item.date.map(DateView.init), status: item.status.map(StatusView.init))
                })
            })
    }

    private static func plan(_ plan: ImprovementPlan, _ page: SitePage, _ inputs: Inputs) -> PlanView {
        var allStatuses: [WorkStatus] = []
        var byObjective: [(label: String, statuses: [WorkStatus])] = []
        let objectives = (plan.objectives ?? []).map { objective -> PlanView.Objective in
            let actions = (objective.actions ?? []).map { action in
                actionView(id: action.id, title: action.text, theme: nil, owner: action.owner, due: action.due,
                           status: (action.status ?? WorkStatus.unstated).effective(due: action.due, asOf: page.date ?? inputs.today),
                           progress: nil, points: action.points ?? [], group: action.group, page: page, inputs)
            }
            var actionGroups: [PlanView.ActionGroup] = []
            for (view, _) in actions where view.group != nil {
                if let last = actionGroups.indices.last, actionGroups[last].name == view.group! {
                    actionGroups[last].actions.append(view)
                } else {
                    actionGroups.append(PlanView.ActionGroup(name: view.group!, actions: [view]))
                }
            }
            allStatuses += actions.map(\.1)
            byObjective.append(("Objective \(objective.number)", actions.map(\.1)))
            let measures = (objective.measures ?? []).enumerated().map { index, measure in
                measureView(measure, chartID: "measure_\(objective.number)_\(index + 1)")
            }
            let outcomes = objective.outcomes ?? []
            return PlanView.Objective(
                number: objective.number, title: objective.title, anchor: "objective-\(objective.number)",
                outcomes: outcomes, hasOutcomes: !outcomes.isEmpty, lead: objective.lead, timescale: objective.timescale,
                costs: objective.costs, savings: objective.savings, progress: objective.progress,
                actions: actions.map(\.0), hasActions: !actions.isEmpty,
                actionGroups: actionGroups, hasActionGroups: !actionGroups.isEmpty && actionGroups.reduce(0) { $0 + $1.actions.count } == actions.count,
                measures: measures, hasMeasures: !measures.isEmpty)
        }
        return PlanView(review: plan.review.flatMap { reviewLink($0, inputs) }, objectives: objectives,
                        objectiveCount: objectives.count, actionCount: allStatuses.count, statusCounts: statusCounts(allStatuses),
                        statusChart: DocumentCharts.statusBars(title: "Actions by objective and status", byObjective))
    }

    private static func measureView(_ measure: Measure, chartID: String) -> PlanView.Measure {
        var change: String?
        if let direction = measure.betterDirection, let baseline = measure.baseline, let latest = measure.latest {
            let better = direction == .higher ? latest.value - baseline.value : baseline.value - latest.value
            change = better > 0 ? "Improved" : better < 0 ? "Worse" : "No change"
        }
        return PlanView.Measure(description: measure.description, baseline: measure.baseline.map { point($0, measure.unit) },
                                target: measure.target.map { point($0, measure.unit) } ?? measure.targetText,
                                latest: measure.latest.map { point($0, measure.unit) },
                                direction: measure.betterDirection.map { $0 == .higher ? "Higher is better" : "Lower is better" },
                                change: change,
                                progress: measure.progressPercent.map { "\($0)% of the way from the baseline to the target" },
                                chart: DocumentCharts.measure(measure, id: chartID))
    }

    private static func committee(_ report: CommitteeReport, _ page: SitePage, _ inputs: Inputs) -> (CommitteeView, [Diagnostic]) {
        var problems: [Diagnostic] = []
        let appendices = (report.appendices ?? []).enumerated().map { index, appendix -> CommitteeView.Appendix in
            var url: String?
            if let link = appendix.link {
                switch inputs.links.resolve(link, from: page.source.file) {
                case .keep: url = link
                case let .rewrite(resolved): url = resolved
                case let .broken(message, hint):
                    problems.append(.error(message, at: page.source.location(of: "appendices[\(index + 1)].link"), hint: hint))
                }
            }
            return CommitteeView.Appendix(title: appendix.title, url: url)
        }
        let declarations = report.declarations.map { declarations in
            declarations.answers.map { question, answer in
                CommitteeView.Declaration(question: question, answer: answer.map { $0 ? "Yes" : "No" } ?? "Not stated")
            }
        } ?? []
        let recommendations = report.recommendations ?? []
        let background = report.backgroundDocuments ?? []
        return (CommitteeView(
            review: report.review.flatMap { reviewLink($0, inputs) }, reportOf: report.reportOf, reportTo: report.reportTo,
            meeting: report.meeting.map(DateView.init), subject: report.subject,
            declarations: declarations, hasDeclarations: !declarations.isEmpty,
            recommendations: recommendations, hasRecommendations: !recommendations.isEmpty,
            backgroundDocuments: background, hasBackgroundDocuments: !background.isEmpty,
            appendices: appendices, hasAppendices: !appendices.isEmpty), problems)
    }

    // MARK: Generated pages

    /// Every result of one indicator across the published quarterly reports, oldest first.
    static func indicatorResults(_ indicator: Indicator, _ inputs: Inputs) -> [(ResultView, IndicatorStatus?)] {
        inputs.graph.quarterlies.compactMap { index in
            let page = inputs.graph.pages[index]
            guard case let .quarterly(report)? = page.source.document, let period = report.period,
                  let result = report.results?.first(where: { $0.indicator == indicator.id }) else { return nil }
            let computed = evaluate(result, indicator, year: report.financialYear, inputs)
            return (resultView(result, indicator, computed, page: page, period: period, inputs), computed.status)
        }
    }

    static func indicator(_ indicator: Indicator, _ inputs: Inputs) -> IndicatorView {
        let results = indicatorResults(indicator, inputs).map(\.0)
        return IndicatorView(
            id: indicator.id, name: indicator.name, group: indicator.group, description: indicator.description,
            unit: indicator.unit.rawValue, direction: indicator.direction == .higher ? "Higher is better" : "Lower is better",
            standard: indicator.standard, target: Format.value(indicator.target, unit: indicator.unit),
            tolerance: Format.difference(indicator.tolerance ?? inputs.graph.config.tolerance, unit: indicator.unit),
            results: results, hasResults: !results.isEmpty, trend: DocumentCharts.trend(indicator, inputs))
    }

    /// Indicators by group, each with its latest result.
    static func indicators(_ inputs: Inputs) -> IndicatorsView {
        var order: [String] = []
        var members: [String: [IndicatorsView.Entry]] = [:]
        for indicator in inputs.graph.registry.indicators {
            let group = indicator.group ?? "Other indicators"
            if members[group] == nil { order.append(group) }
            let latest = indicatorResults(indicator, inputs).last?.0
            let entry = ResultView(
                id: indicator.id, name: indicator.name, url: inputs.urls.href("\(SiteGraph.indicatorsFolder)/\(indicator.id)/"),
                group: group, standard: indicator.standard,
                target: latest?.target ?? Format.value(indicator.target, unit: indicator.unit),
                actual: latest?.actual, volume: latest?.volume, comment: latest?.comment, status: latest?.status,
                period: latest?.period, report: latest?.report)
            members[group, default: []].append(IndicatorsView.Entry(latest: entry, sparkline: DocumentCharts.trend(indicator, inputs, sparkline: true)))
        }
        return IndicatorsView(groups: order.map { IndicatorsView.Group(name: $0, indicators: members[$0]!) })
    }

    /// Every action of every plan and scorecard: overdue first, then by due date.
    static func actions(_ inputs: Inputs) -> ActionsView {
        var all: [(ActionView, WorkStatus, CalendarDate?)] = []
        for (index, page) in inputs.graph.pages.enumerated() {
            switch page.source.document {
            case let .plan(plan)?:
                for objective in plan.objectives ?? [] {
                    for action in objective.actions ?? [] {
                        let (status, since) = siteStatus(action.status, due: action.due, page: index, inputs)
                        let (view, _) = actionView(
                            id: action.id, title: action.text, theme: "Objective \(objective.number)", owner: action.owner ?? objective.lead,
                            due: action.due, status: status, progress: nil, points: [], group: action.group, noUpdateSince: since,
                            page: page, inputs)
                        all.append((view, status, action.due))
                    }
                }
            case let document?:
                guard let (card, _) = document.scorecard else { continue }
                for action in card.actions ?? [] {
                    let (status, since) = siteStatus(action.status, due: action.due, page: index, inputs)
                    let (view, _) = actionView(id: action.id, title: action.title, theme: action.theme, owner: action.lead,
                                               due: action.due, status: status, progress: action.progress, points: [],
                                               noUpdateSince: since, page: page, inputs)
                    all.append((view, status, action.due))
                }
            case nil: continue
            }
        }
        let sorted = all.enumerated().sorted { a, b in
            let x = a.element, y = b.element
            if x.1.rank != y.1.rank { return x.1.rank < y.1.rank }
            switch (x.2, y.2) {
            case let (dx?, dy?) where dx != dy: return dx < dy
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }.map { ($0.element.0, $0.element.1) }
        let bySource = DocumentCharts.grouped(sorted.map { view, status in (view.source.title, status) })
        return ActionsView(groups: groups(sorted), statusCounts: statusCounts(sorted.map(\.1)), actionCount: sorted.count,
                           asAt: DateView(inputs.today), noUpdateCount: sorted.filter { $0.0.noUpdateSince != nil }.count,
                           statusChart: DocumentCharts.statusBars(title: "Actions by document and status",
                                                                  bySource.sorted { $0.label < $1.label }))
    }

    // MARK: The dashboard and the archive

    /// The home page's at-a-glance view: the latest quarterly report, overdue actions, the current
    /// stage of each active review, the latest highlight reports. Superseded reports are left out.
    /// It reuses the views already built for the latest quarterly report and the action tracker.
    static func dashboard(_ inputs: Inputs, latestQuarterly: (page: SitePage, view: QuarterlyView)?, tracker: ActionsView) -> DashboardView {
        let graph = inputs.graph
        let current = { (index: Int) in graph.supersededBy[index] == nil }
        let quarterly = latestQuarterly.map { page, view in
            DashboardView.Quarterly(title: page.title, url: inputs.urls.href(page.urlPath), period: view.period.label,
                                           date: DateView(page.date!), exceptions: view.exceptions, hasExceptions: view.hasExceptions,
                                           results: view.results, statusCounts: view.statusCounts,
                                           donut: view.scorecard?.donut, targetChart: view.targetChart)
        }
        let overdue = tracker.groups.first { $0.status.key == WorkStatus.overdue.rawValue }?.actions ?? []
        let glance = glanceItems(results: latestQuarterly?.view.results, overdueCount: overdue.count)
        let reviews = graph.reviews.values.sorted().compactMap { index -> DashboardView.ReviewEntry? in
            guard current(index), case let .review(review)? = graph.pages[index].source.document,
                  let stage = currentStage(review) else { return nil }
            let page = graph.pages[index]
            return DashboardView.ReviewEntry(
                title: page.title, url: inputs.urls.href(page.urlPath),
                stage: stage.number.map { "Stage \($0): \(stage.name)" } ?? stage.name,
                status: stage.status.map(StatusView.init), late: stage.isLate(asOf: inputs.today),
                lateCount: (review.stages ?? []).filter { $0.isLate(asOf: inputs.today) }.count,
                timeline: DocumentCharts.timeline(review, now: DocumentCharts.markers(built: inputs.today, documents: latestDates(of: page, inputs)),
                                          asOf: inputs.today, id: "dash_timeline_\(index)"))
        }
        let highlights = graph.reports.filter { graph.pages[$0].source.frontMatter.kind == .highlight && current($0) }
            .sorted { (graph.pages[$0].date!, $0) > (graph.pages[$1].date!, $1) }.prefix(3).map { index in
                let page = graph.pages[index]
                return DashboardView.Highlight(title: page.title, url: inputs.urls.href(page.urlPath), date: DateView(page.date!))
            }
        return DashboardView(
            quarterly: quarterly, glance: glance, hasGlance: !glance.isEmpty, overdue: Array(overdue.prefix(10)), overdueCount: overdue.count,
            noUpdateCount: overdue.filter { $0.noUpdateSince != nil }.count,
            trackerURL: graph.hasActions ? inputs.urls.href("\(SiteGraph.actionsFolder)/") : nil,
            reviews: reviews, hasReviews: !reviews.isEmpty, highlights: Array(highlights), hasHighlights: !highlights.isEmpty,
            archiveURL: graph.reports.isEmpty ? nil : inputs.urls.href("\(SiteGraph.archiveFolder)/"),
            indicatorsURL: graph.hasIndicators ? inputs.urls.href("\(SiteGraph.indicatorsFolder)/") : nil)
    }

    /// The results that missed their target, then those that only just missed it: the exceptions
    /// a reader looks for first.
    static func exceptions(_ results: [ResultView]) -> [ResultView] {
        results.filter { $0.status?.key == IndicatorStatus.missed.rawValue }
            + results.filter { $0.status?.key == IndicatorStatus.near.rawValue }
    }

    /// "8 of 9 indicators on target", "1 just missed", "5 actions overdue": what the home page and
    /// a quarterly report say first.
    static func glanceItems(results: [ResultView]?, overdueCount: Int) -> [DashboardView.GlanceItem] {
        var items: [DashboardView.GlanceItem] = []
        if let results, !results.isEmpty {
            let count = { (status: IndicatorStatus) in results.filter { $0.status?.key == status.rawValue }.count }
            let onTarget = count(.exceeded) + count(.met)
            items.append(.init(count: onTarget, words: "of \(results.count) \(results.count == 1 ? "indicator" : "indicators") on target",
                               key: IndicatorStatus.met.rawValue))
            for status in [IndicatorStatus.near, .missed] where count(status) > 0 {
                let words = lowercasedFirst(status.words)
                // "1 target just missed", "2 targets just missed".
                let counted = count(status) == 1 ? words : words.replacingOccurrences(of: "target ", with: "targets ")
                items.append(.init(count: count(status), words: counted, key: status.rawValue))
            }
            let unmeasured = results.filter { $0.status == nil }.count
            if unmeasured > 0 { items.append(.init(count: unmeasured, words: "not yet measured", key: "no-data")) }
        }
        if overdueCount > 0 {
            items.append(.init(count: overdueCount, words: overdueCount == 1 ? "action overdue" : "actions overdue",
                               key: WorkStatus.overdue.rawValue))
        }
        return items
    }

    private static func lowercasedFirst(_ words: String) -> String { words.prefix(1).lowercased() + words.dropFirst() }

    /// The latest quarterly report that is not superseded, for the dashboard.
    static func latestQuarterly(_ graph: SiteGraph) -> Int? {
        graph.quarterlies.last { graph.supersededBy[$0] == nil }
    }

    /// The first stage in hand, else the first not started; nil when every stage is complete or deferred.
    private static func currentStage(_ review: Review) -> ReviewStage? {
        let stages = review.stages ?? []
        return stages.first { $0.status == .inHand } ?? stages.first { $0.status == nil || $0.status == .notStarted || $0.status == .overdue }
    }

    /// Every report by financial year and quarter, newest first. A quarterly report sits in the
    /// quarter it covers; other reports in the quarter of their date.
    static func archive(_ inputs: Inputs) -> ArchiveView {
        let graph = inputs.graph
        var byQuarter: [FinancialQuarter: [Int]] = [:]
        for index in graph.reports {
            var quarter = FinancialQuarter(containing: graph.pages[index].date!)
            if case let .quarterly(report)? = graph.pages[index].source.document, let period = report.period { quarter = period }
            byQuarter[quarter, default: []].append(index)
        }
        let years = Set(byQuarter.keys.map(\.year)).sorted(by: >)
        return ArchiveView(years: years.map { year in
            ArchiveView.Year(label: year.label, anchor: "year-\(year.startYear)", quarters: byQuarter.keys.filter { $0.year == year }.sorted(by: >).map { quarter in
                ArchiveView.Quarter(label: "Quarter \(quarter.quarter)", months: quarter.months, reports:
                    byQuarter[quarter]!.sorted { (graph.pages[$0].date!, graph.pages[$1].urlPath) > (graph.pages[$1].date!, graph.pages[$0].urlPath) }.map { index in
                        let page = graph.pages[index]
                        return ArchiveView.Report(
                            title: page.title, url: inputs.urls.href(page.urlPath), kind: page.source.document?.kind.title,
                            date: DateView(page.date!),
                            supersededBy: graph.supersededBy[index].map { newer in
                                LinkView(title: graph.pages[newer].title, url: inputs.urls.href(graph.pages[newer].urlPath))
                            })
                    })
            })
        })
    }

    // MARK: Small pieces

    private static func statusCounts(_ statuses: [WorkStatus]) -> [StatusCountView] {
        WorkStatus.allCases.sorted { $0.rank < $1.rank }.compactMap { status in
            let count = statuses.filter { $0 == status }.count
            return count == 0 ? nil : StatusCountView(status: StatusView(status), count: count)
        }
    }

    /// The dates of a review's own documents, newest first, then the review's date: "as at" candidates.
    static func latestDates(of review: SitePage, _ inputs: Inputs) -> [Day] {
        let documents = (inputs.graph.reviewDocuments[review.source.reviewID] ?? []).compactMap { inputs.graph.pages[$0].date }
        return documents.sorted(by: >) + (review.date.map { [$0] } ?? [])
    }

    private static func reviewLink(_ id: String, _ inputs: Inputs) -> LinkView? {
        guard let index = inputs.graph.reviews[id] else { return nil }
        let page = inputs.graph.pages[index]
        return LinkView(title: page.title, url: inputs.urls.href(page.urlPath))
    }

    /// "July 2004" for a stage of one month, "June 2004 to March 2005", "1 June 2004 to 3 March 2005".
    static func period(_ start: CalendarDate, _ end: CalendarDate?) -> String {
        guard let end else { return "From \(start.long)" }
        return start == end ? start.long : "\(start.long) to \(end.long)"
    }

    private static func point(_ point: MeasurePoint, _ unit: IndicatorUnit?) -> String {
        Format.value(point.value, unit: unit) + (point.date.map { " (\($0.long))" } ?? "")
    }
}
