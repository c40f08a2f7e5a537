import Foundation

/// What `dossier archive` is asked for.
public struct ArchiveOptions: Sendable {
    /// The site's folder, holding content/.
    public var root: String
    public var period: ArchivePeriod
    /// The zip to write; nil means `ROOT/archive-PERIOD.zip` (`archive-2006-07.zip`).
    public var output: String?
    /// Replace an existing file at the output path.
    public var force: Bool
    /// The day the archive is made: the build date on its pages and the date of every zip entry.
    public var today: Day
    public var fileSystem: FileSystem

    public init(root: String = ".", period: ArchivePeriod, output: String? = nil, force: Bool = false, today: Day,
                fileSystem: FileSystem = LocalFileSystem()) {
        self.root = root
        self.period = period
        self.output = output
        self.force = force
        self.today = today
        self.fileSystem = fileSystem
    }

    public var outputPath: String { output ?? RootPath.join(root, OfflineArchive.defaultFileName(for: period)) }
}

/// A self-contained copy of every report of a period, for reading from disk with no server: a folder
/// `dossier-archive-PERIOD/` holding `index.html`, one HTML file per report named from its URL
/// (`performance/2006-07-q3.html`) with the stylesheet inline and links made relative, the site files
/// the reports use, and `manifest.txt` with the SHA-256 and size of every other file. Made in memory;
/// `zip()` and `write(to:force:)` turn it into a deterministic zip.
public struct OfflineArchive: Sendable {
    public struct File: Sendable, Equatable {
        /// Inside the archive's folder: `performance/2006-07-q3.html`.
        public let path: String
        public let data: Data
    }

    public struct Report: Sendable, Equatable {
        public let page: PublishedPage
        /// Its file inside the archive's folder: `performance/2006-07-q3.html`.
        public let file: String
    }

    public static let indexFile = "index.html"
    public static let manifestFile = "manifest.txt"

    public let period: ArchivePeriod
    public let made: Day
    /// The period's reports, in the order the index lists them (by the day or quarter they cover).
    public let reports: [Report]
    /// Every file of the archive's folder, sorted by path, the manifest included.
    public let files: [File]
    /// The build's warnings.
    public let diagnostics: [Diagnostic]

    /// `dossier-archive-2006-07`: the one folder at the top of the zip.
    public var folderName: String { "dossier-archive-\(period.slug)" }

    /// `archive-2006-07.zip`.
    public static func defaultFileName(for period: ArchivePeriod) -> String { "archive-\(period.slug).zip" }

    /// Builds the site in memory (as `dossier check` does, without drafts) and makes the archive of
    /// the period from it. Writes nothing.
    public static func build(_ options: ArchiveOptions) throws(ArchiveError) -> OfflineArchive {
        var buildOptions = BuildOptions(root: options.root, output: nil, includeDrafts: false, today: options.today,
                                        fileSystem: options.fileSystem)
        // Pagefind cannot work from files: the archive's pages carry no search box and no script.
        buildOptions.search = false
        // The archive is made from an in-memory build, which prints no PDFs.
        buildOptions.pdf = false
        let site: BuildReport
        do {
            site = try Pipeline(options: buildOptions).run(.check)
        } catch {
            let count = error.errors.count
            throw ArchiveError("the site has \(count) error\(count == 1 ? "" : "s"); no archive was made", diagnostics: error.diagnostics)
        }
        let fileSystem = options.fileSystem
        let root = options.root
        return try OfflineArchive(site: site, config: siteConfig(root: root, fileSystem: fileSystem), period: options.period,
                                  made: options.today) { file in
            switch file.contents {
            case let .text(text): return Data(text.utf8)
            case let .copy(source): return try fileSystem.read(RootPath.join(root, source))
            }
        }
    }

    /// Builds the archive and writes it to `options.outputPath`: what `dossier archive` does. An
    /// existing file there is refused before anything is built, unless `force`.
    @discardableResult
    public static func make(_ options: ArchiveOptions) throws(ArchiveError) -> OfflineArchive {
        let path = options.outputPath
        try ArchiveOutput.check(path, root: options.root, force: options.force)
        let archive = try build(options)
        try archive.write(to: path, force: options.force)
        return archive
    }

    /// Makes the archive of `period` from a finished build. `contents` gives each output file's bytes.
    public init(site: BuildReport, config: SiteConfig, period: ArchivePeriod, made: Day,
                contents: (OutputFile) throws -> Data) throws(ArchiveError) {
        // Newsletters are news about the reports, not reports: they have an archive of their own.
        let selected = site.pages.filter { $0.kind != .newsletter && period.includes($0) }.sorted {
            (ArchivePeriod.sortDay($0)!, $0.date!, $0.urlPath) < (ArchivePeriod.sortDay($1)!, $1.date!, $1.urlPath)
        }
        guard !selected.isEmpty else {
            let dated = site.pages.filter { $0.date != nil && $0.kind != .newsletter }
            let hint = dated.isEmpty ? "no page of the site has a date"
                : "the site's reports run from \(dated.map { ArchivePeriod.sortDay($0)! }.min()!.long) to \(dated.map { $0.date! }.max()!.long)"
            throw ArchiveError("no reports in \(period.explanation)", hint: hint)
        }

        var siteFiles: [String: OutputFile] = [:]
        for file in site.files { siteFiles[file.path] = file }
        func read(_ path: String) throws(ArchiveError) -> Data {
            guard let file = siteFiles[path] else { throw ArchiveError("the built site has no file '\(path)'") }
            do {
                return try contents(file)
            } catch {
                throw ArchiveError("cannot read '\(path)': \(error.localizedDescription)")
            }
        }

        let reports = selected.map { Report(page: $0, file: Self.fileName(forURLPath: $0.urlPath)) }
        let reserved = Set(reports.map(\.file) + [Self.indexFile, Self.manifestFile])
        let links = ArchiveLinks(
            baseURL: site.baseURL,
            reports: Dictionary(reports.map { ($0.page.urlPath, $0.file) }, uniquingKeysWith: { first, _ in first }),
            siteFiles: Set(site.files.map(\.path).filter { !$0.hasSuffix(".html") && !$0.hasSuffix(".htm") }),
            attachments: Set(site.files.compactMap { file in
                if case .copy = file.contents { return file.path } else { return nil }
            }),
            reserved: reserved)

        // Stylesheets are read once, whichever pages use them.
        var stylesheets: [String: String] = [:]
        for file in site.files where file.path.hasSuffix(".css") {
            stylesheets[file.path] = (try? contents(file)).map { String(decoding: $0, as: UTF8.self) }
        }

        var files: [File] = []
        var used: Set<String> = []
        var indexStylesheets: [OfflinePage.Stylesheet]?
        for report in reports {
            let sitePath = report.page.urlPath
            let pageFile = RootPath.join(sitePath.hasSuffix("/") ? String(sitePath.dropLast()) : sitePath, "index.html")
            let html = String(decoding: try read(sitePath.isEmpty ? "index.html" : pageFile), as: UTF8.self)
            let page = OfflinePage(sitePath: sitePath, file: report.file, links: links,
                                   banner: OfflinePage.banner(period: period, made: made,
                                                              indexHref: ArchiveLinks.relative(from: report.file, to: Self.indexFile)),
                                   stylesheet: { stylesheets[$0] })
            let result = page.rewrite(html)
            used.formUnion(result.files)
            files.append(File(path: report.file, data: Data(result.html.utf8)))
            if indexStylesheets == nil { indexStylesheets = result.stylesheets }
        }
        // The index looks like the reports: the same stylesheets, inlined for its place in the folder.
        let indexPage = OfflinePage(sitePath: "", file: Self.indexFile, links: links, banner: "", stylesheet: { stylesheets[$0] })
        let indexStyle = (indexStylesheets ?? []).compactMap { indexPage.styleElement($0, used: &used) }.joined(separator: "\n")
        for path in used.sorted() {
            files.append(File(path: path, data: try read(path)))
        }
        let index = ArchiveIndex(config: config, baseURL: site.baseURL, period: period, made: made, reports: reports,
                                 style: indexStyle)
        files.append(File(path: Self.indexFile, data: Data(index.html.utf8)))
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        let manifest = ArchiveManifest(files: files)
        files.append(File(path: Self.manifestFile, data: Data(manifest.text.utf8)))
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }

        self.period = period
        self.made = made
        self.reports = reports
        self.files = files
        self.diagnostics = site.diagnostics
    }

    /// `performance/2006-07-q3/` → `performance/2006-07-q3.html`; the home page → `home.html`.
    static func fileName(forURLPath urlPath: String) -> String {
        let trimmed = urlPath.hasSuffix("/") ? String(urlPath.dropLast()) : urlPath
        return (trimmed.isEmpty ? "home" : trimmed) + ".html"
    }

    /// The site's settings, for the index page's title and language. The build has already checked them.
    private static func siteConfig(root: String, fileSystem: FileSystem) -> SiteConfig {
        let path = RootPath.join(root, "\(SourceFile.contentFolder)/\(SiteConfig.fileName)")
        guard let data = try? fileSystem.read(path) else { return .defaults }
        return PageParser().parseConfig(String(decoding: data, as: UTF8.self), log: DiagnosticLog()).value
    }
}
