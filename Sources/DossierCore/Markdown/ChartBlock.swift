import Yams

/// A fenced block with the info string `chart`: a small YAML spec (type, title, data, options)
/// read into a `ChartRequest`. Errors carry the line in the Markdown file and name the key.
enum ChartBlock {
    enum ChartType: String, Keyword {
        case donut, target, timeline, trend, status, measure
    }

    struct Options: StrictDecodable, Equatable {
        var unit: IndicatorUnit?
        /// The day the timeline marks, labelled with its date.
        var now: CalendarDate?
        /// A target line for the trend, for every point that has none of its own.
        var target: Double?
        var tolerance: Double?
        var direction: Direction?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case unit, now, target, tolerance, direction
        }

        static let keySchema = KeySchema(CodingKeys.self)
    }

    /// `type`, `title`, `options` and the type's `data`.
    struct Spec<Data: Decodable & Sendable>: StrictDecodable {
        var type: ChartType
        var title: String
        var options: Options?
        var data: Data

        enum CodingKeys: String, CodingKey, CaseIterable {
            case type, title, options, data
        }

        static var keySchema: KeySchema { KeySchema(CodingKeys.self, nested: ["options": Options.keySchema]) }
    }

    struct Labelled: StrictDecodable {
        var label: String
        var value: Double

        enum CodingKeys: String, CodingKey, CaseIterable {
            case label, value
        }

        static let keySchema = KeySchema(CodingKeys.self)
    }

    /// Data read straight from the node by the caller (see `donutParts`).
    struct Unread: Decodable, Sendable {
        init(from decoder: Decoder) throws {}
    }

    /// Donut parts written as a mapping, `completed: 219`, in the order written. Read from the node:
    /// through Codable, each of these keys would be looked up by comparing it with every other.
    private static func donutParts(_ mapping: Node.Mapping, _ source: YAMLSource) -> Result<[DonutData.Part], DiagnosticList> {
        var parts: [DonutData.Part] = []
        var problems: [Diagnostic] = []
        for (key, value) in mapping {
            let label = key.string ?? ""
            if let scalar = value.scalar, let number = Double.construct(from: scalar) {
                if let problem = donutProblem(number) {
                    problems.append(.error("'data.\(label)' must be \(problem), found '\(scalar.string)'",
                                           at: YAMLReader.location(of: value, in: source)))
                }
                parts.append(DonutData.Part(label: SiteGraphBuilder.humanise(label), value: number))
            } else {
                problems.append(.error("'data.\(label)' must be a number, found \(value.scalar.map { "'\($0.string)'" } ?? "a list or mapping")",
                                       at: YAMLReader.location(of: value, in: source)))
            }
        }
        return problems.isEmpty ? .success(parts) : .failure(DiagnosticList(problems))
    }

    /// A donut part is a share of a whole: not negative (and, as every number, in `NumberLimits`).
    private static func donutProblem(_ value: Double) -> String? {
        NumberLimits.problem(value) != nil || value < 0 ? "a number from 0 to 10^15" : nil
    }

    /// The node at `data[index].key`, for errors found after decoding.
    private static func dataNode(_ node: Node, _ index: Int, _ key: String) -> Node {
        node.mapping?["data"]?.sequence?[index].mapping?[key] ?? node.mapping?["data"] ?? node
    }

    /// Errors the decoded items carry between their values: a negative donut part, a timeline
    /// stage that ends before it starts.
    private static func itemProblems(_ node: Node, _ source: YAMLSource, _ problem: (Int) -> (key: String, message: String)?) -> [Diagnostic] {
        let count = node.mapping?["data"]?.sequence?.count ?? 0
        return (0..<count).compactMap { index in
            problem(index).map { found in
                .error(found.message, at: YAMLReader.location(of: dataNode(node, index, found.key), in: source))
            }
        }
    }

    struct TargetItem: StrictDecodable {
        var label: String
        var actual: Double?
        var target: Double
        var direction: Direction?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case label, actual, target, direction
        }

        static let keySchema = KeySchema(CodingKeys.self)
    }

    struct TimelineItem: StrictDecodable {
        var label: String
        var start: CalendarDate
        var end: CalendarDate
        var status: WorkStatus?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case label, start, end, status
        }

        static let keySchema = KeySchema(CodingKeys.self)
    }

    struct TrendItem: StrictDecodable {
        var label: String
        var value: Double?
        var target: Double?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case label, value, target
        }

        static let keySchema = KeySchema(CodingKeys.self)
    }

    struct StatusItem: StrictDecodable {
        var label: String
        var counts: [String: Int]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case label
            case notStarted = "not-started"
            case inHand = "in-hand"
            case complete, overdue, deferred
        }

        static let keySchema = KeySchema(CodingKeys.self)

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            label = try container.decode(String.self, forKey: .label)
            counts = [:]
            for key in CodingKeys.allCases where key != .label {
                if let count = try container.decodeIfPresent(Int.self, forKey: key) { counts[key.rawValue] = count }
            }
        }
    }

    struct MeasureItem: StrictDecodable {
        struct Point: StrictDecodable {
            var value: Double
            var label: String?

            enum CodingKeys: String, CodingKey, CaseIterable {
                case value, label
            }

            static let keySchema = KeySchema(CodingKeys.self)
        }

        var baseline: Point
        var latest: Point?
        var target: Point

        enum CodingKeys: String, CodingKey, CaseIterable {
            case baseline, latest, target
        }

        static let keySchema = KeySchema(CodingKeys.self, nested: ["baseline": Point.keySchema, "latest": Point.keySchema, "target": Point.keySchema])
    }

    /// The statuses of a status chart, in stacking order.
    static let statusOrder: [WorkStatus] = [.complete, .inHand, .overdue, .notStarted, .deferred]

    /// Reads the spec of a block whose YAML starts on the file line after `fenceLine`.
    static func request(_ yaml: String, file: String, fenceLine: Int, columnOffset: Int = 0, defaultTolerance: Double) -> Result<ChartRequest, DiagnosticList> {
        var source = YAMLSource(text: yaml, file: file, lineOffset: fenceLine, role: "chart block", hasBooleans: false)
        source.columnOffset = columnOffset
        let types = ChartType.allCases.map(\.rawValue).joined(separator: ", ")
        let node: Node
        switch YAMLReader.compose(source, expecting: Spec<[Labelled]>.self) {
        case let .success(composed): node = composed
        case let .failure(problems): return .failure(problems)
        }
        guard let typeNode = node.mapping?["type"] else {
            return .failure(DiagnosticList([.error("the chart block has no `type`", at: YAMLReader.location(of: node, in: source),
                                                   hint: "add `type:` with one of: \(types)")]))
        }
        guard let type = ChartType(rawValue: typeNode.string ?? "") else {
            let near = Suggestion.nearest(to: typeNode.string ?? "", in: ChartType.allCases.map(\.rawValue)).map { "did you mean '\($0)'? " } ?? ""
            return .failure(DiagnosticList([.error("'type': '\(typeNode.string ?? "")' is not a chart type",
                                                   at: YAMLReader.location(of: typeNode, in: source), hint: near + "chart types: \(types)")]))
        }
        switch type {
        case .donut:
            if case let .mapping(data)? = node.mapping?["data"] {
                return decode(Spec<Unread>.self, dataSchema: nil, node, source).flatMap { spec in
                    donutParts(data, source).map { .donut(DonutData(title: spec.title, parts: $0)) }
                }
            }
            return decode(Spec<[Labelled]>.self, dataSchema: Labelled.keySchema, node, source).flatMap { spec in
                let problems = itemProblems(node, source) { index in
                    guard index < spec.data.count, let problem = donutProblem(spec.data[index].value) else { return nil }
                    return ("value", "'data[\(index + 1)].value' must be \(problem), found '\(dataNode(node, index, "value").string ?? "")'")
                }
                guard problems.isEmpty else { return .failure(DiagnosticList(problems)) }
                return .success(.donut(DonutData(title: spec.title, parts: spec.data.map { DonutData.Part(label: $0.label, value: $0.value) })))
            }
        case .target:
            return decode(Spec<[TargetItem]>.self, dataSchema: TargetItem.keySchema, node, source).map { spec in
                let tolerance = spec.options?.tolerance ?? defaultTolerance
                return .target(TargetData(title: spec.title, unit: spec.options?.unit ?? .percent, rows: spec.data.map { item in
                    let direction = item.direction ?? spec.options?.direction ?? .higher
                    let status = IndicatorStatus.of(actual: item.actual, target: item.target, direction: direction, tolerance: tolerance)
                    return TargetData.Row(label: item.label, actual: item.actual, target: item.target,
                                          status: status.map { ChartStatus(key: $0.rawValue, words: $0.words) }, direction: direction)
                }))
            }
        case .timeline:
            return decode(Spec<[TimelineItem]>.self, dataSchema: TimelineItem.keySchema, node, source).flatMap { spec in
                let problems = itemProblems(node, source) { index in
                    guard index < spec.data.count, spec.data[index].end.last < spec.data[index].start.first else { return nil }
                    let item = spec.data[index]
                    return ("end", "timeline stage '\(item.label)' ends (\(item.end)) before it starts (\(item.start))")
                }
                guard problems.isEmpty else { return .failure(DiagnosticList(problems)) }
                return .success(.timeline(TimelineData(title: spec.title, stages: spec.data.map { item in
                    TimelineData.Stage(label: item.label, start: item.start.first, end: item.end.last,
                                       status: item.status.map { ChartStatus(key: $0.rawValue, words: $0.words) })
                }, now: spec.options?.now?.first)))
            }
        case .trend:
            return decode(Spec<[TrendItem]>.self, dataSchema: TrendItem.keySchema, node, source).map { spec in
                .trend(TrendData(title: spec.title, unit: spec.options?.unit ?? .count, points: spec.data.map { item in
                    TrendData.Point(label: item.label, value: item.value, target: item.target ?? spec.options?.target)
                }))
            }
        case .status:
            return decode(Spec<[StatusItem]>.self, dataSchema: StatusItem.keySchema, node, source).map { spec in
                .status(StatusBarsData(title: spec.title,
                                       statuses: statusOrder.map { ChartStatus(key: $0.rawValue, words: $0.words) },
                                       rows: spec.data.map { StatusBarsData.Row(label: $0.label, counts: $0.counts) }))
            }
        case .measure:
            return decode(Spec<MeasureItem>.self, dataSchema: MeasureItem.keySchema, node, source).map { spec in
                let point = { (p: MeasureItem.Point) in MeasureData.Point(value: p.value, label: p.label) }
                return .measure(MeasureData(title: spec.title, unit: spec.options?.unit, baseline: point(spec.data.baseline),
                                            latest: spec.data.latest.map(point), target: point(spec.data.target)))
            }
        }
    }

    /// Decodes the spec, checking the top-level keys and, where the data has fixed keys, those too.
    private static func decode<T: Decodable & Sendable>(_ type: Spec<T>.Type, dataSchema: KeySchema?, _ node: Node,
                                                        _ source: YAMLSource) -> Result<Spec<T>, DiagnosticList> {
        var schema = Spec<T>.keySchema
        if let dataSchema { schema = schema.adding(KeySchema(keys: [], nested: ["data": dataSchema])) }
        let unknown = YAMLReader.unknownKeys(in: node, schema: schema, source: source, path: "")
        switch YAMLReader.decode(Spec<T>.self, from: node, source: source) {
        case let .success(spec) where unknown.isEmpty: return .success(spec)
        case .success: return .failure(DiagnosticList(unknown))
        case let .failure(problems): return .failure(DiagnosticList(unknown + problems.items))
        }
    }
}

/// Any key: for mappings whose keys are data (`completed: 219`).
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
