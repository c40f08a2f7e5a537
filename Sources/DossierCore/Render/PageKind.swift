/// Every kind of page Dossier renders: one template each, named like the kind, and the view model
/// of its `doc` where it has one. The one list of kinds the render room reads: the templates a
/// site must have, the shapes the template checker checks, and the documents' templates.
enum PageKind: String, CaseIterable, Sendable {
    case home, page, section, tag, tags
    case review, highlight, quarterly, scorecard, plan, committee, newsletter
    case indicator, indicators, actions, archive
    case notFound = "404"
    /// The A–Z index, and each letter's page when it is split.
    case az = "a-z"
    /// The search page, in a site with search on.
    case search

    init(_ document: DocumentKind) {
        switch document {
        case .review: self = .review
        case .highlight: self = .highlight
        case .quarterly: self = .quarterly
        case .scorecard: self = .scorecard
        case .plan: self = .plan
        case .committee: self = .committee
        case .newsletter: self = .newsletter
        }
    }

    var template: String { rawValue }

    /// The shape of `doc`, for the pages that have one.
    var docShape: TemplateShape? {
        switch self {
        case .page, .section, .tag, .tags, .notFound, .search: return nil
        case .home: return .of(DashboardView.self)
        case .review: return .of(ReviewView.self)
        case .highlight: return .of(HighlightView.self)
        case .quarterly: return .of(QuarterlyView.self)
        case .scorecard: return .of(ScorecardDocumentView.self)
        case .plan: return .of(PlanView.self)
        case .committee: return .of(CommitteeView.self)
        case .newsletter: return .of(NewsletterView.self)
        case .indicator: return .of(IndicatorView.self)
        case .indicators: return .of(IndicatorsView.self)
        case .actions: return .of(ActionsView.self)
        case .archive: return .of(ArchiveView.self)
        case .az: return .of(AZView.self)
        }
    }

    /// The data its template gets: the common page context, and `doc` where there is one.
    var shape: TemplateShape { Self.shapes[self]! }

    private static let shapes: [PageKind: TemplateShape] = Dictionary(uniqueKeysWithValues: allCases.map { kind in
        guard let doc = kind.docShape, case let .object(fields) = common else { return (kind, common) }
        return (kind, .object(fields.merging(["doc": doc]) { a, _ in a }))
    })

    private static let common = TemplateShape.of(PageContext.self)
    static let listItemShape = TemplateShape.of(ListItemContext.self)
    static let listItemTemplate = "list-item"
}
