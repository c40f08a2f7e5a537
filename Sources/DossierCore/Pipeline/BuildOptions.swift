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
    /// `report.pdf` for each report: nil as site.yaml's `pdf` says, true for `--pdf`, false to
    /// leave them out whatever site.yaml says.
    public var pdf: Bool? = nil
    /// The engine that prints them.
    public var weasyPrint = WeasyPrint()
    /// Print only these reports (site paths), for `dossier pdf PAGE`; nil prints every report.
    public var pdfPages: Set<String>? = nil
    /// How the old site goes once the new one is in place: in the background by default, so a
    /// rebuild does not wait for the disk to unlink the old tree.
    public var oldSiteRemoval = OldSiteRemoval.inBackground

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
    /// The latest instant `SOURCE_DATE_EPOCH` may name: the last second of 9999.
    static let latestEpoch = 253_402_300_799

    /// Today in UTC, or the day of `SOURCE_DATE_EPOCH` when it is set (the reproducible-builds
    /// convention: whole seconds since 1970-01-01 UTC). A value that is not such a number, or
    /// is after 9999, is an error rather than ignored.
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment,
                             now: Date = Date()) throws(Diagnostic) -> Day {
        var instant = now
        if let text = environment["SOURCE_DATE_EPOCH"] {
            let location = SourceLocation(file: "SOURCE_DATE_EPOCH", line: 0, column: 0)
            guard let seconds = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw .error("SOURCE_DATE_EPOCH '\(text)' is not a whole number of seconds since 1970-01-01", at: location,
                             hint: "set it to the output of `git log -1 --format=%ct`, or unset it")
            }
            guard (0...latestEpoch).contains(seconds) else {
                throw .error("SOURCE_DATE_EPOCH \(seconds) is out of range: it must be from 0 to \(latestEpoch) (the end of 9999)",
                             at: location, hint: "set it to the output of `git log -1 --format=%ct`, or unset it")
            }
            instant = Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        guard let year = parts.year, let month = parts.month, let day = parts.day, let today = Day(year: year, month: month, day: day) else {
            throw .error("the clock's date is not a date Dossier can use", at: SourceLocation(file: "clock", line: 0, column: 0),
                         hint: "pass --today YYYY-MM-DD")
        }
        return today
    }
}

public enum DossierVersion {
    public static let current = "0.1.0"
}
