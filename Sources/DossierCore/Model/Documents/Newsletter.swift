import Foundation

/// One article of a newsletter issue: a title and Markdown text (which may hold ```chart and ```table blocks).
public struct NewsletterArticle: StrictDecodable, Sendable, Equatable {
    public var title: String
    public var body: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, body
    }

    static let keySchema = KeySchema(CodingKeys.self)
}

/// What an issue gathers from the rest of the site: nothing, the default window (after the previous
/// issue's date, up to this issue's), or a window of its own.
public enum GatherOption: Sendable, Equatable, Decodable {
    case off
    case sincePreviousIssue
    case window(from: Day, to: Day)

    struct Window: StrictDecodable {
        var from: Day
        var to: Day

        enum CodingKeys: String, CodingKey, CaseIterable {
            case from, to
        }

        static let keySchema = KeySchema(CodingKeys.self)
    }

    public init(from decoder: Decoder) throws {
        if let flag = try? decoder.singleValueContainer().decode(Bool.self) {
            self = flag ? .sincePreviousIssue : .off
            return
        }
        let window = try Window(from: decoder)
        self = .window(from: window.from, to: window.to)
    }
}

/// A staff newsletter issue: published on the site and written out as an email (HTML, text, .eml).
public struct NewsletterIssue: StrictDecodable, Sendable, Equatable {
    public var issue: Int
    public var editor: String?
    /// Markdown shown before the articles.
    public var intro: String?
    public var articles: [NewsletterArticle]?
    public var gather: GatherOption?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case issue, editor, intro, articles, gather
    }

    static let keySchema = KeySchema(CodingKeys.self, nested: [
        "articles": NewsletterArticle.keySchema, "gather": GatherOption.Window.keySchema,
    ])
}

/// `newsletter:` in site.yaml: who the email issues come from and go to.
public struct NewsletterSettings: StrictDecodable, Sendable, Equatable {
    /// `ICT Services <ict-news@council.example>` or a bare address.
    public var from: String
    /// The list address.
    public var to: String
    public var replyTo: String?

    public init(from: String, to: String, replyTo: String? = nil) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case from, to
        case replyTo = "reply_to"
    }

    static let keySchema = KeySchema(CodingKeys.self)
}

/// A mailbox as written in a header: an optional display name and an address.
public struct MailAddress: Sendable, Equatable {
    public var name: String?
    public var address: String

    /// Reads `Name <local@domain>` or `local@domain`; nil when it is not an address.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var name: String?
        var address = trimmed
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            let display = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            name = display.isEmpty ? nil : display.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        guard Self.isAddress(address) else { return nil }
        self.name = name
        self.address = address
    }

    static func isAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, text.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else { return false }
        let localAllowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-")
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return parts[0].unicodeScalars.allSatisfy(localAllowed.contains) && !parts[0].hasPrefix(".") && !parts[0].hasSuffix(".")
            && labels.count >= 2 && labels.allSatisfy { label in
                !label.isEmpty && !label.hasPrefix("-") && !label.hasSuffix("-") && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
            }
    }
}
