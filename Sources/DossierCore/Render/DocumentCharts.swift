import Foundation

/// The charts placed on typed pages, built from the same models as the pages' tables.
/// Each returns the chart's HTML (SVG plus its data table), a sentence in its place when the data
/// has nothing to draw (`ChartRequest.nothingToDraw`), or nil when the page has no such data at all.
/// Ids are fixed per page and kind of chart; an underscore keeps them apart from heading anchors.
enum DocumentCharts {
    /// The share of milestones completed. On the scorecard the milestones table right under it has
    /// the figures, so the ring's key only names the parts and the figure has no data table of its
    /// own: the same numbers are shown once, not four times. Elsewhere (`tableOnPage` false, as on
    /// the dashboard) the key has the figures and the figure its data table.
    static func milestones(_ milestones: Milestones?, tableOnPage: Bool = true, id: String = "doc_milestones") -> String? {
        guard let milestones, let total = milestones.total, let completed = milestones.completed else { return nil }
        let outstanding = milestones.outstanding ?? max(0, total - completed)
        return ChartRequest.donut(DonutData(title: "Milestones completed", parts: [
            .init(label: "Completed", value: Double(completed), status: WorkStatus.complete.rawValue),
            .init(label: "Outstanding", value: Double(outstanding)),
        ], keyHasFigures: !tableOnPage)).pageHTML(id: id, tableOnPage: tableOnPage)
    }

    static func targets(_ report: QuarterlyReport, period: FinancialQuarter, _ inputs: DocumentContext.Inputs) -> String? {
        var unit: IndicatorUnit?
        let rows = (report.results ?? []).compactMap { result -> TargetData.Row? in
            guard let indicator = inputs.graph.registry.indicator(result.indicator) else { return nil }
            // One chart, one scale: indicators in other units stay in the table only.
            guard unit == nil || unit == indicator.unit else { return nil }
            unit = indicator.unit
            let computed = DocumentContext.evaluate(result, indicator, year: report.financialYear, inputs)
            return TargetData.Row(label: indicator.name, actual: result.actual, target: computed.target,
                                  status: computed.status.map { ChartStatus(key: $0.rawValue, words: $0.words) },
                                  direction: indicator.direction)
        }
        guard let unit, !rows.isEmpty else { return nil }
        // The report's results table (and the dashboard's) right under the chart has the same figures.
        return html(.target(TargetData(title: "Indicators against target, \(period.label)", unit: unit, rows: rows)), id: "doc_targets",
                    tableOnPage: true)
    }

    /// Days a timeline may mark, in order of preference: the day the site is built, then the
    /// review's documents, latest first.
    static func markers(built: Day, documents: [Day]) -> [(day: Day, label: String)] {
        [(built, "Site built \(built.long)")] + documents.map { ($0, "Latest report, \($0.long)") }
    }

    /// Stages with at least a start or an end date; the others have no place on a time axis.
    /// The marker is the first of `candidates` inside the plan's span, labelled with what it is:
    /// a marker decades away would only squash the stages.
    /// `tableOnPage`: the page lists the stages with their dates and status (the review page), so
    /// the figure leaves out its own table of them.
    /// A stage is late (its end passed, not complete or deferred) as at the marked day, so the
    /// chart agrees with its own marker; without a marker, as at `asOf`.
    static func timeline(_ review: Review, now candidates: [(day: Day, label: String)], asOf: Day, id: String = "doc_timeline",
                         tableOnPage: Bool = false) -> String? {
        let dated = (review.stages ?? []).compactMap { stage -> (stage: ReviewStage, start: Day, end: Day)? in
            guard let start = stage.start ?? stage.end, let end = stage.end ?? stage.start else { return nil }
            return (stage, start.first, end.last)
        }
        guard let first = dated.map(\.start).min(), let last = dated.map(\.end).max() else { return nil }
        let now = candidates.first { $0.day >= first && $0.day <= last }
        let stages = dated.map { stage, start, end in
            TimelineData.Stage(label: stage.number.map { "Stage \($0): \(stage.name)" } ?? stage.name, start: start, end: end,
                               status: stage.status.map { ChartStatus(key: $0.rawValue, words: $0.words) },
                               late: stage.isLate(asOf: now?.day ?? asOf))
        }
        return html(.timeline(TimelineData(title: "Stages of the review and their dates", stages: stages, now: now?.day,
                                           nowLabel: now?.label)), id: id, tableOnPage: tableOnPage)
    }

    /// Actions by status, one bar per group (theme, objective, source document).
    static func statusBars(title: String, _ groups: [(label: String, statuses: [WorkStatus])], id: String = "doc_status") -> String? {
        let rows = groups.filter { !$0.statuses.isEmpty }.map { group in
            StatusBarsData.Row(label: group.label, counts: Dictionary(grouping: group.statuses, by: \.rawValue).mapValues(\.count))
        }
        guard !rows.isEmpty else { return nil }
        return html(.status(StatusBarsData(title: title, statuses: ChartBlock.statusOrder.map { ChartStatus(key: $0.rawValue, words: $0.words) },
                                           rows: rows)), id: id)
    }

    /// Statuses grouped by label, the groups in the order their labels first appear.
    static func grouped(_ items: [(label: String, status: WorkStatus)]) -> [(label: String, statuses: [WorkStatus])] {
        var groups: [(label: String, statuses: [WorkStatus])] = []
        for (label, status) in items {
            if let index = groups.firstIndex(where: { $0.label == label }) {
                groups[index].statuses.append(status)
            } else {
                groups.append((label, [status]))
            }
        }
        return groups
    }

    static func measure(_ measure: Measure, id: String) -> String? {
        guard let baseline = measure.baseline, let target = measure.target else { return nil }
        let point = { (p: MeasurePoint) in MeasureData.Point(value: p.value, label: p.date?.long) }
        return html(.measure(MeasureData(title: measure.description, unit: measure.unit, baseline: point(baseline),
                                         latest: measure.latest.map(point), target: point(target))), id: id)
    }

    static func trend(_ indicator: Indicator, _ inputs: DocumentContext.Inputs, sparkline: Bool = false) -> String? {
        let points = inputs.graph.quarterlies.compactMap { index -> TrendData.Point? in
            guard case let .quarterly(report)? = inputs.graph.pages[index].source.document, let period = report.period,
                  let result = report.results?.first(where: { $0.indicator == indicator.id }) else { return nil }
            let target = result.target ?? indicator.target(in: report.financialYear)
            return TrendData.Point(label: period.label, value: result.actual, target: target)
        }
        guard !points.isEmpty else { return nil }
        let data = TrendData(title: indicator.name, unit: indicator.unit, points: points)
        // The indicator page's results table has every point: the figure has no table of its own.
        guard sparkline else { return html(.trend(data), id: "doc_trend", tableOnPage: true) }
        guard points.contains(where: { TrendWords.value($0) != nil }) else {
            return "<span class=\"cell-note\">\(StatusLook.noData.words)</span>"
        }
        return Chart.sparkline(data, id: "spark_\(indicator.id)").svg
    }

    private static func html(_ request: ChartRequest, id: String, tableOnPage: Bool = false) -> String {
        request.pageHTML(id: id, tableOnPage: tableOnPage)
    }
}
