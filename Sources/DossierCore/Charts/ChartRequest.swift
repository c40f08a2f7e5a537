/// A chart of any kind, with its data: what a ```chart block or a page asks for.
public enum ChartRequest: Sendable, Equatable {
    case donut(DonutData)
    case target(TargetData)
    case timeline(TimelineData)
    case trend(TrendData)
    case status(StatusBarsData)
    case measure(MeasureData)
}

extension ChartRequest {
    /// The chart for a page: its figure, or, when there is nothing to draw, a sentence saying so
    /// in its place (an empty frame that says "No data" helps no one).
    func pageHTML(id: String, tableOnPage: Bool = false) -> String {
        guard let sentence = nothingToDraw else {
            var chart = rendered(id: id)
            chart.tableOnPage = tableOnPage
            return chart.html
        }
        return "<p class=\"chart-none\">\(HTML.escape(sentence))</p>"
    }

    /// Why there is no chart, when there is nothing to draw: no values, no stages, no actions.
    var nothingToDraw: String? {
        switch self {
        case let .donut(data):
            return DonutChart.values(data).reduce(0, +) > 0 ? nil : "\(data.title): nothing is counted yet, so there is no chart."
        case let .target(data):
            return data.rows.contains { TargetChart.better($0) != nil } ? nil
                : "\(data.title): no indicator has been measured yet, so there is no chart."
        case let .timeline(data):
            return data.stages.isEmpty ? "\(data.title): no stage has dates yet, so there is no timeline." : nil
        case let .trend(data):
            return data.points.contains { TrendWords.value($0) != nil } ? nil
                : "\(data.title): not yet measured in any report, so there is no chart."
        case let .status(data):
            let counted = data.rows.contains { row in StatusBarsChart.counts(row, data.statuses).contains { $0 > 0 } }
            return counted ? nil : "\(data.title): there is nothing to count yet, so there is no chart."
        case .measure:
            return nil
        }
    }

    /// The chart drawn, with `id` as the prefix of every id inside it.
    func rendered(id: String) -> RenderedChart {
        var chart: RenderedChart
        switch self {
        case let .donut(data): chart = Chart.donut(data, id: id)
        case let .target(data): chart = Chart.target(data, id: id)
        case let .timeline(data): chart = Chart.timeline(data, id: id)
        case let .trend(data): chart = Chart.trend(data, id: id)
        case let .status(data): chart = Chart.statusBars(data, id: id)
        case let .measure(data): chart = Chart.measure(data, id: id)
        }
        chart.caption = title
        return chart
    }

    var title: String {
        switch self {
        case let .donut(data): return data.title
        case let .target(data): return data.title
        case let .timeline(data): return data.title
        case let .trend(data): return data.title
        case let .status(data): return data.title
        case let .measure(data): return data.title
        }
    }
}
