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
