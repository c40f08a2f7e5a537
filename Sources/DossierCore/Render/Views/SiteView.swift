/// What every page knows of the site (`site.*`).
struct SiteView: Codable, Sendable, Equatable {
    struct NavigationItem: Codable, Sendable, Equatable {
        let title: String
        let url: String
        /// This page is the item's target or inside it.
        let current: Bool
        let external: Bool
    }

    let title: String
    let organisation: String?
    let language: String
    let url: String
    let stylesheet: String
    let generator: String
    let buildDate: DateView
    let tagsURL: String?
    let hasNavigation: Bool
    let feedURL: String?
    let archiveURL: String?
    /// The A–Z index, on every site.
    let indexURL: String
    /// Where search is, when the site has it.
    let search: SiteSearchView?
    var navigation: [NavigationItem]
}
