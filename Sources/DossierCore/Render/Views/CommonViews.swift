/// Small pieces of view models that many pages share.

/// A day as templates show it: `iso` for `datetime` attributes, `long` for people.
struct DateView: Codable, Sendable, Equatable {
    let iso: String
    let long: String

    init(iso: String, long: String) {
        self.iso = iso
        self.long = long
    }

    init(_ day: Day) { self.init(iso: day.iso, long: day.long) }
    init(_ date: CalendarDate) { self.init(iso: date.iso, long: date.long) }
}

/// A link to a page of the site.
struct LinkView: Codable, Sendable, Equatable {
    let title: String
    let url: String
}

/// A tag as a link.
struct TagLinkView: Codable, Sendable, Equatable {
    let name: String
    let url: String
}

/// A status: `key` for the style (`status-met`), `words` for people.
struct StatusView: Codable, Sendable, Equatable {
    let key: String
    let words: String

    init(_ status: IndicatorStatus) { self.init(key: status.rawValue, words: status.words) }
    init(_ status: WorkStatus) { self.init(key: status.rawValue, words: status.words) }
    init(key: String, words: String) {
        self.key = key
        self.words = words
    }
}

/// How many of something have a status.
struct StatusCountView: Codable, Sendable, Equatable {
    let status: StatusView
    let count: Int
}
