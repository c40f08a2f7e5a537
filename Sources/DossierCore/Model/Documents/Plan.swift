public struct PlanAction: StrictDecodable, Sendable, Equatable {
    public var id: String
    public var text: String
    public var points: [String]?
    public var due: CalendarDate?
    public var owner: String?
    public var status: WorkStatus?
    /// A heading the plan groups its actions under, such as "Short term" or "Medium term".
    public var group: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, text, points, due, owner, status, group
    }

    static let keySchema = KeySchema(CodingKeys.self)
}

/// A value of a measure at a date: a baseline, a target, the latest reading.
public struct MeasurePoint: StrictDecodable, Sendable, Equatable {
    public var value: Double
    public var date: CalendarDate?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case value, date
    }

    static let keySchema = KeySchema(CodingKeys.self)
}

/// How an objective's improvement is measured: baseline → latest → target.
public struct Measure: StrictDecodable, Sendable, Equatable {
    public var description: String
    public var unit: IndicatorUnit?
    public var baseline: MeasurePoint?
    public var target: MeasurePoint?
    public var latest: MeasurePoint?
    /// The target in words, when it is not a number.
    public var targetText: String?
    /// Which way is better. Without it, the way from the baseline to the target.
    public var direction: Direction?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case description, unit, baseline, target, latest, direction
        case targetText = "target_text"
    }

    /// Which way is better: as written, or from the baseline towards the target; nil when neither says.
    public var betterDirection: Direction? {
        if let direction { return direction }
        guard let baseline, let target, baseline.value != target.value else { return nil }
        return target.value > baseline.value ? .higher : .lower
    }

    /// How far the latest value has come from the baseline towards the target, as a whole percentage
    /// (negative when it went the wrong way); nil without a baseline, a latest value and a target that differs.
    public var progressPercent: Int? {
        guard let baseline, let latest, let target, target.value != baseline.value else { return nil }
        return Int(((latest.value - baseline.value) / (target.value - baseline.value) * 100).rounded())
    }

    static let keySchema = KeySchema(CodingKeys.self, nested: [
        "baseline": MeasurePoint.keySchema, "target": MeasurePoint.keySchema, "latest": MeasurePoint.keySchema,
    ])
}

public struct Objective: StrictDecodable, Sendable, Equatable {
    public var number: Int
    public var title: String
    public var outcomes: [String]?
    public var lead: String?
    public var timescale: String?
    public var costs: String?
    public var savings: String?
    public var progress: String?
    public var actions: [PlanAction]?
    public var measures: [Measure]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case number, title, outcomes, lead, timescale, costs, savings, progress, actions, measures
    }

    static let keySchema = KeySchema(CodingKeys.self, nested: ["actions": PlanAction.keySchema, "measures": Measure.keySchema])
}

/// An improvement plan.
public struct ImprovementPlan: StrictDecodable, Sendable, Equatable {
    public var review: String?
    public var objectives: [Objective]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case review, objectives
    }

    static let keySchema = KeySchema(CodingKeys.self, nested: ["objectives": Objective.keySchema])
}
