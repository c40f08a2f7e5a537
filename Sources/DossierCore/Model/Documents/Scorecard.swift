/// Where an action or stage stands.
public enum WorkStatus: String, Keyword {
    case notStarted = "not-started"
    case inHand = "in-hand"
    case complete, overdue, deferred

    /// "Not started", "In hand" … (see `StatusLook`).
    public var words: String { StatusLook.of(self).words }

    /// Order in action lists: overdue first, complete last.
    public var rank: Int {
        switch self {
        case .overdue: return 0
        case .inHand: return 1
        case .notStarted: return 2
        case .deferred: return 3
        case .complete: return 4
        }
    }

    /// What an action without a `status` is taken to be: in hand, until it is past its due date (then overdue).
    /// Not "not started": a document that lists an action without a status has not said it has not started.
    public static let unstated = WorkStatus.inHand

    /// The status as of `day`: an action due before it and not complete (nor deferred) is overdue.
    public func effective(due: CalendarDate?, asOf day: Day?) -> WorkStatus {
        guard self != .complete, self != .deferred, let due, let day, due.last < day else { return self }
        return .overdue
    }

    /// A stated status the dates contradict: overdue though not yet due, or not overdue though past due.
    public func contradiction(due: CalendarDate?, asOf day: Day?) -> String? {
        guard let due, let day else { return nil }
        if self == .overdue && due.last >= day {
            return "status is 'overdue' but it is due \(due.long), not before the report date \(day.long)"
        }
        if (self == .inHand || self == .notStarted) && due.last < day {
            return "status is '\(rawValue)' but it was due \(due.long), before the report date \(day.long), so it is overdue"
        }
        return nil
    }
}

/// Milestone totals of a balanced scorecard.
public struct Milestones: StrictDecodable, Sendable, Equatable {
    public var total: Int?
    public var completed: Int?
    public var outstanding: Int?
    /// Main actions overdue.
    public var overdue: Int?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case total, completed, outstanding, overdue
    }

    static let keySchema = KeySchema(CodingKeys.self)

    /// Completed as a whole percentage of the total, 219 of 298 → 73.
    public var completedPercent: Int? {
        guard let total, total > 0, let completed else { return nil }
        return Int((Double(completed) * 100 / Double(total)).rounded())
    }

    public var outstandingPercent: Int? {
        guard let total, total > 0 else { return nil }
        let outstanding = outstanding ?? completed.map { total - $0 }
        return outstanding.map { Int((Double($0) * 100 / Double(total)).rounded()) }
    }
}

public struct ScorecardAction: StrictDecodable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var theme: String?
    public var lead: String?
    public var due: CalendarDate?
    /// Left out when the document does not say (a report that lists its actions only as "completed /
    /// in hand" or "overdue"): then `WorkStatus.unstated` applies.
    public var status: WorkStatus?
    public var progress: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, theme, lead, due, status, progress
    }

    static let keySchema = KeySchema(CodingKeys.self)
}

/// A balanced-scorecard action plan: inside a quarterly report, or a document of its own.
public struct Scorecard: StrictDecodable, Sendable, Equatable {
    public var period: String?
    public var milestones: Milestones?
    public var actions: [ScorecardAction]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case period, milestones, actions
    }

    static let keySchema = KeySchema(CodingKeys.self, nested: ["milestones": Milestones.keySchema, "actions": ScorecardAction.keySchema])
    /// Inside a quarterly report there is no `period`: the report has one.
    static let embeddedKeySchema = KeySchema(keys: ["milestones", "actions"], nested: keySchema.nested)
}
