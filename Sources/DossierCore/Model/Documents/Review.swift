/// A stage of a review's outline plan.
public struct ReviewStage: StrictDecodable, Sendable, Equatable {
    public var name: String
    public var number: Int?
    public var start: CalendarDate?
    public var end: CalendarDate?
    public var status: WorkStatus?
    public var activities: [String]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, number, start, end, status, activities
    }

    static let keySchema = KeySchema(CodingKeys.self)

    /// Its end has passed (before `day`) and it is not marked complete (nor deferred).
    public func isLate(asOf day: Day) -> Bool {
        guard let end, end.last < day else { return false }
        return status != .complete && status != .deferred
    }
}

/// A Best Value Review.
public struct Review: StrictDecodable, Sendable, Equatable {
    public var service: String
    public var lead: String?
    public var stages: [ReviewStage]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case service, lead, stages
    }

    static let keySchema = KeySchema(CodingKeys.self, nested: ["stages": ReviewStage.keySchema])
}
