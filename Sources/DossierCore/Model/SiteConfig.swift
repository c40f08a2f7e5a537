/// The site's settings, from `content/site.yaml`. Every key is optional.
public struct SiteConfig: StrictDecodable, Equatable, Sendable {
    public static let fileName = "site.yaml"

    public var title: String
    public var organisation: String?
    /// Where the site is published, e.g. `https://intranet.example.gov.uk/ict/`.
    public var baseURL: String
    public var language: String
    public var navigation: [NavigationItem]
    /// Raw HTML in Markdown is omitted unless this is true.
    public var allowRawHTML: Bool
    /// How far short of its target a result may be and still be "near", unless the indicator says.
    public var tolerance: Double
    /// How many pages a section's list shows on each of its pages.
    public var pageSize: Int
    /// How many of the newest reports a feed holds.
    public var feedSize: Int
    /// Where newsletter issues are sent from and to.
    public var newsletter: NewsletterSettings?
    /// The header's name, colour and logo.
    public var brand: SiteBrand = SiteBrand()
    /// Full-text search with Pagefind: a search page, a search box in the header and the index.
    public var search: Bool
    /// `report.pdf` beside each report's page, printed with WeasyPrint and linked from the page.
    public var pdf: Bool = false

    public init(title: String = "Dossier site", organisation: String? = nil, baseURL: String = "/",
                language: String = "en-GB", navigation: [NavigationItem] = [], allowRawHTML: Bool = false,
                tolerance: Double = 2, pageSize: Int = 20, feedSize: Int = 20, search: Bool = false) {
        self.title = title
        self.organisation = organisation
        self.baseURL = baseURL
        self.language = language
        self.navigation = navigation
        self.allowRawHTML = allowRawHTML
        self.tolerance = tolerance
        self.pageSize = pageSize
        self.feedSize = feedSize
        self.search = search
    }

    public static let defaults = SiteConfig()

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, organisation, language, navigation, tolerance, newsletter, brand, search, pdf
        case pageSize = "page_size"
        case feedSize = "feed_size"
        case baseURL = "base_url"
        case allowRawHTML = "allow_raw_html"
    }

    static let keySchema = KeySchema(CodingKeys.self, nested: ["navigation": NavigationItem.keySchema, "newsletter": NewsletterSettings.keySchema,
                                                                "brand": SiteBrand.keySchema])

    public init(from decoder: Decoder) throws {
        let defaults = SiteConfig.defaults
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decodeIfPresent(String.self, forKey: .title) ?? defaults.title
        organisation = try container.decodeIfPresent(String.self, forKey: .organisation)
        baseURL = try container.decodeIfPresent(String.self, forKey: .baseURL) ?? defaults.baseURL
        language = try container.decodeIfPresent(String.self, forKey: .language) ?? defaults.language
        navigation = try container.decodeIfPresent([NavigationItem].self, forKey: .navigation) ?? []
        allowRawHTML = try container.decodeIfPresent(Bool.self, forKey: .allowRawHTML) ?? false
        tolerance = try container.decodeIfPresent(Double.self, forKey: .tolerance) ?? defaults.tolerance
        pageSize = try container.decodeIfPresent(Int.self, forKey: .pageSize) ?? defaults.pageSize
        feedSize = try container.decodeIfPresent(Int.self, forKey: .feedSize) ?? defaults.feedSize
        newsletter = try container.decodeIfPresent(NewsletterSettings.self, forKey: .newsletter)
        brand = try container.decodeIfPresent(SiteBrand.self, forKey: .brand) ?? SiteBrand()
        search = try container.decodeIfPresent(Bool.self, forKey: .search) ?? defaults.search
        pdf = try container.decodeIfPresent(Bool.self, forKey: .pdf) ?? defaults.pdf
    }

    /// How many navigation links the header shows; the rest are in the footer, so the header's
    /// navigation stays one row on a desktop screen.
    public static let headerNavigationLimit = 6
}

/// One entry of the site's main navigation.
public struct NavigationItem: StrictDecodable, Equatable, Sendable {
    public var title: String
    /// A content path (`reports/` for a section, `about.md` for a page) or an absolute `https://` URL.
    public var link: String

    public init(title: String, link: String) {
        self.title = title
        self.link = link
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, link
    }

    static let keySchema = KeySchema(CodingKeys.self)
}
