public struct PlanAction: StrictDecodable, Sendable, Equatable {
    public var id: String
    public var text: String
    public var points: [String]?
    public var due: CalendarDate?
    public var owner: String?
    public var status: WorkStatus?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, text, points, due, owner, status
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

    enum CodingKeys: String, CodingKey, CaseIterable {
        case description, unit, baseline, target, latest
        case targetText = "target_text"
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
