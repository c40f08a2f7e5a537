import Foundation

/// The `doc` data of typed documents and of the pages Dossier makes from them (indicator pages,
/// the indicators index, the action tracker). Each kind's shape sits beside its builder; tests build
/// the example site with `validateContexts` on, which checks every context against its shape.
enum DocumentContext {
    /// The template each kind of generated or typed page renders with.
    enum Template: String, CaseIterable {
        case review, highlight, quarterly, scorecard, plan, committee, newsletter, indicator, indicators, actions, archive
        /// The dashboard.
        case home
    }

    // MARK: Shapes

    private static let date: TemplateShape = .object(["iso": .value, "long": .value])
    private static let link: TemplateShape = .object(["title": .value, "url": .value])
    private static let status: TemplateShape = .object(["key": .value, "words": .value])
    private static let action: TemplateShape = .object([
        "id": .value, "title": .value, "theme": .value, "owner": .value, "due": date, "status": status,
        "progress": .value, "points": .list(.value), "hasPoints": .value, "source": link,
    ])
    private static let actionGroups: TemplateShape = .list(.object(["status": status, "count": .value, "actions": .list(action)]))
    private static let statusCount: TemplateShape = .list(.object(["status": status, "count": .value]))
    private static let scorecard: TemplateShape = .object([
        "milestones": .object(["total": .value, "completed": .value, "outstanding": .value, "overdue": .value,
                               "completedPercent": .value, "outstandingPercent": .value]),
        "groups": actionGroups, "hasActions": .value, "actionCount": .value, "donut": .value, "statusChart": .value,
    ])
    private static let result: TemplateShape = .object([
        "id": .value, "name": .value, "url": .value, "group": .value, "standard": .value, "target": .value,
        "actual": .value, "volume": .value, "comment": .value, "status": status,
        "period": .value, "report": link,
    ])
    private static let indexEntry: TemplateShape = {
        guard case let .object(fields) = result else { return result }
        return .object(fields.merging(["sparkline": .value]) { a, _ in a })
    }()
    private static let item: TemplateShape = .object(["text": .value, "date": date, "status": status])

    static func shape(for template: Template) -> TemplateShape {
        let fields: [String: TemplateShape]
        switch template {
        case .quarterly:
            fields = ["period": .object(["label": .value, "months": .value, "year": .value, "quarter": .value]),
                      "illustrative": .value, "headlines": .list(.value), "hasHeadlines": .value,
                      "results": .list(result), "hasResults": .value, "statusCounts": statusCount,
                      "scorecard": scorecard, "targetChart": .value]
        case .scorecard:
            fields = ["period": .value, "scorecard": scorecard]
        case .review:
            fields = ["service": .value, "lead": .value, "hasStages": .value, "timeline": .value,
                      "stages": .list(.object(["number": .value, "name": .value, "start": date, "end": date,
                                               "status": status, "activities": .list(.value), "hasActivities": .value])),
                      "documents": .list(.object(["title": .value, "url": .value, "kind": .value, "date": date])),
                      "hasDocuments": .value]
        case .highlight:
            fields = ["review": link, "period": .value, "timeline": .value,
                      "lists": .list(.object(["title": .value, "items": .list(item)]))]
        case .plan:
            fields = ["review": link, "objectiveCount": .value, "actionCount": .value, "statusCounts": statusCount, "statusChart": .value,
                      "objectives": .list(.object([
                        "number": .value, "title": .value, "anchor": .value, "outcomes": .list(.value), "hasOutcomes": .value,
                        "lead": .value, "timescale": .value, "costs": .value, "savings": .value, "progress": .value,
                        "actions": .list(action), "hasActions": .value, "hasMeasures": .value,
                        "measures": .list(.object(["description": .value, "baseline": .value, "target": .value,
                                                   "latest": .value, "chart": .value]))]))]
        case .committee:
            fields = ["review": link, "reportOf": .value, "reportTo": .value, "meeting": date, "subject": .value,
                      "declarations": .list(.object(["question": .value, "answer": .value])), "hasDeclarations": .value,
                      "recommendations": .list(.value), "hasRecommendations": .value,
                      "backgroundDocuments": .list(.value), "hasBackgroundDocuments": .value,
                      "appendices": .list(.object(["title": .value, "url": .value])), "hasAppendices": .value]
        case .newsletter:
            fields = newsletterFields
        case .indicator:
            fields = ["id": .value, "name": .value, "group": .value, "description": .value, "unit": .value,
                      "direction": .value, "standard": .value, "target": .value, "tolerance": .value,
                      "results": .list(result), "hasResults": .value, "trend": .value]
        case .indicators:
            fields = ["groups": .list(.object(["name": .value, "indicators": .list(indexEntry)]))]
        case .actions:
            fields = ["groups": actionGroups, "statusCounts": statusCount, "actionCount": .value, "statusChart": .value]
        case .archive:
            fields = ["years": .list(.object(["label": .value, "anchor": .value, "quarters": .list(.object([
                "label": .value, "months": .value,
                "reports": .list(.object(["title": .value, "url": .value, "kind": .value, "date": date, "supersededBy": link])),
            ]))]))]
        case .home:
            fields = [
                "quarterly": .object(["title": .value, "url": .value, "period": .value, "results": .list(result),
                                      "statusCounts": statusCount, "donut": .value, "targetChart": .value]),
                "overdue": .list(action), "overdueCount": .value, "trackerURL": .value,
                "reviews": .list(.object(["title": .value, "url": .value, "stage": .value, "status": status, "timeline": .value])),
                "hasReviews": .value,
                "highlights": .list(.object(["title": .value, "url": .value, "date": date])), "hasHighlights": .value,
                "archiveURL": .value, "indicatorsURL": .value,
            ]
        }
        return .object(fields)
    }

    // MARK: Builders

    struct Inputs {
        let graph: SiteGraph
        let urls: SiteURLs
        let links: SiteLinkResolver
        let today: Day
        /// For Markdown held in front matter (a newsletter's introduction and articles).
        var markdown = MarkdownRenderer()
    }

    /// The `doc` of a typed document page, and problems found while building it (appendix links).
    static func document(_ page: SitePage, _ inputs: Inputs) -> (TemplateObject, [Diagnostic]) {
        switch page.source.document! {
        case let .quarterly(report): return (quarterly(report, page, inputs), [])
        case let .scorecard(card): return (TemplateObject(["period": card.period ?? NSNull(), "scorecard": scorecardObject(card, page, inputs)]), [])
        case let .review(review): return (self.review(review, page, inputs), [])
        case let .highlight(report): return (highlight(report, page, inputs), [])
        case let .plan(plan): return (self.plan(plan, page, inputs), [])
        case let .committee(report): return committee(report, page, inputs)
        case let .newsletter(issue): return newsletter(issue, page, inputs)
        }
    }

    private static func quarterly(_ report: QuarterlyReport, _ page: SitePage, _ inputs: Inputs) -> TemplateObject {
        let period = report.period!
        let results = (report.results ?? []).compactMap { result -> (TemplateObject, IndicatorStatus?)? in
            guard let indicator = inputs.graph.registry.indicators.first(where: { $0.id == result.indicator }) else { return nil }
            let computed = evaluate(result, indicator, year: report.financialYear, inputs)
            return (resultObject(result, indicator, computed, page: page, period: period, inputs), computed.status)
        }
        return TemplateObject([
            "period": TemplateObject(["label": period.label, "months": period.months, "year": period.year.label, "quarter": period.quarter]),
            "illustrative": report.illustrative ?? false,
            "headlines": report.headlines ?? [], "hasHeadlines": !(report.headlines ?? []).isEmpty,
            "results": results.map(\.0), "hasResults": !results.isEmpty,
            "statusCounts": IndicatorStatus.allCases.compactMap { status -> TemplateObject? in
                let count = results.filter { $0.1 == status }.count
                return count == 0 ? nil : TemplateObject(["status": statusObject(status), "count": count])
            },
            "scorecard": report.scorecard.map { scorecardObject($0, page, inputs) } ?? NSNull(),
            "targetChart": DocumentCharts.targets(report, period: period, inputs),
        ])
    }

    /// A result's target (the report's override, the year's, or the indicator's) and its status.
    static func evaluate(_ result: IndicatorResult, _ indicator: Indicator, year: FinancialYear, _ inputs: Inputs)
        -> (target: Double, status: IndicatorStatus?) {
        let target = result.target ?? indicator.target(in: year)
        let tolerance = indicator.tolerance ?? inputs.graph.config.tolerance
        return (target, IndicatorStatus.of(actual: result.actual, target: target, direction: indicator.direction, tolerance: tolerance))
    }

    private static func resultObject(_ result: IndicatorResult, _ indicator: Indicator, _ computed: (target: Double, status: IndicatorStatus?),
                                     page: SitePage, period: FinancialQuarter, _ inputs: Inputs) -> TemplateObject {
        TemplateObject([
            "id": indicator.id, "name": indicator.name, "group": indicator.group ?? NSNull(),
            "url": inputs.urls.href("\(SiteGraph.indicatorsFolder)/\(indicator.id)/"),
            "standard": indicator.standard ?? NSNull(),
            "target": Format.value(computed.target, unit: indicator.unit),
            "actual": result.actual.map { Format.value($0, unit: indicator.unit) } ?? NSNull(),
            "volume": result.volume.map { Format.grouped($0) + (result.volumeUnit.map { " \($0)" } ?? "") } ?? NSNull(),
            "comment": result.comment ?? NSNull(),
            "status": computed.status.map(statusObject) ?? NSNull(),
            "period": period.label,
            "report": TemplateObject(["title": page.title, "url": inputs.urls.href(page.urlPath)]),
        ])
    }

    private static func scorecardObject(_ card: Scorecard, _ page: SitePage, _ inputs: Inputs) -> TemplateObject {
        let asOf = page.date
        let actions = (card.actions ?? []).map { action in
            actionObject(id: action.id, title: action.title, theme: action.theme, owner: action.lead, due: action.due,
                         status: action.status.effective(due: action.due, asOf: asOf), progress: action.progress,
                         points: [], page: page, inputs)
        }
        let milestones = card.milestones.map { m -> TemplateObject in
            TemplateObject([
                "total": m.total.map(Format.grouped) ?? NSNull(), "completed": m.completed.map(Format.grouped) ?? NSNull(),
                "outstanding": (m.outstanding ?? m.total.flatMap { total in m.completed.map { total - $0 } }).map(Format.grouped) ?? NSNull(),
                "overdue": m.overdue.map(Format.grouped) ?? NSNull(),
                "completedPercent": m.completedPercent.map { "\($0)%" } ?? NSNull(),
                "outstandingPercent": m.outstandingPercent.map { "\($0)%" } ?? NSNull(),
            ])
        }
        let byTheme = DocumentCharts.grouped(actions.map { (($0.0.fields["theme"] as? String) ?? "Other", $0.1) })
        return TemplateObject([
            "milestones": milestones ?? NSNull(), "groups": groups(actions), "hasActions": !actions.isEmpty, "actionCount": actions.count,
            "donut": DocumentCharts.milestones(card.milestones),
            "statusChart": DocumentCharts.statusBars(title: "Main actions by theme and status",
                                                     byTheme),
        ])
    }

    /// Actions grouped by status, overdue first, each group in its original order.
    static func groups(_ actions: [(TemplateObject, WorkStatus)]) -> [TemplateObject] {
        WorkStatus.allCases.sorted { $0.rank < $1.rank }.compactMap { status in
            let members = actions.filter { $0.1 == status }.map(\.0)
            return members.isEmpty ? nil : TemplateObject(["status": statusObject(status), "count": members.count, "actions": members])
        }
    }

    static func actionObject(id: String, title: String, theme: String?, owner: String?, due: CalendarDate?, status: WorkStatus,
                             progress: String?, points: [String], page: SitePage, _ inputs: Inputs) -> (TemplateObject, WorkStatus) {
        (TemplateObject([
            "id": id, "title": title, "theme": theme ?? NSNull(), "owner": owner ?? NSNull(),
            "due": due.map(calendarDate) ?? NSNull(), "status": statusObject(status), "progress": progress ?? NSNull(),
            "points": points, "hasPoints": !points.isEmpty,
            "source": TemplateObject(["title": page.title, "url": inputs.urls.href(page.urlPath)]),
        ]), status)
    }

    private static func review(_ review: Review, _ page: SitePage, _ inputs: Inputs) -> TemplateObject {
        let stages = (review.stages ?? []).map { stage -> TemplateObject in
            TemplateObject([
                "number": stage.number ?? NSNull(), "name": stage.name,
                "start": stage.start.map(calendarDate) ?? NSNull(), "end": stage.end.map(calendarDate) ?? NSNull(),
                "status": stage.status.map(statusObject) ?? NSNull(),
                "activities": stage.activities ?? [], "hasActivities": !(stage.activities ?? []).isEmpty,
            ])
        }
        let documents = (inputs.graph.reviewDocuments[page.source.reviewID] ?? []).map { index -> TemplateObject in
            let document = inputs.graph.pages[index]
            return TemplateObject([
                "title": document.title, "url": inputs.urls.href(document.urlPath),
                "kind": document.source.document?.kind.title ?? "", "date": document.date.map(dayObject) ?? NSNull(),
            ])
        }
        return TemplateObject([
            "service": review.service, "lead": review.lead ?? NSNull(), "timeline": DocumentCharts.timeline(review, now: [inputs.today] + latestDates(of: page, inputs)),
            "stages": stages, "hasStages": !stages.isEmpty, "documents": documents, "hasDocuments": !documents.isEmpty,
        ])
    }

    private static func highlight(_ report: HighlightReport, _ page: SitePage, _ inputs: Inputs) -> TemplateObject {
        let lists: [(String, [ReportItem]?)] = [
            ("Cumulative achievements", report.cumulativeAchievements), ("Early wins", report.earlyWins),
            ("Achievements since the last report", report.achievementsSinceLast), ("Next actions", report.nextActions),
        ]
        var timeline: Any = NSNull()
        if let index = inputs.graph.reviews[report.review], case let .review(review)? = inputs.graph.pages[index].source.document {
            timeline = DocumentCharts.timeline(review, now: page.date.map { [$0] } ?? [])
        }
        return TemplateObject([
            "review": reviewLink(report.review, inputs), "period": report.period ?? NSNull(), "timeline": timeline,
            "lists": lists.compactMap { title, items -> TemplateObject? in
                guard let items, !items.isEmpty else { return nil }
                return TemplateObject(["title": title, "items": items.map { item in
                    TemplateObject(["text": item.text, "date": item.date.map(calendarDate) ?? NSNull(),
                                    "status": item.status.map(statusObject) ?? NSNull()])
                }])
            },
        ])
    }

    private static func plan(_ plan: ImprovementPlan, _ page: SitePage, _ inputs: Inputs) -> TemplateObject {
        var allStatuses: [WorkStatus] = []
        var byObjective: [(label: String, statuses: [WorkStatus])] = []
        let objectives = (plan.objectives ?? []).map { objective -> TemplateObject in
            let actions = (objective.actions ?? []).map { action in
                actionObject(id: action.id, title: action.text, theme: nil, owner: action.owner, due: action.due,
                             status: (action.status ?? .notStarted).effective(due: action.due, asOf: page.date),
                             progress: nil, points: action.points ?? [], page: page, inputs)
            }
            allStatuses += actions.map(\.1)
            byObjective.append(("Objective \(objective.number)", actions.map(\.1)))
            let measures = (objective.measures ?? []).enumerated().map { index, measure in
                measureObject(measure, chartID: "measure_\(objective.number)_\(index + 1)")
            }
            return TemplateObject([
                "number": objective.number, "title": objective.title, "anchor": "objective-\(objective.number)",
                "outcomes": objective.outcomes ?? [], "hasOutcomes": !(objective.outcomes ?? []).isEmpty,
                "lead": objective.lead ?? NSNull(), "timescale": objective.timescale ?? NSNull(),
                "costs": objective.costs ?? NSNull(), "savings": objective.savings ?? NSNull(),
                "progress": objective.progress ?? NSNull(),
                "actions": actions.map(\.0), "hasActions": !actions.isEmpty,
                "measures": measures, "hasMeasures": !measures.isEmpty,
            ])
        }
        return TemplateObject([
            "review": plan.review.map { reviewLink($0, inputs) } ?? NSNull(),
            "objectives": objectives, "objectiveCount": objectives.count, "actionCount": allStatuses.count,
            "statusCounts": statusCounts(allStatuses),
            "statusChart": DocumentCharts.statusBars(title: "Actions by objective and status", byObjective),
        ])
    }

    private static func measureObject(_ measure: Measure, chartID: String) -> TemplateObject {
        let baseline: Any = measure.baseline.map { point($0, measure.unit) } ?? NSNull()
        let target: Any = measure.target.map { point($0, measure.unit) } ?? measure.targetText.map { $0 as Any } ?? NSNull()
        let latest: Any = measure.latest.map { point($0, measure.unit) } ?? NSNull()
        return TemplateObject(["description": measure.description, "baseline": baseline, "target": target, "latest": latest,
                               "chart": DocumentCharts.measure(measure, id: chartID)])
    }

    private static func committee(_ report: CommitteeReport, _ page: SitePage, _ inputs: Inputs) -> (TemplateObject, [Diagnostic]) {
        var problems: [Diagnostic] = []
        let appendices = (report.appendices ?? []).enumerated().map { index, appendix -> TemplateObject in
            var url: Any = NSNull()
            if let link = appendix.link {
                switch inputs.links.resolve(link, from: page.source.file) {
                case .keep: url = link
                case let .rewrite(resolved): url = resolved
                case let .broken(message, hint):
                    problems.append(.error(message, at: page.source.location(of: "appendices[\(index + 1)].link"), hint: hint))
                }
            }
            return TemplateObject(["title": appendix.title, "url": url])
        }
        let declarations = report.declarations.map { declarations in
            declarations.answers.map { question, answer in
                TemplateObject(["question": question, "answer": answer.map { $0 ? "Yes" : "No" } ?? "Not stated"])
            }
        } ?? []
        return (TemplateObject([
            "review": report.review.map { reviewLink($0, inputs) } ?? NSNull(),
            "reportOf": report.reportOf, "reportTo": report.reportTo, "meeting": dayObject(report.meeting),
            "subject": report.subject, "declarations": declarations, "hasDeclarations": !declarations.isEmpty,
            "recommendations": report.recommendations ?? [], "hasRecommendations": !(report.recommendations ?? []).isEmpty,
            "backgroundDocuments": report.backgroundDocuments ?? [],
            "hasBackgroundDocuments": !(report.backgroundDocuments ?? []).isEmpty,
            "appendices": appendices, "hasAppendices": !appendices.isEmpty,
        ]), problems)
    }

    // MARK: Generated pages

    /// Every result of one indicator across the published quarterly reports, oldest first.
    static func indicatorResults(_ indicator: Indicator, _ inputs: Inputs) -> [(TemplateObject, IndicatorStatus?)] {
        inputs.graph.quarterlies.compactMap { index in
            let page = inputs.graph.pages[index]
            guard case let .quarterly(report)? = page.source.document, let period = report.period,
                  let result = report.results?.first(where: { $0.indicator == indicator.id }) else { return nil }
            let computed = evaluate(result, indicator, year: report.financialYear, inputs)
            return (resultObject(result, indicator, computed, page: page, period: period, inputs), computed.status)
        }
    }

    static func indicator(_ indicator: Indicator, _ inputs: Inputs) -> TemplateObject {
        let results = indicatorResults(indicator, inputs).map(\.0)
        return TemplateObject([
            "id": indicator.id, "name": indicator.name, "group": indicator.group ?? NSNull(),
            "description": indicator.description ?? NSNull(), "unit": indicator.unit.rawValue,
            "direction": indicator.direction == .higher ? "Higher is better" : "Lower is better",
            "standard": indicator.standard ?? NSNull(), "target": Format.value(indicator.target, unit: indicator.unit),
            "tolerance": Format.value(indicator.tolerance ?? inputs.graph.config.tolerance, unit: indicator.unit),
            "results": results, "hasResults": !results.isEmpty, "trend": DocumentCharts.trend(indicator, inputs),
        ])
    }

    /// Indicators by group, each with its latest result.
    static func indicators(_ inputs: Inputs) -> TemplateObject {
        var order: [String] = []
        var members: [String: [TemplateObject]] = [:]
        for indicator in inputs.graph.registry.indicators {
            let group = indicator.group ?? "Other indicators"
            if members[group] == nil { order.append(group) }
            let latest = indicatorResults(indicator, inputs).last?.0
            var fields: [String: Any] = [
                "id": indicator.id, "name": indicator.name, "group": group,
                "url": inputs.urls.href("\(SiteGraph.indicatorsFolder)/\(indicator.id)/"),
                "standard": indicator.standard ?? NSNull(), "target": Format.value(indicator.target, unit: indicator.unit),
                "actual": NSNull(), "volume": NSNull(), "comment": NSNull(), "status": NSNull(), "period": NSNull(), "report": NSNull(),
            ]
            if let latest {
                for key in ["target", "actual", "volume", "comment", "status", "period", "report"] { fields[key] = latest.fields[key] }
            }
            fields["sparkline"] = DocumentCharts.trend(indicator, inputs, sparkline: true)
            members[group, default: []].append(TemplateObject(fields))
        }
        return TemplateObject(["groups": order.map { TemplateObject(["name": $0, "indicators": members[$0]!]) }])
    }

    /// Every action of every plan and scorecard: overdue first, then by due date.
    static func actions(_ inputs: Inputs) -> TemplateObject {
        var all: [(TemplateObject, WorkStatus, CalendarDate?)] = []
        for page in inputs.graph.pages {
            switch page.source.document {
            case let .plan(plan)?:
                for objective in plan.objectives ?? [] {
                    for action in objective.actions ?? [] {
                        let (object, status) = actionObject(
                            id: action.id, title: action.text, theme: "Objective \(objective.number)", owner: action.owner ?? objective.lead,
                            due: action.due, status: (action.status ?? .notStarted).effective(due: action.due, asOf: page.date),
                            progress: nil, points: [], page: page, inputs)
                        all.append((object, status, action.due))
                    }
                }
            case let document?:
                guard let (card, _) = document.scorecard else { continue }
                for action in card.actions ?? [] {
                    let status = action.status.effective(due: action.due, asOf: page.date)
                    let (object, _) = actionObject(id: action.id, title: action.title, theme: action.theme, owner: action.lead,
                                                   due: action.due, status: status, progress: action.progress, points: [], page: page, inputs)
                    all.append((object, status, action.due))
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
        let bySource = DocumentCharts.grouped(sorted.map { object, status in
            (((object.fields["source"] as? TemplateObject)?.fields["title"] as? String) ?? "", status)
        })
        return TemplateObject(["groups": groups(sorted), "statusCounts": statusCounts(sorted.map(\.1)), "actionCount": sorted.count,
                               "statusChart": DocumentCharts.statusBars(title: "Actions by document and status",
                                                                        bySource.sorted { $0.label < $1.label })])
    }

    // MARK: The dashboard and the archive

    /// The home page's at-a-glance view: the latest quarterly report, overdue actions, the current
    /// stage of each active review, the latest highlight reports. Superseded reports are left out.
    static func dashboard(_ inputs: Inputs) -> TemplateObject {
        let graph = inputs.graph
        let current = { (index: Int) in graph.supersededBy[index] == nil }
        var quarterly: Any = NSNull()
        if let index = graph.quarterlies.last(where: current), case let .quarterly(report)? = graph.pages[index].source.document,
           let period = report.period {
            let page = graph.pages[index]
            let doc = self.quarterly(report, page, inputs)
            let scorecard = doc.fields["scorecard"] as? TemplateObject
            quarterly = TemplateObject([
                "title": page.title, "url": inputs.urls.href(page.urlPath), "period": period.label,
                "results": doc.fields["results"]!, "statusCounts": doc.fields["statusCounts"]!,
                "donut": scorecard?.fields["donut"] ?? NSNull(), "targetChart": doc.fields["targetChart"]!,
            ])
        }
        let tracker = actions(inputs)
        let overdueGroup = (tracker.fields["groups"] as? [TemplateObject])?.first { group in
            ((group.fields["status"] as? TemplateObject)?.fields["key"] as? String) == WorkStatus.overdue.rawValue
        }
        let overdue = (overdueGroup?.fields["actions"] as? [TemplateObject]) ?? []
        let reviews = graph.reviews.values.sorted().compactMap { index -> TemplateObject? in
            guard current(index), case let .review(review)? = graph.pages[index].source.document,
                  let stage = currentStage(review) else { return nil }
            let page = graph.pages[index]
            return TemplateObject([
                "title": page.title, "url": inputs.urls.href(page.urlPath),
                "stage": stage.number.map { "Stage \($0): \(stage.name)" } ?? stage.name,
                "status": stage.status.map(statusObject) ?? NSNull(),
                "timeline": DocumentCharts.timeline(review, now: [inputs.today] + latestDates(of: page, inputs), id: "dash_timeline_\(index)"),
            ])
        }
        let highlights = graph.reports.filter { graph.pages[$0].source.frontMatter.kind == .highlight && current($0) }
            .sorted { (graph.pages[$0].date!, $0) > (graph.pages[$1].date!, $1) }.prefix(3).map { index -> TemplateObject in
                let page = graph.pages[index]
                return TemplateObject(["title": page.title, "url": inputs.urls.href(page.urlPath), "date": dayObject(page.date!)])
            }
        return TemplateObject([
            "quarterly": quarterly, "overdue": Array(overdue.prefix(10)), "overdueCount": overdue.count,
            "trackerURL": graph.hasActions ? inputs.urls.href("\(SiteGraph.actionsFolder)/") : NSNull(),
            "reviews": reviews, "hasReviews": !reviews.isEmpty, "highlights": Array(highlights), "hasHighlights": !highlights.isEmpty,
            "archiveURL": graph.reports.isEmpty ? NSNull() : inputs.urls.href("\(SiteGraph.archiveFolder)/"),
            "indicatorsURL": graph.hasIndicators ? inputs.urls.href("\(SiteGraph.indicatorsFolder)/") : NSNull(),
        ])
    }

    /// The first stage in hand, else the first not started; nil when every stage is complete or deferred.
    private static func currentStage(_ review: Review) -> ReviewStage? {
        let stages = review.stages ?? []
        return stages.first { $0.status == .inHand } ?? stages.first { $0.status == nil || $0.status == .notStarted || $0.status == .overdue }
    }

    /// Every report by financial year and quarter, newest first. A quarterly report sits in the
    /// quarter it covers; other reports in the quarter of their date.
    static func archive(_ inputs: Inputs) -> TemplateObject {
        let graph = inputs.graph
        var byQuarter: [FinancialQuarter: [Int]] = [:]
        for index in graph.reports {
            var quarter = FinancialQuarter(containing: graph.pages[index].date!)
            if case let .quarterly(report)? = graph.pages[index].source.document, let period = report.period { quarter = period }
            byQuarter[quarter, default: []].append(index)
        }
        let years = Dictionary(grouping: byQuarter.keys, by: \.year).keys.sorted(by: >)
        return TemplateObject(["years": years.map { year in
            TemplateObject(["label": year.label, "anchor": "year-\(year.startYear)", "quarters": byQuarter.keys.filter { $0.year == year }.sorted(by: >).map { quarter in
                TemplateObject(["label": "Quarter \(quarter.quarter)", "months": quarter.months, "reports":
                    byQuarter[quarter]!.sorted { (graph.pages[$0].date!, graph.pages[$1].urlPath) > (graph.pages[$1].date!, graph.pages[$0].urlPath) }.map { index in
                        let page = graph.pages[index]
                        return TemplateObject([
                            "title": page.title, "url": inputs.urls.href(page.urlPath),
                            "kind": page.source.document?.kind.title ?? NSNull(), "date": dayObject(page.date!),
                            "supersededBy": graph.supersededBy[index].map { newer in
                                TemplateObject(["title": graph.pages[newer].title, "url": inputs.urls.href(graph.pages[newer].urlPath)])
                            } ?? NSNull(),
                        ])
                    }])
            }])
        }])
    }

    // MARK: Small pieces

    private static func statusCounts(_ statuses: [WorkStatus]) -> [TemplateObject] {
        WorkStatus.allCases.sorted { $0.rank < $1.rank }.compactMap { status in
            let count = statuses.filter { $0 == status }.count
            return count == 0 ? nil : TemplateObject(["status": statusObject(status), "count": count])
        }
    }

    /// The dates of a review's own documents, newest first, then the review's date: "as at" candidates.
    static func latestDates(of review: SitePage, _ inputs: Inputs) -> [Day] {
        let documents = (inputs.graph.reviewDocuments[review.source.reviewID] ?? []).compactMap { inputs.graph.pages[$0].date }
        return documents.sorted(by: >) + (review.date.map { [$0] } ?? [])
    }

    private static func reviewLink(_ id: String, _ inputs: Inputs) -> Any {
        guard let index = inputs.graph.reviews[id] else { return NSNull() }
        let page = inputs.graph.pages[index]
        return TemplateObject(["title": page.title, "url": inputs.urls.href(page.urlPath)])
    }

    private static func point(_ point: MeasurePoint, _ unit: IndicatorUnit?) -> String {
        Format.value(point.value, unit: unit) + (point.date.map { " (\($0.long))" } ?? "")
    }

    static func statusObject(_ status: IndicatorStatus) -> TemplateObject {
        TemplateObject(["key": status.rawValue, "words": status.words])
    }

    static func statusObject(_ status: WorkStatus) -> TemplateObject {
        TemplateObject(["key": status.rawValue, "words": status.words])
    }

    static func calendarDate(_ date: CalendarDate) -> TemplateObject {
        TemplateObject(["iso": date.iso, "long": date.long])
    }

    static func dayObject(_ day: Day) -> TemplateObject {
        TemplateObject(["iso": day.iso, "long": day.long])
    }
}
