/// How the site presents itself in its header (`brand:` in site.yaml): a name, a colour and an
/// optional logo. The default is a neutral slate, not any government's own identity.
public struct SiteBrand: StrictDecodable, Equatable, Sendable {
    /// The name in the header; the site's title when not given.
    public var name: String?
    /// The header's background.
    public var colour: BrandColour
    /// A content path of an image (PNG, JPEG, GIF, WebP) shown before the name.
    public var logo: String?

    public init(name: String? = nil, colour: BrandColour = .neutral, logo: String? = nil) {
        self.name = name
        self.colour = colour
        self.logo = logo
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, colour, logo
    }

    static let keySchema = KeySchema(CodingKeys.self)

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        colour = try container.decodeIfPresent(BrandColour.self, forKey: .colour) ?? .neutral
        logo = try container.decodeIfPresent(String.self, forKey: .logo)
    }

    /// Image types a logo may be: an SVG could carry script, so it is not one of them.
    static let logoExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp"]

    /// A logo must be an image inside content/ that the site copies.
    static func logoProblems(_ config: Located<SiteConfig>, assetPaths: Set<String>) -> [Diagnostic] {
        guard let logo = config.value.brand.logo else { return [] }
        let location = config.location(of: "brand.logo")
        guard let path = ContentPath.normalise(logo) else {
            return [.error("logo '\(logo)' points outside the content folder", at: location)]
        }
        let fileExtension = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        guard path.contains("."), logoExtensions.contains(fileExtension) else {
            return [.error("logo '\(logo)' is not a PNG, JPEG, GIF or WebP image", at: location,
                           hint: "save the logo as a PNG file inside content/, such as 'assets/logo.png'")]
        }
        guard assetPaths.contains(path) else {
            return [.error("logo '\(logo)' is not a file in the content folder", at: location,
                           hint: Suggestion.nearestPath(to: path, in: Array(assetPaths)).map { "did you mean '\($0)'?" }
                               ?? "write its path inside content/, such as 'assets/logo.png'")]
        }
        return []
    }
}

/// An opaque colour written `#rrggbb` or `#rgb`.
public struct BrandColour: Decodable, Equatable, Sendable {
    public let red: UInt8
    public let green: UInt8
    public let blue: UInt8

    /// Slate blue-grey: white text on it has 11:1 contrast.
    public static let neutral = BrandColour(hex: "#2f3e4c")!

    public init?(hex text: String) {
        guard text.first == "#" else { return nil }
        var digits = Array(text.dropFirst())
        if digits.count == 3 { digits = digits.flatMap { [$0, $0] } }
        guard digits.count == 6, let value = UInt32(String(digits), radix: 16) else { return nil }
        red = UInt8(value >> 16 & 0xff)
        green = UInt8(value >> 8 & 0xff)
        blue = UInt8(value & 0xff)
    }

    public init(from decoder: Decoder) throws {
        self = try decoder.decodeText(BrandColour.init(hex:)) { "'\($0)' is not a colour written like #2f3e4c" }
    }

    /// `#2f3e4c`: safe inside CSS, having only hex digits.
    public var hex: String {
        "#" + [red, green, blue].map { component in
            let digits = String(component, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    /// WCAG 2 relative luminance.
    var luminance: Double {
        func linear(_ component: UInt8) -> Double {
            let value = Double(component) / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// The contrast ratio of white text on this colour.
    var contrastWithWhite: Double { 1.05 / (luminance + 0.05) }

    /// White where white text reads on it at 4.5:1 or better, else black (which then always does).
    public var textColour: String { contrastWithWhite >= 4.5 ? "#ffffff" : "#000000" }
}

import Foundation
