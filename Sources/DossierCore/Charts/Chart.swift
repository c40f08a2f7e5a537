/// Charts as pure functions: data in, an SVG and its data table out.
///
/// `id` is a prefix unique on the page ("chart-3"); every id in the SVG (title, description,
/// patterns) starts with it, so several charts on one page never clash. The output depends only on
/// the arguments, byte for byte.
public enum Chart {
    /// Parts of a whole as a ring, the first part's share in the middle: "73%".
    public static func donut(_ data: DonutData, id: String) -> RenderedChart {
        DonutChart.render(data, id: id)
    }

    /// Indicators against their targets: each result's distance from its target as a bar from the target line.
    public static func target(_ data: TargetData, id: String) -> RenderedChart {
        TargetChart.render(data, id: id)
    }

    /// Stages on a month axis, with a marker at a day labelled with what it is.
    public static func timeline(_ data: TimelineData, id: String) -> RenderedChart {
        TimelineChart.render(data, id: id)
    }

    /// One indicator across periods, with its target; a missing value is a gap in the line.
    public static func trend(_ data: TrendData, id: String) -> RenderedChart {
        TrendChart.render(data, id: id)
    }

    /// A trend small enough for a table cell: no axes or text, a dot on the last value, the target as a line.
    public static func sparkline(_ data: TrendData, id: String) -> RenderedChart {
        SparklineChart.render(data, id: id)
    }

    /// One stacked bar per row, segments in the order of the statuses, counts in words.
    public static func statusBars(_ data: StatusBarsData, id: String) -> RenderedChart {
        StatusBarsChart.render(data, id: id)
    }

    /// Baseline, latest result and target on one scale.
    public static func measure(_ data: MeasureData, id: String) -> RenderedChart {
        MeasureChart.render(data, id: id)
    }
}
