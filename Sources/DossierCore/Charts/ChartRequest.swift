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
    // TEMPORARY until the chart renderers land.
    func rendered(id: String) -> RenderedChart {
        RenderedChart(svg: "<svg id=\"\(id)\"></svg>", table: "")
    }

    static func sparkline(_ data: TrendData, id: String) -> String { "" }
}
