/// The A–Z index as its template sees it: the whole index on one page, or, when it is split, the
/// letter bar and a count per letter on `a-z/` and one letter on each `a-z/LETTER/`.
enum AZContext {
    /// `letter` nil: the index's first page.
    static func view(_ index: AZIndex, letter: String?, urls: SiteURLs) -> AZView {
        let split = index.isSplit
        let present = Set(index.groups.map(\.key))
        let letters = AZIndex.letters.map { key, label in
            AZView.Letter(label: label, url: present.contains(key) ? link(key, split: split, urls: urls) : nil, current: key == letter)
        }
        let shown = split ? index.groups.filter { letter == nil || $0.key == letter } : index.groups
        let groups = shown.map { group in
            let entries = split && letter == nil ? [] : group.entries.map { entry(for: $0, urls: urls) }
            return AZView.Group(label: group.label, anchor: anchor(group.key), entries: entries, hasEntries: !entries.isEmpty,
                                count: group.entries.count, url: link(group.key, split: split, urls: urls))
        }
        return AZView(letters: letters, groups: groups, entryCount: index.groups.reduce(0) { $0 + $1.entries.count }, isSplit: split,
                      isOverview: split && letter == nil)
    }

    static func anchor(_ key: String) -> String { "letter-\(key)" }

    private static func link(_ key: String, split: Bool, urls: SiteURLs) -> String {
        split ? urls.href(AZIndex.path(letter: key)) : "#\(anchor(key))"
    }

    private static func entry(for entry: AZIndex.Entry, urls: SiteURLs) -> AZView.Entry {
        let places = entry.places.map { place in
            AZView.Place(title: place.title, url: href(place.path, urls), kind: place.kind, date: place.date.map(DateView.init))
        }
        return AZView.Entry(term: entry.term, what: entry.what, detail: entry.detail, url: entry.target.map { href($0.path, urls) },
                            date: entry.target?.date.map(DateView.init), places: places, hasPlaces: !places.isEmpty)
    }

    /// A site path with an optional `#fragment`.
    private static func href(_ path: String, _ urls: SiteURLs) -> String {
        guard let mark = path.firstIndex(of: "#") else { return urls.href(path) }
        return urls.href(String(path[..<mark])) + path[mark...]
    }
}
