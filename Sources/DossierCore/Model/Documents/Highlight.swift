/// An entry of a highlight report's lists: text, with a date and a status when they help.
/// Written as plain text or as a mapping with `text`.
public struct ReportItem: StrictDecodable, Sendable, Equatable {
    public var text: String
    public var date: CalendarDate?
    public var status: WorkStatus?

    public init(text: String, date: CalendarDate? = nil, status: WorkStatus? = nil) {
        self.text = text
        self.date = date
        self.status = status
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case text, date, status
    }

    static let keySchema = KeySchema(CodingKeys.self)

    public init(from decoder: Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self.init(text: text)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(text: try container.decode(String.self, forKey: .text),
                  date: try container.decodeIfPresent(CalendarDate.self, forKey: .date),
                  status: try container.decodeIfPresent(WorkStatus.self, forKey: .status))
    }
}

/// A highlight report to lead members on a review.
public struct HighlightReport: StrictDecodable, Sendable, Equatable {
    public var review: String
    public var period: String?
    public var cumulativeAchievements: [ReportItem]?
    public var achievementsSinceLast: [ReportItem]?
    public var nextActions: [ReportItem]?
    public var earlyWins: [ReportItem]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case review, period
        case cumulativeAchievements = "cumulative_achievements"
        case achievementsSinceLast = "achievements_since_last"
        case nextActions = "next_actions"
        case earlyWins = "early_wins"
    }

    static let keySchema = KeySchema(CodingKeys.self, nested: [
        "cumulative_achievements": ReportItem.keySchema, "achievements_since_last": ReportItem.keySchema,
        "next_actions": ReportItem.keySchema, "early_wins": ReportItem.keySchema,
    ])
}
