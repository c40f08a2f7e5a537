/// The `doc` of the A–Z index page, or of one letter's page when the index is split.
struct AZView: Codable, Sendable, Equatable {
    /// A letter of the letter bar; `url` is nil for a letter with no entries.
    struct Letter: Codable, Sendable, Equatable {
        let label: String
        let url: String?
        let current: Bool
    }

    struct Place: Codable, Sendable, Equatable {
        let title: String
        let url: String
        let kind: String?
        let date: DateView?
    }

    struct Entry: Codable, Sendable, Equatable {
        let term: String
        let what: String
        let detail: String?
        /// The page the term names, when it is one (a report, an indicator, a tag).
        let url: String?
        let date: DateView?
        let places: [Place]
        let hasPlaces: Bool
    }

    struct Group: Codable, Sendable, Equatable {
        let label: String
        let anchor: String
        /// Empty on the split index's first page, which links to each letter's page instead.
        let entries: [Entry]
        let hasEntries: Bool
        let count: Int
        let url: String
    }

    let letters: [Letter]
    let groups: [Group]
    let entryCount: Int
    /// The index has a page per letter.
    let isSplit: Bool
    /// The first page of a split index: the letters and their counts, no entries.
    let isOverview: Bool
}
