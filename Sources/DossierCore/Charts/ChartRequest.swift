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
        switch self {
        case let .donut(data): return Chart.donut(data, id: id)
        case let .target(data): return Chart.target(data, id: id)
        case let .timeline(data): return Chart.timeline(data, id: id)
        case let .trend(data): return Chart.trend(data, id: id)
        case let .status(data): return Chart.statusBars(data, id: id)
        case let .measure(data): return Chart.measure(data, id: id)
        }
    }
}
