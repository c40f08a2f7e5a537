import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import DossierCore

/// The example site's data, as the pages build it.
enum ChartExamples {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    static let donut = DonutData(title: "Milestones completed", parts: [
        .init(label: "Completed", value: 219), .init(label: "Outstanding", value: 79),
    ])

    static let targets: TargetData = {
        let names = ["Customer satisfaction: ICT training", "Customer satisfaction: help desk", "Council-wide fault",
                     "Local fault", "Single item fault", "Minor fault", "Inconvenience fault",
                     "Calls answered immediately", "Calls and faults fixed immediately"]
        let targets: [Double] = [90, 90, 90, 85, 90, 95, 95, 75, 60]
        let actuals: [Double] = [93, 98, 100, 90, 92, 95, 96, 87, 59]
        let exceeded = ChartStatus(key: "exceeded", words: "Target exceeded")
        let statuses = [exceeded, exceeded, exceeded, exceeded, exceeded, ChartStatus(key: "met", words: "Target met"),
                        exceeded, exceeded, ChartStatus(key: "near", words: "Target just missed")]
        let rows = names.indices.map { TargetData.Row(label: names[$0], actual: actuals[$0], target: targets[$0], status: statuses[$0]) }
        return TargetData(title: "Indicators against target, Q3 2006/07", unit: .percent, rows: rows)
    }()

    static let timeline: TimelineData = {
        let inHand = ChartStatus(key: "in-hand", words: "In hand")
        let notStarted = ChartStatus(key: "not-started", words: "Not started")
        let stages: [(String, String, String)] = [
            ("Preparatory work and early wins", "2004-01-01", "2004-06-30"),
            ("Visioning challenge", "2004-07-01", "2004-07-31"),
            ("Review work", "2004-06-01", "2005-03-31"),
            ("Options challenge", "2005-04-01", "2005-04-30"),
            ("Continue review", "2005-04-01", "2005-07-31"),
            ("Final challenge", "2005-09-01", "2005-09-30"),
            ("Implementation", "2005-10-01", "2006-09-30"),
        ]
        return TimelineData(title: "Outline plan", stages: stages.enumerated().map { index, stage in
            TimelineData.Stage(label: "Stage \(index + 1): \(stage.0)", start: day(stage.1), end: day(stage.2),
                               status: index == 0 ? inHand : notStarted)
        }, now: day("2004-05-17"), nowLabel: "Latest report, 17 May 2004")
    }()

    static let trend = TrendData(title: "Calls and faults fixed immediately", unit: .percent, points: [
        .init(label: "Q1 2006/07", value: 57, target: 60),
        .init(label: "Q2 2006/07", value: nil, target: 60),
        .init(label: "Q3 2006/07", value: 59, target: 60),
        .init(label: "Q4 2006/07", value: 60, target: 60),
    ])

    static let workStatuses = [
        ChartStatus(key: "complete", words: "Complete"), ChartStatus(key: "in-hand", words: "In hand"),
        ChartStatus(key: "overdue", words: "Overdue"), ChartStatus(key: "not-started", words: "Not started"),
        ChartStatus(key: "deferred", words: "Deferred"),
    ]

    static let statusBars: StatusBarsData = {
        let themes: [(String, [String: Int])] = [
            ("Governance", ["complete": 2, "in-hand": 1, "overdue": 1]),
            ("People", ["complete": 3, "in-hand": 6, "overdue": 1]),
            ("Risk", ["complete": 1, "in-hand": 3]),
            ("Finance", ["complete": 3, "in-hand": 1]),
            ("Customers", ["complete": 2, "in-hand": 3, "overdue": 1]),
            ("Projects", ["complete": 2, "in-hand": 3]),
            ("Information", ["complete": 1, "in-hand": 3]),
            ("Training", ["complete": 1, "in-hand": 3, "overdue": 2]),
            ("Transformation", ["in-hand": 2]),
            ("Partnerships", ["in-hand": 2]),
        ]
        return StatusBarsData(title: "Actions by theme", statuses: workStatuses,
                              rows: themes.map { StatusBarsData.Row(label: $0.0, counts: $0.1) })
    }()

    static let measure = MeasureData(title: "Individual users of the intranet, from the user database", unit: .count,
                                     baseline: .init(value: 4991, label: "December 2002"),
                                     latest: .init(value: 5050, label: "June 2003"),
                                     target: .init(value: 5200, label: "December 2003"))

    /// Every kind with the example data, by golden file name.
    static let all: [(name: String, chart: @Sendable (String) -> RenderedChart)] = [
        ("donut", { Chart.donut(donut, id: $0) }),
        ("target", { Chart.target(targets, id: $0) }),
        ("timeline", { Chart.timeline(timeline, id: $0) }),
        ("trend", { Chart.trend(trend, id: $0) }),
        ("sparkline", { Chart.sparkline(trend, id: $0) }),
        ("status-bars", { Chart.statusBars(statusBars, id: $0) }),
        ("measure", { Chart.measure(measure, id: $0) }),
    ]

    /// Awkward data: empty, zero, full, single, missing, negative, long, many.
    static let edgeCases: [(name: String, chart: @Sendable (String) -> RenderedChart)] = [
        ("donut-empty", { Chart.donut(DonutData(title: "Nothing", parts: []), id: $0) }),
        ("donut-zero", { Chart.donut(DonutData(title: "Milestones", parts: [.init(label: "Completed", value: 0), .init(label: "Outstanding", value: 0)]), id: $0) }),
        ("donut-none-done", { Chart.donut(DonutData(title: "Milestones", parts: [.init(label: "Completed", value: 0), .init(label: "Outstanding", value: 12)]), id: $0) }),
        ("donut-all-done", { Chart.donut(DonutData(title: "Milestones", parts: [.init(label: "Completed", value: 12), .init(label: "Outstanding", value: 0)]), id: $0) }),
        ("donut-many", { Chart.donut(DonutData(title: "Spend <by> type & year", parts: (1...6).map { .init(label: "Part \($0) with a rather long label that will not fit on one line", value: Double($0)) }), id: $0) }),
        ("target-empty", { Chart.target(TargetData(title: "None", unit: .percent, rows: []), id: $0) }),
        ("target-missing", { Chart.target(TargetData(title: "Results", unit: .percent, rows: [
            .init(label: "Answered", actual: nil, target: 80, status: nil),
            .init(label: "Fixed", actual: 70, target: 60, status: ChartStatus(key: "exceeded", words: "Target exceeded")),
        ]), id: $0) }),
        ("target-negative", { Chart.target(TargetData(title: "Scores", unit: .score, rows: [
            .init(label: "Morale", actual: -12.5, target: 5, status: ChartStatus(key: "missed", words: "Target missed")),
            .init(label: "Trust", actual: 30, target: 20, status: ChartStatus(key: "exceeded", words: "Target exceeded")),
        ]), id: $0) }),
        ("target-count", { Chart.target(TargetData(title: "Calls", unit: .count, rows: [
            .init(label: "Calls answered", actual: 35993, target: 30000, status: ChartStatus(key: "exceeded", words: "Target exceeded")),
            .init(label: "Faults fixed", actual: 10126, target: 12000, status: ChartStatus(key: "missed", words: "Target missed")),
        ]), id: $0) }),
        ("timeline-empty", { Chart.timeline(TimelineData(title: "Plan", stages: [], now: nil), id: $0) }),
        ("timeline-one", { Chart.timeline(TimelineData(title: "Plan", stages: [
            .init(label: "Only stage", start: day("2004-01-01"), end: day("2004-01-31"), status: nil)], now: nil), id: $0) }),
        ("timeline-thirty", { Chart.timeline(thirtyStages, id: $0) }),
        ("timeline-full-width", { Chart.timeline(fullWidth, id: $0) }),
        ("trend-empty", { Chart.trend(TrendData(title: "Trend", unit: .percent, points: []), id: $0) }),
        ("trend-one", { Chart.trend(TrendData(title: "Trend", unit: .percent, points: [.init(label: "Q1 2006/07", value: 87, target: 75)]), id: $0) }),
        ("trend-negative", { Chart.trend(TrendData(title: "Balance", unit: .score, points: [
            .init(label: "2004", value: -3, target: nil), .init(label: "2005", value: 4.5, target: nil), .init(label: "2006", value: nil, target: nil)]), id: $0) }),
        ("trend-many", { Chart.trend(TrendData(title: "Calls", unit: .count, points: (1...16).map {
            .init(label: "Q\(($0 - 1) % 4 + 1) \(2003 + ($0 - 1) / 4)/\(String(format: "%02d", (4 + ($0 - 1) / 4) % 100))", value: $0 == 7 ? nil : Double(1000 + $0 * 37), target: 1400) }), id: $0) }),
        ("sparkline-empty", { Chart.sparkline(TrendData(title: "Trend", unit: .percent, points: []), id: $0) }),
        ("sparkline-one", { Chart.sparkline(TrendData(title: "Trend", unit: .percent, points: [.init(label: "Q1", value: 87, target: 75)]), id: $0) }),
        ("status-empty", { Chart.statusBars(StatusBarsData(title: "Actions", statuses: workStatuses, rows: []), id: $0) }),
        ("status-all-five", { Chart.statusBars(StatusBarsData(title: "Actions", statuses: workStatuses, rows: [
            .init(label: "Better alignment of ICT strategy and investment decisions across the council",
                  counts: ["complete": 1, "in-hand": 2, "overdue": 1, "not-started": 3, "deferred": 1, "unknown": 9]),
            .init(label: "Nothing yet", counts: [:])]), id: $0) }),
        ("measure-no-latest", { Chart.measure(MeasureData(title: "Satisfied users", unit: .percent,
            baseline: .init(value: 40, label: nil), latest: nil, target: .init(value: 60, label: "31 March 2003")), id: $0) }),
        ("measure-falling", { Chart.measure(MeasureData(title: "Paper bought", unit: nil,
            baseline: .init(value: 100, label: "2000"), latest: .init(value: 97.5, label: "2002"), target: .init(value: 95, label: "2003")), id: $0) }),
    ]

    /// A stage as long as the axis: its status has no room beside the bar, so it goes by the label.
    static let fullWidth = TimelineData(title: "Plan", stages: [
        .init(label: "The whole programme, from the first survey to the last report to members", start: day("2004-01-01"),
              end: day("2009-12-31"), status: ChartStatus(key: "in-hand", words: "In hand"))], now: day("2009-12-31"))

    static let thirtyStages = TimelineData(title: "Long plan", stages: (0..<30).map { index in
        let start = Day(year: 2004 + index / 12, month: index % 12 + 1, day: 1)!
        return TimelineData.Stage(label: "Step \(index + 1)", start: start, end: start,
                                  status: index < 10 ? ChartStatus(key: "complete", words: "Complete") : nil)
    }, now: day("2005-02-14"))
}

/// Compares output with Tests/DossierCoreTests/Golden/NAME.svg; DOSSIER_UPDATE_GOLDEN=1 rewrites them.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ name: String, _ text: String) throws {
        let url = folder.appendingPathComponent("\(name).svg")
        if ProcessInfo.processInfo.environment["DOSSIER_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try (text + "\n").write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(expected == text + "\n", "\(name).svg differs from the golden file; run with DOSSIER_UPDATE_GOLDEN=1 and look at it")
    }
}

/// Parses markup as XML and collects what the tests look at.
final class XMLScan: NSObject, XMLParserDelegate {
    var ids: [String] = []
    var references: [String] = []
    var elements: [String] = []
    var attributes: [[String: String]] = []
    var error: String?

    static func scan(_ text: String) -> XMLScan {
        let scan = XMLScan()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = scan
        if !parser.parse() { scan.error = scan.error ?? parser.parserError.map { "\($0)" } ?? "parse failed" }
        return scan
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(name)
        self.attributes.append(attributes)
        if let id = attributes["id"] { ids.append(id) }
        if let labelled = attributes["aria-labelledby"] { references += labelled.split(separator: " ").map(String.init) }
        for value in attributes.values where value.hasPrefix("url(#") {
            references.append(String(value.dropFirst(5).dropLast()))
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        error = "\(parseError) at line \(parser.lineNumber)"
    }
}

@Suite struct ChartTests {
    // MARK: Golden files

    @Test(arguments: ChartExamples.all.map(\.name))
    func goldenSVG(_ name: String) throws {
        let chart = ChartExamples.all.first { $0.name == name }!.chart("chart-\(name)")
        try Golden.check(name, chart.svg)
    }

    /// DOSSIER_CHART_PREVIEW=/some/folder writes charts.html there: every example and edge case with
    /// the real stylesheet, to look at in a browser.
    @Test func previewPage() throws {
        guard let folder = ProcessInfo.processInfo.environment["DOSSIER_CHART_PREVIEW"] else { return }
        let css = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../templates/assets/dossier.css").standardized
        var page = "<!doctype html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
        page += "<link rel=\"stylesheet\" href=\"\(css.path)\"><title>Charts</title></head><body><main class=\"container\">\n"
        for (name, chart) in ChartExamples.all + ChartExamples.edgeCases {
            page += "<h2>\(name)</h2>\n\(chart("chart-\(name)").html)\n"
        }
        let spark = Chart.sparkline(ChartExamples.trend, id: "spark-table").svg
        page += "<h2>sparkline in a table</h2>\n<table><tr><th scope=\"row\">Calls and faults fixed immediately</th><td class=\"num\">60%</td><td>\(spark)</td></tr></table>\n"
        page += "</main></body></html>\n"
        try page.write(toFile: folder + "/charts.html", atomically: true, encoding: .utf8)
    }

    @Test func theDonutSaysSeventyThreePerCent() {
        let chart = Chart.donut(ChartExamples.donut, id: "c")
        #expect(chart.svg.contains(#"<title id="c-title">73% of milestones completed (219 of 298)</title>"#))
        #expect(chart.svg.contains(">73%</text>"))
        #expect(chart.svg.contains(">219 (73%)</text>"))
        #expect(chart.svg.contains(">79 (27%)</text>"))
    }

    @Test func titlesGiveTheMessage() {
        #expect(TargetChart.title(ChartExamples.targets) == "Indicators against target, Q3 2006/07: 8 of 9 targets met or exceeded")
        #expect(TimelineChart.title(ChartExamples.timeline) == "Outline plan: 7 stages, January 2004 to September 2006")
        #expect(TrendWords.title(ChartExamples.trend) == "Calls and faults fixed immediately: 60% in Q4 2006/07, up from 57% in Q1 2006/07; target 60%")
        #expect(StatusBarsChart.title(ChartExamples.statusBars) == "Actions by theme: 47 in all, 15 complete, 27 in hand, 5 overdue")
        #expect(MeasureChart.title(ChartExamples.measure) == "Individual users of the intranet, from the user database: 5,050 in June 2003, 28% of the way from the baseline of 4,991 (December 2002) to the target of 5,200 (December 2003)")
    }

    @Test func descriptionsGiveTheDataInWords() {
        let target = TargetChart.description(ChartExamples.targets)
        // Worst first, as drawn.
        #expect(target.hasPrefix("Calls and faults fixed immediately: 59% against a target of 60% (target just missed). Minor fault: 95% against a target of 95% (target met)."))
        #expect(target.hasSuffix("Calls answered immediately: 87% against a target of 75% (target exceeded)."))
        #expect(TimelineChart.description(ChartExamples.timeline).hasSuffix("Stage 7: Implementation: October 2005 to September 2006, not started. Marked: Latest report, 17 May 2004."))
        #expect(TrendWords.description(ChartExamples.trend) == "Q1 2006/07: 57% (target 60%). Q2 2006/07: no result (target 60%). Q3 2006/07: 59% (target 60%). Q4 2006/07: 60% (target 60%).")
        #expect(MeasureChart.description(ChartExamples.measure) == "Baseline: 4,991, December 2002. Latest: 5,050, June 2003. Target: 5,200, December 2003.")
    }

    // MARK: Markup

    @Test func everySVGAndTableIsWellFormedXML() {
        for (name, chart) in ChartExamples.all + ChartExamples.edgeCases {
            let rendered = chart("chart-\(name)")
            let svg = XMLScan.scan(rendered.svg)
            #expect(svg.error == nil, "\(name): \(svg.error ?? "")")
            let table = XMLScan.scan(rendered.table)
            #expect(table.error == nil, "\(name) table: \(table.error ?? "")")
            let html = XMLScan.scan(rendered.html)
            #expect(html.error == nil, "\(name) html: \(html.error ?? "")")
        }
    }

    @Test func everySVGIsAnAccessibleImageSizedByItsViewBox() {
        for (name, chart) in ChartExamples.all + ChartExamples.edgeCases {
            let svg = chart("p").svg
            let scan = XMLScan.scan(svg)
            let root = scan.attributes.first ?? [:]
            #expect(root["role"] == "img", "\(name)")
            #expect(root["aria-labelledby"] == "p-title p-desc", "\(name)")
            #expect(root["viewBox"]?.hasPrefix("0 0 ") == true, "\(name)")
            #expect(root["width"] == nil && root["height"] == nil, "\(name): no fixed size")
            #expect(root["class"]?.hasPrefix("chart-svg ") == true, "\(name)")
            #expect(scan.elements.prefix(3) == ["svg", "title", "desc"], "\(name)")
            #expect(!svg.contains("<script") && !svg.contains("<image") && !svg.contains("@import") && !svg.contains("href"), "\(name)")
            #expect(!svg.contains("\n\n"), "\(name): a blank line would end a Markdown HTML block")
            // Every reference points at an element in the same chart.
            for reference in scan.references { #expect(scan.ids.contains(reference), "\(name): \(reference)") }
            // Text is legible and carries its own size and colour.
            for attributes in scan.attributes where attributes["class"]?.contains("chart-text") == true {
                let size = Double(attributes["font-size"] ?? "0") ?? 0
                let small = name.hasPrefix("sparkline")
                #expect(size >= (small ? 13 : 14), "\(name): font-size \(size)")
                #expect(attributes["fill"] != nil, "\(name)")
            }
        }
    }

    @Test func idsStayUniqueWhenChartsShareAPage() {
        var page = ""
        for (name, chart) in ChartExamples.all + ChartExamples.edgeCases {
            page += chart("chart-1-\(name)").html + chart("chart-2-\(name)").html
        }
        let scan = XMLScan.scan("<div>" + page + "</div>")
        #expect(scan.error == nil)
        #expect(Set(scan.ids).count == scan.ids.count)
        #expect(scan.ids.count > 50)
        #expect(scan.ids.allSatisfy { $0.hasPrefix("chart-1-") || $0.hasPrefix("chart-2-") })
    }

    @Test func outputIsDeterministicAndFreeOfNumberNoise() {
        for (name, chart) in ChartExamples.all + ChartExamples.edgeCases {
            let once = chart("x"), again = chart("x")
            #expect(once == again, "\(name)")
            let numbers = once.svg.replacing(/#[0-9a-f]{6}/, with: "")
            #expect(!numbers.contains(/[^A-Za-z](nan|NaN|inf|Infinity)[^A-Za-z]/), "\(name)")
            #expect(!numbers.contains(/\d[eE][+-]?\d/), "\(name): exponent")
            #expect(!once.svg.contains(/\.\d{3}/), "\(name): more than two decimals")
            #expect(!once.svg.contains(/[" ]-0[" ]/), "\(name): minus zero")
        }
    }

    @Test func textIsEscaped() {
        let data = DonutData(title: "Spend <by> type & \"year\"", parts: [.init(label: "A&B <c>", value: 1)])
        let chart = Chart.donut(data, id: "e")
        #expect(chart.svg.contains("Spend &lt;by&gt; type &amp; \"year\""))
        #expect(chart.table.contains("<caption>Spend &lt;by&gt; type &amp; \"year\"</caption>"))
        #expect(chart.table.contains("<th scope=\"row\">A&amp;B &lt;c&gt;</th>"))
        #expect(XMLScan.scan(chart.svg).error == nil)
        #expect(XML.escape("a\u{1}b\"", attribute: true) == "ab&quot;")
    }

    // MARK: Tables

    @Test func tablesHaveCaptionsHeadersAndNumbers() {
        let target = Chart.target(ChartExamples.targets, id: "t").table
        #expect(target.hasPrefix("<table class=\"chart-table\">\n<caption>Indicators against target, Q3 2006/07</caption>"))
        #expect(target.contains("<tr><th scope=\"col\">Indicator</th><th scope=\"col\" class=\"num\">Result</th><th scope=\"col\" class=\"num\">Target</th><th scope=\"col\" class=\"num\">From target</th><th scope=\"col\">Status</th></tr>"))
        #expect(target.contains("<tr><th scope=\"row\">Minor fault</th><td class=\"num\">95%</td><td class=\"num\">95%</td><td class=\"num\">On target</td><td>Target met</td></tr>"))
        #expect(target.contains("<tr><th scope=\"row\">Calls and faults fixed immediately</th><td class=\"num\">59%</td><td class=\"num\">60%</td><td class=\"num\">\u{2212}1 point</td><td>Target just missed</td></tr>"))

        let bars = Chart.statusBars(ChartExamples.statusBars, id: "s").table
        #expect(bars.contains("<th scope=\"col\" class=\"num\">Overdue</th><th scope=\"col\" class=\"num\">Total</th></tr>"))
        #expect(!bars.contains("Deferred"), "statuses no row has are left out")
        #expect(bars.contains("<tr><th scope=\"row\">People</th><td class=\"num\">3</td><td class=\"num\">6</td><td class=\"num\">1</td><td class=\"num\">10</td></tr>"))
        #expect(bars.contains("<tfoot>\n<tr><th scope=\"row\">Total</th><td class=\"num\">15</td><td class=\"num\">27</td><td class=\"num\">5</td><td class=\"num\">47</td></tr>"))

        let timeline = Chart.timeline(ChartExamples.timeline, id: "l").table
        #expect(timeline.contains("<caption>Outline plan, as at 17 May 2004</caption>"))
        #expect(timeline.contains("<tr><th scope=\"row\">Stage 1: Preparatory work and early wins</th><td>January 2004</td><td>June 2004</td><td>In hand</td></tr>"))

        let trend = Chart.trend(ChartExamples.trend, id: "r").table
        #expect(trend.contains("<tr><th scope=\"row\">Q2 2006/07</th><td class=\"num\">Not yet measured</td><td class=\"num\">60%</td></tr>"))

        let measure = Chart.measure(ChartExamples.measure, id: "m").table
        #expect(measure.contains("<tr><th scope=\"row\">Latest</th><td class=\"num\">5,050</td><td>June 2003</td></tr>"))

        let donut = Chart.donut(ChartExamples.donut, id: "d").table
        #expect(donut.contains("<tfoot>\n<tr><th scope=\"row\">Total</th><td class=\"num\">298</td><td class=\"num\">100%</td></tr>"))
    }

    // MARK: Layout properties

    @Test(arguments: [[219.0, 79], [1, 1, 1], [0.1, 0.2, 0.3], [5, 0, 3], [0, 7], [7, 0], [1e-9, 1e9], [3, -2, 5]])
    func donutSegmentsMakeTheWhole(_ values: [Double]) {
        let data = DonutData(title: "Parts", parts: values.map { .init(label: "P", value: $0) })
        let segments = DonutChart.layout(data, id: "d").segments
        #expect(abs(segments.map(\.sweep).reduce(0, +) - 360) < 1e-9)
        #expect(segments.first?.start == 0 && segments.last?.end == 360)
        for (a, b) in zip(segments, segments.dropFirst()) { #expect(a.end == b.start) }
        let total = values.map { max(0, $0) }.reduce(0, +)
        for segment in segments {
            #expect(abs(segment.sweep - max(0, values[segment.part]) / total * 360) < 1e-9)
        }
    }

    @Test func targetBarsAreDistancesFromTheTargetLine() {
        let layout = TargetChart.layout(ChartExamples.targets, id: "t")
        #expect(layout.bars.count == 8, "the result exactly on target is a mark on the line, not a bar")
        #expect(layout.onTarget == [5])
        let scale = layout.bars[0].width / layout.bars[0].value
        for bar in layout.bars {
            #expect(abs(bar.width / bar.value - scale) < 1e-9)
            #expect(bar.x == layout.targetX)
        }
        let calls = layout.bars.first { $0.row == 8 }!
        #expect(calls.value == -1 && calls.width < 0, "59 against 60 is one point worse: to the left")
        #expect(layout.bars.first { $0.row == 7 }!.value == 12)
        #expect(layout.axis.lower == -1 && layout.axis.upper == 12)
    }

    @Test func targetRowsComeWorstFirst() {
        // Just missed, then met, then exceeded from the least to the most.
        #expect(TargetChart.order(ChartExamples.targets) == [8, 5, 6, 4, 0, 3, 1, 2, 7])
        let mixed = TargetData(title: "T", unit: .percent, rows: [
            .init(label: "A", actual: 99, target: 90, status: ChartStatus(key: "exceeded", words: "Target exceeded")),
            .init(label: "B", actual: nil, target: 90, status: nil),
            .init(label: "C", actual: 70, target: 90, status: ChartStatus(key: "missed", words: "Target missed")),
        ])
        #expect(TargetChart.order(mixed) == [2, 1, 0], "missed, not yet measured, exceeded")
    }

    @Test func lowerIsBetterPutsAResultUnderItsTargetOnTheRight() {
        let data = TargetData(title: "Times", unit: .hours, rows: [
            .init(label: "Fix time", actual: 3, target: 4, status: ChartStatus(key: "exceeded", words: "Target exceeded"), direction: .lower),
            .init(label: "Wait", actual: 6, target: 4, status: ChartStatus(key: "missed", words: "Target missed"), direction: .lower)])
        let layout = TargetChart.layout(data, id: "t")
        #expect(layout.bars.first { $0.row == 0 }!.width > 0)
        #expect(layout.bars.first { $0.row == 1 }!.width < 0)
        let svg = Chart.target(data, id: "t").svg
        #expect(svg.contains(">1 hour under</text>") && svg.contains(">2 hours over</text>"))
    }

    @Test func negativeValuesGetANegativeAxisThroughZero() {
        let target = TargetChart.layout(TargetData(title: "Scores", unit: .score, rows: [
            .init(label: "Morale", actual: -12.5, target: 5, status: nil), .init(label: "Trust", actual: 30, target: 20, status: nil)]), id: "t")
        let morale = target.bars[0]
        #expect(morale.value == -17.5 && morale.width < 0 && morale.x == target.targetX)

        let trend = TrendChart.layout(TrendData(title: "Balance", unit: .score, points: [
            .init(label: "2004", value: -3, target: nil), .init(label: "2005", value: 4.5, target: nil)]), id: "r")
        #expect(trend.axis.lower <= -3 && trend.axis.upper >= 4.5 && trend.axis.ticks.contains(0))
    }

    @Test func aTrendAndItsSparklineShareOneScale() {
        let trend = TrendChart.layout(ChartExamples.trend, id: "r")
        let spark = SparklineChart.layout(ChartExamples.trend, id: "s")
        #expect(trend.axis == spark.axis)
        #expect(trend.axis.upper - trend.axis.lower >= 20 && trend.axis.lower <= 57 && trend.axis.upper >= 60,
                "57 to 60 per cent on at least 20 points: a point is not a leap")
        let full = TrendWords.axis(TrendData(title: "F", unit: .percent, points: [.init(label: "Q1", value: 99, target: 100)]))
        #expect(full.upper == 100 && full.lower == 80, "never past 100 per cent")
        let svg = Chart.sparkline(ChartExamples.trend, id: "s").svg
        #expect(svg.contains(">57%</text>") && svg.contains(">60%</text>"), "the end values are written")
        let chart = Chart.trend(ChartExamples.trend, id: "r").svg
        #expect(chart.contains(">57%</text>") && chart.contains(">60%</text>"))
    }

    @Test func aChartWithNothingToDrawIsASentence() {
        let none = ChartRequest.target(TargetData(title: "Results", unit: .percent, rows: [.init(label: "A", actual: nil, target: 90, status: nil)]))
        #expect(none.pageHTML(id: "x") == "<p class=\"chart-none\">Results: no indicator has been measured yet, so there is no chart.</p>")
        let trend = ChartRequest.trend(TrendData(title: "Calls", unit: .percent, points: [.init(label: "Q1", value: nil, target: 60)]))
        #expect(trend.pageHTML(id: "x").hasPrefix("<p class=\"chart-none\">Calls: not yet measured"))
        #expect(ChartRequest.target(ChartExamples.targets).pageHTML(id: "x").hasPrefix("<figure class=\"chart\">"))
        let donut = ChartRequest.donut(ChartExamples.donut).pageHTML(id: "x", tableOnPage: true)
        #expect(!donut.contains("<details"), "a page with the table already does not repeat it")
    }

    @Test func timelineBarsLieInsideTheAxis() {
        for data in [ChartExamples.timeline, ChartExamples.thirtyStages] {
            let layout = TimelineChart.layout(data, id: "l")
            #expect(layout.bars.count == data.stages.count)
            for bar in layout.bars {
                #expect(bar.x >= layout.plotLeft - 1e-9 && bar.x + bar.width <= layout.plotRight + 1e-9)
                #expect(bar.width > 0)
            }
        }
        let layout = TimelineChart.layout(ChartExamples.timeline, id: "l")
        // Stage 2 (July 2004) starts where stage 1 (January to June 2004) ends.
        #expect(abs(layout.bars[0].x + layout.bars[0].width - layout.bars[1].x) < 1e-9)
        #expect(layout.axis?.firstMonth == 2004 * 12 && layout.axis?.endMonth == 2006 * 12 + 9)
        #expect(layout.nowX.map { $0 > layout.bars[0].x && $0 < layout.bars[1].x } == true)
    }

    @Test func timelineRowsAreTheSameHeightForOneStageOrThirty() {
        let one = TimelineChart.layout(TimelineData(title: "Plan", stages: Array(ChartExamples.thirtyStages.stages.prefix(1)), now: nil), id: "a")
        let thirty = TimelineChart.layout(TimelineData(title: "Plan", stages: ChartExamples.thirtyStages.stages, now: nil), id: "b")
        #expect(one.rowHeight == thirty.rowHeight)
        #expect(abs((thirty.drawing.height - one.drawing.height) - 29 * one.rowHeight) < 1e-9)
    }

    @Test func timelineAxisLabelsReadLikeJan04() {
        let axis = TimelineChart.layout(ChartExamples.timeline, id: "l").axis!
        #expect(axis.ticks.map(axis.label) == ["Jan 04", "Jul 04", "Jan 05", "Jul 05", "Jan 06", "Jul 06"])
        #expect(axis.minorTicks.map(axis.label) == ["Apr 04", "Oct 04", "Apr 05", "Oct 05", "Apr 06", "Oct 06"], "quarters between the labelled half-years")
        let svg = Chart.timeline(ChartExamples.timeline, id: "l").svg
        #expect(svg.contains(">Latest report, 17 May 2004</text>"), "the marker says what it is, never \"Now\"")
        #expect(!svg.contains(">Now<"))
        let dated = Chart.timeline(TimelineData(title: "Plan", stages: ChartExamples.timeline.stages, now: ChartExamples.day("2004-05-17")), id: "d").svg
        #expect(dated.contains(">17 May 2004</text>"), "without a label the marker is its date")
        let long = TimeAxis.covering([Day(iso: "2004-01-01")!, Day(iso: "2009-06-30")!], length: 392, labelSize: 14)
        #expect(long.stepMonths == 12 && long.ticks.map(long.label) == (2004...2009).map(String.init))
        #expect(Chart.timeline(ChartExamples.fullWidth, id: "f").svg.contains(">In hand</text>"))
        let short = TimeAxis.covering([Day(iso: "2004-01-01")!, Day(iso: "2004-04-30")!], length: 392, labelSize: 14)
        #expect(short.stepMonths == 1 && short.ticks.map(short.label) == ["Jan 04", "Feb 04", "Mar 04", "Apr 04", "May 04"])
    }

    @Test func statusSegmentsStackInStatusOrderAndInProportion() {
        let layout = StatusBarsChart.layout(ChartExamples.statusBars, id: "s")
        let people = layout.segments.filter { $0.row == 1 }
        #expect(people.map(\.status) == [0, 1, 2])
        #expect(people.map(\.count) == [3, 6, 1])
        for (a, b) in zip(people, people.dropFirst()) { #expect(abs(a.x + a.width - b.x) < 1e-9) }
        let unit = people[0].width / 3
        for segment in layout.segments { #expect(abs(segment.width - Double(segment.count) * unit) < 1e-9) }
        #expect(layout.axis.ticks.allSatisfy { $0 == $0.rounded() }, "counts tick on whole numbers")
    }

    @Test func measureMarkersSitOnTheScale() {
        let layout = MeasureChart.layout(ChartExamples.measure, id: "m")
        let b = layout.markers[.baseline]!, l = layout.markers[.latest]!, t = layout.markers[.target]!
        #expect(layout.plotLeft <= b && b < l && l < t && t <= layout.plotRight)
        #expect(abs((l - b) / (t - b) - 59.0 / 209.0) < 1e-9)
        #expect(layout.axis.lower <= 4991 && layout.axis.upper >= 5200)
    }

    @Test func noTwoTextBoxesOverlapAndAllStayInside() {
        let layouts: [(String, Drawing)] = [
            ("donut", DonutChart.layout(ChartExamples.donut, id: "a").drawing),
            ("target", TargetChart.layout(ChartExamples.targets, id: "a").drawing),
            ("timeline", TimelineChart.layout(ChartExamples.timeline, id: "a").drawing),
            ("timeline-30", TimelineChart.layout(ChartExamples.thirtyStages, id: "a").drawing),
            ("timeline-full-width", TimelineChart.layout(ChartExamples.fullWidth, id: "a").drawing),
            ("trend", TrendChart.layout(ChartExamples.trend, id: "a").drawing),
            ("status-bars", StatusBarsChart.layout(ChartExamples.statusBars, id: "a").drawing),
            ("measure", MeasureChart.layout(ChartExamples.measure, id: "a").drawing),
            ("donut-long", DonutChart.layout(DonutData(title: "T", parts: (1...6).map { .init(label: "Part \($0) with a rather long label that will not fit on one line", value: Double($0)) }), id: "a").drawing),
            ("status-long", StatusBarsChart.layout(StatusBarsData(title: "A", statuses: ChartExamples.workStatuses, rows: [
                .init(label: "Better alignment of ICT strategy and investment decisions across the council", counts: ["complete": 1, "in-hand": 2, "overdue": 1, "not-started": 3, "deferred": 1])]), id: "a").drawing),
            ("trend-many", TrendChart.layout(TrendData(title: "T", unit: .count, points: (1...16).map { .init(label: "Quarter \($0) of the plan", value: Double($0 * 100), target: nil) }), id: "a").drawing),
            ("measure-close", MeasureChart.layout(MeasureData(title: "M", unit: .percent, baseline: .init(value: 59, label: "Baseline date in words"), latest: .init(value: 60, label: "Latest date in words"), target: .init(value: 60, label: "Target date in words")), id: "a").drawing),
        ]
        for (name, drawing) in layouts {
            let frame = Rect(x: 0, y: 0, width: drawing.width, height: drawing.height)
            let boxes = drawing.textBoxes
            #expect(!boxes.isEmpty, "\(name)")
            for (i, a) in boxes.enumerated() {
                #expect(frame.contains(a), "\(name): \(drawing.labels[i].lines) spills out of the chart")
                for (j, b) in boxes.enumerated() where j > i {
                    #expect(!a.intersects(b), "\(name): \(drawing.labels[i].lines) overlaps \(drawing.labels[j].lines)")
                }
            }
        }
    }

    @Test func longLabelsWrapToTwoLinesOrShortenWithTheFullTextInATitle() {
        let label = "Better alignment of ICT strategy and investment decisions across the council, with every department taking part"
        let chart = Chart.statusBars(StatusBarsData(title: "A", statuses: ChartExamples.workStatuses, rows: [
            .init(label: label, counts: ["complete": 1])]), id: "s").svg
        #expect(chart.contains("<title>\(label)</title><tspan"))
        #expect(chart.contains("…</tspan></text>"))
        let fit = TextFit.wrap(label, width: 200, size: 16)
        #expect(fit.lines.count == 2 && fit.shortened && fit.lines[1].hasSuffix("…"))
        #expect(fit.lines.allSatisfy { TextFit.width($0, size: 16) <= 200 })
        #expect(TextFit.wrap("Short label", width: 200, size: 16) == .init(lines: ["Short label"], shortened: false))
        #expect(TextFit.wrap("Supercalifragilisticexpialidocious", width: 100, size: 16).shortened)
    }

    // MARK: Edge cases

    @Test func aDonutWithNothingInItSaysNoData() {
        let chart = Chart.donut(DonutData(title: "Milestones", parts: [.init(label: "Completed", value: 0), .init(label: "Outstanding", value: 0)]), id: "z")
        #expect(chart.svg.contains(">No data</text>"))
        #expect(chart.svg.contains("<title id=\"z-title\">Milestones: no data</title>"))
        #expect(!chart.svg.contains("NaN") && !chart.svg.contains("<path"))
        #expect(chart.table.contains("<td class=\"num\">0</td><td class=\"num\">–</td>"))
    }

    @Test func aDonutAtNoneOrAllIsAWholeRing() {
        for (values, share, part) in [([0.0, 12], "0%", 1), ([12.0, 0], "100%", 0)] {
            let data = DonutData(title: "Milestones", parts: [.init(label: "Completed", value: values[0]), .init(label: "Outstanding", value: values[1])])
            let layout = DonutChart.layout(data, id: "w")
            #expect(layout.segments == [DonutChart.Segment(part: part, start: 0, end: 360)])
            let svg = Chart.donut(data, id: "w").svg
            #expect(svg.contains(">\(share)</text>"))
            // Two subpaths of two arcs each: an SVG arc cannot go all the way round.
            let path = DonutChart.path(layout.segments[0], cx: 160, cy: 100)
            #expect(path.filter { $0 == "M" }.count == 2 && path.filter { $0 == "A" }.count == 4)
            #expect(svg.contains("fill-rule=\"evenodd\""))
        }
        #expect(Format.share(997, of: 1000) == "99%")
        #expect(Format.share(1, of: 1000) == "<1%")
        #expect(Format.share(0, of: 1000) == "0%")
    }

    @Test func aTrendWithOnePointIsADot() {
        let layout = TrendChart.layout(TrendData(title: "T", unit: .percent, points: [.init(label: "Q1 2006/07", value: 87, target: 75)]), id: "o")
        #expect(layout.lines.isEmpty)
        let svg = layout.drawing.svg(id: "o", kind: "trend", title: "t", description: "d")
        #expect(!svg.contains("<path"))
        #expect(svg.components(separatedBy: "class=\"chart-dot\"").count - 1 == 2, "the legend's dot and the point")
        let spark = Chart.sparkline(TrendData(title: "T", unit: .percent, points: [.init(label: "Q1", value: 87, target: nil)]), id: "s").svg
        #expect(!spark.contains("<path") && spark.contains("<circle"))
    }

    @Test func aMissingValueIsAGapNotAZero() {
        let layout = TrendChart.layout(ChartExamples.trend, id: "g")
        #expect(layout.points[1] == nil)
        #expect(layout.lines == [[2, 3]], "Q1 stands alone, Q3 and Q4 are joined")
        let svg = Chart.trend(ChartExamples.trend, id: "g").svg
        #expect(svg.contains(">no result</text>"))
        let spark = SparklineChart.layout(ChartExamples.trend, id: "s")
        #expect(spark.points[1] == nil)
    }

    @Test func aMissingActualShowsNoResultAndNoBar() {
        let data = TargetData(title: "Results", unit: .percent, rows: [
            .init(label: "Answered", actual: nil, target: 80, status: nil),
            .init(label: "Fixed", actual: 70, target: 60, status: ChartStatus(key: "exceeded", words: "Target exceeded"))])
        let layout = TargetChart.layout(data, id: "m")
        #expect(layout.bars.map(\.row) == [1])
        let svg = Chart.target(data, id: "m").svg
        #expect(svg.contains(">Not yet measured</text>"))
        #expect(Chart.target(data, id: "m").table.contains("<td class=\"num\">Not yet measured</td>"))
    }

    @Test(arguments: ["donut-empty", "target-empty", "timeline-empty", "trend-empty", "sparkline-empty", "status-empty"])
    func emptyDataIsASmallNoDataChart(_ name: String) {
        let svg = ChartExamples.edgeCases.first { $0.name == name }!.chart("n").svg
        #expect(svg.contains(">No data</text>"))
        #expect(svg.contains("<title id=\"n-title\">") && svg.contains("<desc id=\"n-desc\">"))
        #expect(svg.contains("no data") || svg.contains("no results"))
    }

    @Test func statusesAreAlwaysInWordsAndPatterns() {
        let svg = Chart.statusBars(ChartExamples.statusBars, id: "s").svg
        for words in ["Complete", "In hand", "Overdue"] { #expect(svg.contains(">\(words)</text>")) }
        // Counts and their words are held together by no-break spaces.
        #expect(svg.contains(">3\u{00A0}complete, 6\u{00A0}in\u{00A0}hand, 1\u{00A0}overdue</text>"))
        #expect(!svg.contains(">Deferred</text>"), "the key lists the statuses in use")
        // In hand is dotted, overdue hatched: patterns with ids from the prefix.
        #expect(svg.contains("<pattern id=\"s-pattern-0\"") && svg.contains("<pattern id=\"s-pattern-1\""))
        let target = Chart.target(ChartExamples.targets, id: "t").svg
        for words in ["Target exceeded", "Target met", "Target just missed"] { #expect(target.contains(">\(words)</text>")) }
        // One key: each status once, however many rows have it.
        #expect(target.components(separatedBy: ">Target exceeded</text>").count == 2)
        let timeline = Chart.timeline(ChartExamples.timeline, id: "l").svg
        for words in ["In hand", "Not started"] { #expect(timeline.contains(">\(words)</text>")) }
    }

    @Test func countsFollowTheStatusesNotTheDictionary() {
        // The same counts built in different orders render identically.
        let a = StatusBarsData(title: "A", statuses: ChartExamples.workStatuses, rows: [.init(label: "R", counts: ["overdue": 1, "complete": 2, "in-hand": 3])])
        var counts: [String: Int] = [:]
        for key in ["in-hand", "complete", "overdue"] { counts[key] = a.rows[0].counts[key] }
        let b = StatusBarsData(title: "A", statuses: a.statuses, rows: [.init(label: "R", counts: counts)])
        #expect(Chart.statusBars(a, id: "x") == Chart.statusBars(b, id: "x"))
        #expect(StatusBarsChart.breakdown(StatusBarsChart.counts(a.rows[0], a.statuses), a.statuses) == "2 complete, 3 in hand, 1 overdue")
    }

    // MARK: Numbers and axes

    @Test func numbersAreWrittenTheBritishWay() {
        #expect(Format.coordinate(1.005) == "1.01" || Format.coordinate(1.005) == "1")
        #expect(Format.coordinate(-0.001) == "0")
        #expect(Format.coordinate(12.5) == "12.5")
        #expect(Format.coordinate(-3.25) == "-3.25")
        #expect(Format.coordinate(0.1 + 0.2) == "0.3")
        #expect(Format.coordinate(1e20) == "1000000000")
        #expect(Chart.donut(DonutData(title: "D", parts: [.init(label: "Huge", value: 1e300), .init(label: "Not a number", value: .nan)]), id: "h").svg.contains(">No data</text>"))
        #expect(Format.value(1684, unit: .count) == "1,684")
        #expect(Format.value(73, unit: .percent) == "73%")
        #expect(Format.inSentence("In hand") == "in hand")
        #expect(Format.inSentence("ICT training") == "ICT training")
    }

    @Test(arguments: [(0.0, 7.0), (0, 100), (4991, 5200), (-12.5, 30), (0, 0.3), (0, 35993), (0.5, 0.75), (1, 1e9)])
    func ticksFallOnRoundNumbers(_ range: (Double, Double)) {
        let axis = Axis.rounded(lower: range.0, upper: range.1, integer: false, maxTicks: 6)
        #expect(axis.ticks.count >= 2 && axis.ticks.count <= 6)
        #expect(axis.lower <= range.0 && axis.upper >= range.1)
        let step = axis.ticks[1] - axis.ticks[0]
        var mantissa = step
        while mantissa >= 10 { mantissa /= 10 }
        while mantissa < 1 { mantissa *= 10 }
        #expect([1, 2, 2.5, 5].contains { abs($0 - mantissa) < 1e-6 }, "step \(step)")
        #expect(axis.ticks.allSatisfy { abs(($0 / step).rounded() * step - $0) < 1e-6 })
    }
}
