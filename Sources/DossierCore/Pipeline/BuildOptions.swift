import Foundation

/// What to build and how. The file system and "today" are injected, so tests and reproducible
/// builds control both.
public struct BuildOptions: Sendable {
    public var root: String
    /// The output folder; nil means `ROOT/site`.
    public var output: String?
    public var includeDrafts: Bool
    /// Publish pages dated after `today` too.
    public var includeFuture = false
    /// Today, as far as the build is concerned: the build date printed on pages.
    public var today: Day
    public var fileSystem: FileSystem
    /// Check every template context against its declared shape (tests turn this on).
    public var validateContexts = false
    /// Full-text search: nil as site.yaml's `search` says, true for `--search`, false to leave it
    /// out whatever site.yaml says (the offline archive, which is opened from files).
    public var search: Bool? = nil
    /// The indexer search runs.
    public var pagefind = Pagefind()

    public init(root: String = ".", output: String? = nil, includeDrafts: Bool = false,
                today: Day, fileSystem: FileSystem = LocalFileSystem()) {
        self.root = root
        self.output = output
        self.includeDrafts = includeDrafts
        self.today = today
        self.fileSystem = fileSystem
    }

    public var outputFolder: String { output ?? RootPath.join(root, "site") }
}

extension Day {
    /// Today in UTC, or the day of `SOURCE_DATE_EPOCH` when it is set (the reproducible-builds convention).
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()) -> Day {
        var instant = now
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) { instant = Date(timeIntervalSince1970: epoch) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

public enum DossierVersion {
    public static let current = "0.1.0"
}
