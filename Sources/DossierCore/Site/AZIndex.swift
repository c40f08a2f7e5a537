import Foundation

/// The A–Z index (`a-z/`): every page and report, indicator, action, objective, lead officer, tag
/// and committee of the site by name, each with where it is, grouped by first letter. Made from the
/// site graph, so it needs no script: a reader scans it or uses the browser's find.
struct AZIndex: Sendable {
    static let folder = "a-z"
    /// Past this many links the index is split into a page per letter, each light enough for the
    /// browser's own find (about 200 bytes a link: 2,500 links is about half a megabyte).
    static let onePageLimit = 2_500

    /// Where an entry is: a page, or a place on one.
    struct Place: Sendable, Equatable {
        let title: String
        /// A site path, with `#fragment` where the entry is part of the page.
        let path: String
        /// "Quarterly performance report"; nil for plain pages and Dossier's own pages.
        let kind: String?
        let date: Day?
    }

    struct Entry: Sendable, Equatable {
        let term: String
        /// What the term is: "Indicator BV157", "Action", "Lead officer", a report's kind.
        let what: String
        /// More about it: an action's text, say.
        let detail: String?
        /// The page the term names (a report, an indicator, a tag), when it is one.
        let target: Place?
        /// Pages it appears on, newest first.
        let places: [Place]
        fileprivate let sortKey: String
    }

    struct Group: Sendable, Equatable {
        /// `a` … `z`, or `0-9` for terms that start with anything else.
        let key: String
        /// `A` … `Z`, `0–9`.
        let label: String
        let entries: [Entry]
    }

    /// Every letter, in order, whether it has entries or not: the letter bar shows them all.
    static let letters: [(key: String, label: String)] =
        [("0-9", "0–9")] + "abcdefghijklmnopqrstuvwxyz".map { (String($0), $0.uppercased()) }

    /// The letters that have entries, in the order of `letters`.
    let groups: [Group]

    /// How many links the index holds: its size.
    var linkCount: Int { groups.reduce(0) { $0 + $1.entries.reduce(0) { $0 + ($1.target == nil ? 0 : 1) + $1.places.count } } }
    var isSplit: Bool { linkCount > Self.onePageLimit }

    /// The site path of the index, or of one letter's page when it is split.
    static func path(letter: String? = nil) -> String { letter.map { "\(folder)/\($0)/" } ?? "\(folder)/" }

    init(_ graph: SiteGraph) {
        var entries: [Entry] = []
        var merged = MergedEntries()

        for page in graph.pages {
            let kind = page.source.document?.kind.title
            let place = Place(title: page.title, path: page.urlPath, kind: kind, date: page.date)
            entries.append(Self.entry(page.title, what: kind ?? (page.date == nil ? "Page" : "Report"), target: place))
            switch page.source.document {
            case let .plan(plan)?:
                for objective in plan.objectives ?? [] {
                    let at = Place(title: "\(page.title): objective \(objective.number)", path: page.urlPath + "#objective-\(objective.number)",
                                   kind: kind, date: page.date)
                    entries.append(Self.entry(objective.title, what: "Objective \(objective.number)", places: [at]))
                    if let lead = objective.lead { merged.add(lead, what: "Lead officer", at: at) }
                    for action in objective.actions ?? [] {
                        merged.add(action.id, what: "Action", detail: action.text, at: at)
                        if let owner = action.owner, owner != objective.lead { merged.add(owner, what: "Lead officer", at: at) }
                    }
                }
            case let .review(review)?:
                if let lead = review.lead { merged.add(lead, what: "Lead officer", at: place) }
            case let .committee(report)?:
                if let committee = report.reportTo { merged.add(committee, what: "Committee", at: place) }
            default:
                break
            }
            if let (card, _) = page.source.document?.scorecard {
                for action in card.actions ?? [] {
                    merged.add(action.id, what: "Action", detail: action.title, at: place)
                    if let lead = action.lead { merged.add(lead, what: "Lead officer", at: place) }
                }
            }
        }
        for indicator in graph.registry.indicators {
            let place = Place(title: indicator.name, path: "\(SiteGraph.indicatorsFolder)/\(indicator.id)/", kind: nil, date: nil)
            entries.append(Self.entry(indicator.name, what: "Indicator \(indicator.id)", target: place))
        }
        for tag in graph.tags {
            let count = tag.pages.count
            let place = Place(title: tag.reference.name, path: tag.reference.urlPath, kind: nil, date: nil)
            entries.append(Self.entry(tag.reference.name, what: "Tag", detail: "\(count) page\(count == 1 ? "" : "s")", target: place))
        }
        entries += merged.entries

        entries.sort { a, b in
            (a.sortKey, a.what, a.target?.path ?? "", a.places.first?.path ?? "") < (b.sortKey, b.what, b.target?.path ?? "", b.places.first?.path ?? "")
        }
        let byLetter = Dictionary(grouping: entries) { Self.letterKey(of: $0.sortKey) }
        groups = Self.letters.compactMap { letter in
            byLetter[letter.key].map { Group(key: letter.key, label: letter.label, entries: $0) }
        }
    }

    private static func entry(_ term: String, what: String, detail: String? = nil, target: Place? = nil, places: [Place] = []) -> Entry {
        Entry(term: term, what: what, detail: detail, target: target, places: places, sortKey: sortKey(term))
    }

    /// Case and accents folded, so "Équipe" sorts with "equipment".
    static func sortKey(_ term: String) -> String {
        term.trimmingCharacters(in: .whitespaces).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    static func letterKey(of sortKey: String) -> String {
        guard let first = sortKey.unicodeScalars.first, ("a"..."z").contains(first) else { return "0-9" }
        return String(first)
    }

    /// Terms named in many places (an action in every quarter's scorecard, a lead officer):
    /// one entry each, with all its places.
    private struct MergedEntries {
        private var order: [String] = []
        private var found: [String: (term: String, what: String, detail: String?, places: [Place])] = [:]

        mutating func add(_ term: String, what: String, detail: String? = nil, at place: Place) {
            let term = term.trimmingCharacters(in: .whitespaces)
            guard !term.isEmpty else { return }
            let key = what + "\u{0}" + term
            if found[key] == nil {
                order.append(key)
                found[key] = (term, what, detail, [])
            }
            if !found[key]!.places.contains(place) { found[key]!.places.append(place) }
        }

        var entries: [Entry] {
            order.map { key in
                let item = found[key]!
                let places = item.places.sorted { a, b in
                    switch (a.date, b.date) {
                    case let (x?, y?) where x != y: return x > y
                    case (.some, nil): return true
                    case (nil, .some): return false
                    default: return a.path < b.path
                    }
                }
                return AZIndex.entry(item.term, what: item.what, detail: item.detail, places: places)
            }
        }
    }
}
