/// What every page knows of the site (`site.*`).
struct SiteView: Codable, Sendable, Equatable {
    struct NavigationItem: Codable, Sendable, Equatable {
        let title: String
        let url: String
        /// This page is the item's target or inside it.
        let current: Bool
        let external: Bool
    }

    /// The header's name, colours and logo.
    struct Brand: Codable, Sendable, Equatable {
        let name: String
        /// `#rrggbb`, the header's background.
        let colour: String
        /// Black or white, whichever reads on `colour` at 4.5:1.
        let textColour: String
        let logoURL: String?
    }

    let title: String
    /// The title escaped for a CSS string, for the printed page's running head.
    let cssTitle: String
    let organisation: String?
    let brand: Brand
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
    /// The header's links: the first six of site.yaml's `navigation`.
    var navigation: [NavigationItem]
    /// The footer's links: the rest of `navigation`, then the archive and tags when the header lacks them.
    var footerNavigation: [NavigationItem]
}
