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
    /// Each report's PDF beside its page: nil as site.yaml's `pdf` says, true for `--pdf`, false
    /// for `--no-pdf`.
    public var pdf: Bool? = nil
    /// The engine that prints them.
    public var weasyPrint = WeasyPrint()

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
/// the reports use, each report's PDF when the site prints them (`performance/2006-07-q3.pdf`), and
/// `manifest.txt` with the SHA-256 and size of every other file. Made in memory (PDFs are printed in
/// a temporary build); `zip()` and `write(to:force:)` turn it into a deterministic zip.
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
        /// Its PDF inside the archive's folder, `performance/2006-07-q3.pdf`, and the PDF's size in
        /// bytes; nil when the site prints no PDFs.
        public var pdf: (file: String, bytes: Int)? = nil

        public static func == (a: Report, b: Report) -> Bool {
            a.page == b.page && a.file == b.file && a.pdf?.file == b.pdf?.file && a.pdf?.bytes == b.pdf?.bytes
        }
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
    /// the period from it. When the site prints PDFs, the site is built again into a temporary
    /// folder, printing the period's reports only, and the archive is made from that build. Writes
    /// nothing else.
    public static func build(_ options: ArchiveOptions) throws(ArchiveError) -> OfflineArchive {
        var buildOptions = BuildOptions(root: options.root, output: nil, includeDrafts: false, today: options.today,
                                        fileSystem: options.fileSystem)
        // Pagefind cannot work from files: the archive's pages carry no search box and no script.
        buildOptions.search = false
        buildOptions.pdf = options.pdf
        buildOptions.weasyPrint = options.weasyPrint
        let site = try siteBuild(buildOptions, .check)
        let config = siteConfig(root: options.root, fileSystem: options.fileSystem)
        let planned = Set(site.plannedPaths)
        let printed = selection(site.pages, in: options.period).map(\.urlPath).filter { planned.contains($0 + ReportPDFs.fileName) }
        guard !printed.isEmpty else {
            let fileSystem = options.fileSystem
            let root = options.root
            return try OfflineArchive(site: site, config: config, period: options.period, made: options.today) { file in
                switch file.contents {
                case let .text(text): return Data(text.utf8)
                case let .copy(source): return try fileSystem.read(RootPath.join(root, source))
                }
            }
        }
        // The pages as they are written, with their PDFs' page counts and sizes filled in.
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("dossier-archive-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.appendingPathComponent("site")
        buildOptions.output = folder.path
        buildOptions.pdfPages = Set(printed)
        _ = try siteBuild(buildOptions, .build)
        let fileSystem = options.fileSystem
        var pdfs: [String: Data] = [:]
        for page in printed {
            let file = page + ReportPDFs.fileName
            do {
                pdfs[page] = try fileSystem.read(folder.appendingPathComponent(file).path)
            } catch {
                throw ArchiveError("cannot read the PDF '\(file)' just printed: \(error.localizedDescription)")
            }
        }
        return try OfflineArchive(site: site, config: config, period: options.period, made: options.today, pdfs: pdfs) { file in
            try fileSystem.read(folder.appendingPathComponent(file.path).path)
        }
    }

    private static func siteBuild(_ options: BuildOptions, _ mode: Pipeline.Mode) throws(ArchiveError) -> BuildReport {
        do {
            return try Pipeline(options: options).run(mode)
        } catch {
            let count = error.errors.count
            throw ArchiveError("the site has \(count) error\(count == 1 ? "" : "s"); no archive was made", diagnostics: error.diagnostics)
        }
    }

    /// The reports of `period` among `pages`, in the order the index lists them (by the day or
    /// quarter they cover). Newsletters are news about the reports, not reports: they have an
    /// archive of their own.
    static func selection(_ pages: [PublishedPage], in period: ArchivePeriod) -> [PublishedPage] {
        pages.filter { $0.kind != .newsletter && period.includes($0) }.sorted {
            (ArchivePeriod.sortDay($0)!, $0.date!, $0.urlPath) < (ArchivePeriod.sortDay($1)!, $1.date!, $1.urlPath)
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

    /// Makes the archive of `period` from a finished build. `contents` gives each output file's
    /// bytes; `pdfs`, each printed report's PDF by the report's site path.
    public init(site: BuildReport, config: SiteConfig, period: ArchivePeriod, made: Day, pdfs: [String: Data] = [:],
                contents: (OutputFile) throws -> Data) throws(ArchiveError) {
        let selected = Self.selection(site.pages, in: period)
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

        var reports: [Report] = []
        var pdfFiles: [File] = []
        for page in selected {
            var report = Report(page: page, file: Self.fileName(forURLPath: page.urlPath))
            if let data = pdfs[page.urlPath] {
                report.pdf = (Self.pdfName(forURLPath: page.urlPath), data.count)
                pdfFiles.append(File(path: report.pdf!.file, data: data))
            }
            reports.append(report)
        }
        let reserved = Set(reports.map(\.file) + pdfFiles.map(\.path) + [Self.indexFile, Self.manifestFile])
        // A page's link to its `report.pdf` leads to the PDF beside the page's file.
        let archived = reports.map { ($0.page.urlPath, $0.file) }
            + reports.compactMap { report in report.pdf.map { (report.page.urlPath + ReportPDFs.fileName, $0.file) } }
        let links = ArchiveLinks(
            baseURL: site.baseURL,
            reports: Dictionary(archived, uniquingKeysWith: { first, _ in first }),
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
        files += pdfFiles
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
        stem(urlPath) + ".html"
    }

    /// `performance/2006-07-q3/` → `performance/2006-07-q3.pdf`, beside the page's file.
    static func pdfName(forURLPath urlPath: String) -> String {
        stem(urlPath) + ".pdf"
    }

    private static func stem(_ urlPath: String) -> String {
        let trimmed = urlPath.hasSuffix("/") ? String(urlPath.dropLast()) : urlPath
        return trimmed.isEmpty ? "home" : trimmed
    }

    /// The site's settings, for the index page's title and language. The build has already checked them.
    private static func siteConfig(root: String, fileSystem: FileSystem) -> SiteConfig {
        let path = RootPath.join(root, "\(SourceFile.contentFolder)/\(SiteConfig.fileName)")
        guard let data = try? fileSystem.read(path) else { return .defaults }
        return PageParser().parseConfig(String(decoding: data, as: UTF8.self), log: DiagnosticLog()).value
    }
}
