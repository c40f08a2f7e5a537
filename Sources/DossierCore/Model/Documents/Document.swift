/// The kinds of typed document, named by `kind:` in front matter.
public enum DocumentKind: String, Keyword {
    case review, highlight, quarterly, scorecard, plan, committee, newsletter

    /// The keys this kind adds to the common front matter.
    var keySchema: KeySchema {
        switch self {
        case .review: return Review.keySchema
        case .highlight: return HighlightReport.keySchema
        case .quarterly: return QuarterlyReport.keySchema
        case .scorecard: return Scorecard.keySchema
        case .plan: return ImprovementPlan.keySchema
        case .committee: return CommitteeReport.keySchema
        case .newsletter: return NewsletterIssue.keySchema
        }
    }

    /// Kinds whose date is the "as of" day for overdue actions, so must have one.
    var needsDate: Bool { self == .quarterly || self == .scorecard || self == .newsletter }

    var title: String {
        switch self {
        case .review: return "Best Value Review"
        case .highlight: return "Highlight report"
        case .quarterly: return "Quarterly performance report"
        case .scorecard: return "Balanced scorecard"
        case .plan: return "Improvement plan"
        case .committee: return "Committee report"
        case .newsletter: return "Staff newsletter"
        }
    }
}

/// A typed document's own data, beside the common front matter.
public enum Document: Sendable, Equatable {
    case review(Review)
    case highlight(HighlightReport)
    case quarterly(QuarterlyReport)
    case scorecard(Scorecard)
    case plan(ImprovementPlan)
    case committee(CommitteeReport)
    case newsletter(NewsletterIssue)

    public var kind: DocumentKind {
        switch self {
        case .review: return .review
        case .highlight: return .highlight
        case .quarterly: return .quarterly
        case .scorecard: return .scorecard
        case .plan: return .plan
        case .committee: return .committee
        case .newsletter: return .newsletter
        }
    }

    /// The id of the review this document belongs to.
    public var reviewID: String? {
        switch self {
        case let .highlight(report): return report.review
        case let .plan(plan): return plan.review
        case let .committee(report): return report.review
        default: return nil
        }
    }

    /// The scorecard it holds, with the path of its keys in the front matter ("scorecard." or "").
    var scorecard: (Scorecard, keyPrefix: String)? {
        switch self {
        case let .quarterly(report): return report.scorecard.map { ($0, "scorecard.") }
        case let .scorecard(scorecard): return (scorecard, "")
        default: return nil
        }
    }
}
