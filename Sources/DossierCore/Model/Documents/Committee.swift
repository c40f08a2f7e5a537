/// The yes/no questions at the head of a committee report.
public struct Declarations: StrictDecodable, Sendable, Equatable {
    public var wardsAffected: Bool?
    public var equalityImplications: Bool?
    public var eligibleForCallIn: Bool?
    public var confidential: Bool?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case confidential
        case wardsAffected = "wards_affected"
        case equalityImplications = "equality_implications"
        case eligibleForCallIn = "eligible_for_call_in"
    }

    static let keySchema = KeySchema(CodingKeys.self)

    /// Each question with its answer, in the order reports print them.
    public var answers: [(question: String, answer: Bool?)] {
        [("Are specific electoral wards affected?", wardsAffected),
         ("Are there implications for equality and diversity, cohesion and integration?", equalityImplications),
         ("Is the decision eligible for call-in?", eligibleForCallIn),
         ("Does the report contain confidential or exempt information?", confidential)]
    }
}

public struct Appendix: StrictDecodable, Sendable, Equatable {
    public var title: String
    /// A relative link to a content file, checked like links in Markdown.
    public var link: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, link
    }

    static let keySchema = KeySchema(CodingKeys.self)
}

/// A report to a committee or scrutiny board.
public struct CommitteeReport: StrictDecodable, Sendable, Equatable {
    public var review: String?
    /// Who the report is from, the committee it goes to, the meeting and the subject: reports say
    /// these in their heading, but not every report has all of them, so each is shown only when given.
    public var reportOf: String?
    public var reportTo: String?
    public var meeting: Day?
    public var subject: String?
    public var declarations: Declarations?
    public var recommendations: [String]?
    public var backgroundDocuments: [String]?
    public var appendices: [Appendix]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case review, meeting, subject, declarations, recommendations, appendices
        case reportOf = "report_of"
        case reportTo = "report_to"
        case backgroundDocuments = "background_documents"
    }

    static let keySchema = KeySchema(CodingKeys.self, nested: ["declarations": Declarations.keySchema, "appendices": Appendix.keySchema])
}
