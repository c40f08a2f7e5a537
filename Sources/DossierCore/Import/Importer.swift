import Foundation

/// `dossier import`: Word documents (and others LibreOffice opens) into Dossier content files.
///
/// For each file: LibreOffice turns .doc, .odt and .rtf into .docx; the .docx's own properties and
/// merged cells are read with ZIPFoundation; pandoc turns it into its JSON tree; the tree is
/// written as Markdown with front matter (`CommonMarkWriter`, `KindReading`). Into the section's
/// folder go the page (`NAME.md`), its images (`NAME-image1.png` …) and the original, unchanged
/// (`NAME.docx`), which the page's `source:` names. Each file is written to a temporary name and
/// renamed, the page last, so a failure leaves no half-written page; existing files are not
/// replaced without `force`.
public struct Importer {
    public struct Options: Sendable {
        public var files: [String]
        /// The section's folder inside `content/`.
        public var into: String
        public var kind: String?
        public var dryRun = false
        public var force = false
        /// The site's folder, holding `content/`.
        public var root = "."
        public var tools = ImportTools.fromEnvironment

        public init(files: [String], into: String = "imported", kind: String? = nil) {
            self.files = files
            self.into = into
            self.kind = kind
        }
    }

    /// One imported file: where its page went (or would go), what else was written, what was said.
    public struct Outcome: Sendable {
        public var page: String?
        public var written: [String] = []
        public var diagnostics: [Diagnostic] = []
        /// The page's text, also in a dry run.
        public var markdown: String?
    }

    public static let kinds = KindReading.kinds
    static let wordExtensions = ["docx"]
    static let convertedExtensions = ["doc", "odt", "rtf", "docm", "dotx", "wpd"]

    let options: Options

    public init(_ options: Options) { self.options = options }

    /// Problems with the command line itself, before any file is read.
    public func checkOptions() -> Diagnostic? {
        if let kind = options.kind, !Self.kinds.contains(kind) {
            return .error("unknown kind '\(kind)' for import; the kinds it reads are: \(Self.kinds.joined(separator: ", "))",
                          at: .commandLine, hint: "leave out --kind to import a plain page")
        }
        let parts = options.into.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if options.into.hasPrefix("/") || parts.contains(where: { !Slug.isSafeSegment($0) }) {
            return .error("--into '\(options.into)' is not a folder inside content/", at: .commandLine,
                          hint: "give the section's folder inside content/, such as performance or archive/2004")
        }
        if ["archive", "tags", "indicators", "actions", "a-z", "search", "assets", "pagefind"].contains(parts[0]) {
            return .error("--into '\(options.into)': '\(parts[0])/' is a folder Dossier makes itself", at: .commandLine,
                          hint: "import into a section of your own, such as past-reports")
        }
        return nil
    }

    public func run() -> [Outcome] {
        if let problem = checkOptions() { return [Outcome(diagnostics: [problem])] }
        return options.files.map(importFile)
    }

    private var folder: URL {
        URL(fileURLWithPath: options.root).appendingPathComponent("content").appendingPathComponent(options.into)
    }

    private var contentPrefix: String { "content/\(options.into)/" }

    private func importFile(_ path: String) -> Outcome {
        var outcome = Outcome()
        let fail = { (message: String, hint: String?) -> Outcome in
            var failed = outcome
            failed.diagnostics.append(.error(message, at: SourceLocation(file: path, line: 0), hint: hint))
            return failed
        }
        let source = URL(fileURLWithPath: path)
        let fileExtension = source.pathExtension.lowercased()
        guard Self.wordExtensions.contains(fileExtension) || Self.convertedExtensions.contains(fileExtension) else {
            return fail("not a document Dossier imports (.docx, or .doc, .odt, .rtf through LibreOffice)", nil)
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            return fail("no such file", nil)
        }
        guard FileManager.default.isReadableFile(atPath: path) else { return fail("cannot be read (permission denied)", nil) }

        let work = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        do { try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true) } catch {
            return fail("cannot make a temporary folder: \(error.localizedDescription)", nil)
        }

        var docx = source
        if !Self.wordExtensions.contains(fileExtension) {
            let converted = work.appendingPathComponent("converted", isDirectory: true)
            guard let result = ImportTools.convert(source, to: "docx", into: converted,
                                                   profile: work.appendingPathComponent("libreoffice-profile", isDirectory: true),
                                                   with: options.tools.soffice, timeout: options.tools.timeout) else {
                return fail("LibreOffice (soffice) is needed to read .\(fileExtension) files and is not installed",
                            "install it with `\(ImportTools.sofficeInstall)`, or save the file as .docx")
            }
            if result.timedOut {
                return fail("LibreOffice did not finish converting it to .docx within \(Int(options.tools.timeout)) s and was stopped",
                            "open it in LibreOffice or Word and save it as .docx, then import that")
            }
            docx = converted.appendingPathComponent(source.deletingPathExtension().lastPathComponent + ".docx")
            // soffice exits 0 also when it wrote nothing, so the file itself is the test.
            let written = (try? FileManager.default.attributesOfItem(atPath: docx.path)[.size] as? Int) ?? 0
            guard result.status == 0, written > 0 else {
                let said = Self.sofficeOutput(result.output)
                return fail("LibreOffice could not convert it to .docx (\(result.status == 0 ? "it wrote no file" : "exit status \(result.status)"))",
                            said.isEmpty ? nil : said)
            }
        }

        let package: WordPackage
        do { package = try WordPackage(reading: docx) } catch {
            return fail(error == .notAZip ? "cannot be read: it is not a .docx file (not a ZIP package)"
                                          : "cannot be read: it has no word/document.xml, so it is not a Word document", nil)
        }

        let json = work.appendingPathComponent("document.json")
        let media = work.appendingPathComponent("media")
        // +styles names each paragraph's Word style, which is how a caption is told from the
        // paragraph beside it in pandoc 2 (pandoc 3 reads captions itself); see `WordStyles`.
        guard let result = ImportTools.run(options.tools.pandoc,
                                           ["--from", "docx+styles", "--to", "json", "--track-changes=all",
                                            "--extract-media", media.path, "--output", json.path, docx.path],
                                           timeout: options.tools.timeout) else {
            return fail("pandoc is needed to import documents and is not installed",
                        "install it with `\(ImportTools.pandocInstall)`")
        }
        if result.timedOut {
            return fail("pandoc did not finish reading it within \(Int(options.tools.timeout)) s and was stopped", nil)
        }
        guard result.status == 0, let data = try? Data(contentsOf: json) else {
            return fail("pandoc could not read it (exit status \(result.status))",
                        PandocText.collapse(result.output).isEmpty ? nil : PandocText.collapse(result.output))
        }
        var document: PandocDocument
        do { document = try JSONDecoder().decode(PandocDocument.self, from: data) } catch {
            return fail("pandoc's JSON could not be read: \(error)", "Dossier reads pandoc API 1.22 (pandoc 2.17) and 1.23 (pandoc 3)")
        }

        document.blocks = WordStyles.read(document.blocks)

        let stem = Slug.make(from: source.deletingPathExtension().lastPathComponent)
        var warnings = ImportWarnings(file: path)
        let images = Self.images(in: document.blocks)
        var imageNames: [String: String] = [:]
        var imageFiles: [(from: URL, name: String)] = []
        for url in images where imageNames[url] == nil {
            let file = URL(fileURLWithPath: url)
            guard FileManager.default.fileExists(atPath: file.path) else { continue }
            let name = "\(stem)-\(Slug.make(from: file.deletingPathExtension().lastPathComponent)).\(file.pathExtension.lowercased())"
            imageNames[url] = name
            imageFiles.append((file, name))
        }

        let properties = package.properties
        let created = properties.created.flatMap { Day(iso: String($0.prefix(10))) }
        let registry = ImportedIndicator.registry(at: URL(fileURLWithPath: options.root).appendingPathComponent("content/indicators.yaml"))
        let reading = options.kind.map {
            KindReading.read(kind: $0, blocks: document.blocks, title: properties.title, registry: registry, date: created, warnings: &warnings)
        }
        var writer = CommonMarkWriter(imageNames: imageNames, mergedCells: package.mergedCells,
                                      skip: reading?.consumed ?? [], warnings: warnings)
        let body = writer.write(document.blocks)
        warnings = writer.warnings
        if package.hasComments && !warnings.diagnostics.contains(where: { $0.message.contains("a comment") }) {
            warnings.add(nil, "the document has comments that pandoc did not place; they are left out")
        }

        let originalName = "\(stem).\(fileExtension)"
        let markdown = frontMatter(document: document, properties: properties, created: created, reading: reading,
                                   source: originalName, fileName: source.lastPathComponent, warnings: &warnings) + body
        outcome.diagnostics = warnings.diagnostics
        outcome.markdown = markdown
        let pagePath = contentPrefix + stem + ".md"
        outcome.page = pagePath

        let targets = imageFiles.map(\.name) + [originalName, stem + ".md"]
        if !options.force {
            let existing = targets.filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
            if let first = existing.first {
                return fail("\(contentPrefix)\(first) already exists; nothing was written for this file",
                            "use --force to replace \(existing.count == 1 ? "it" : "them (\(existing.map { contentPrefix + $0 }.joined(separator: ", ")))")")
            }
        }
        outcome.written = targets.map { contentPrefix + $0 }
        if options.dryRun { return outcome }

        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for image in imageFiles { try place(try Data(contentsOf: image.from), as: image.name) }
            try place(try Data(contentsOf: source), as: originalName)
            try place(Data(markdown.utf8), as: stem + ".md")
        } catch {
            outcome.written = []
            outcome.diagnostics.append(.error("could not write into \(contentPrefix): \(error.localizedDescription)",
                                              at: SourceLocation(file: path, line: 0)))
        }
        return outcome
    }

    /// What soffice said, less the warning it prints on every run without Java.
    private static func sofficeOutput(_ output: String) -> String {
        PandocText.collapse(output.split(separator: "\n").filter { !$0.contains("failed to launch javaldx") }.joined(separator: " "))
    }

    /// Writes beside the target under a temporary name, then renames it over the target.
    private func place(_ data: Data, as name: String) throws {
        let target = folder.appendingPathComponent(name)
        let temporary = folder.appendingPathComponent(".\(name).import-\(ProcessInfo.processInfo.processIdentifier)")
        try data.write(to: temporary)
        if rename(temporary.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(name): \(reason)"])
        }
    }

    private static func images(in blocks: [PandocBlock]) -> [String] {
        var found: [String] = []
        func inlines(_ list: [PandocInline]) {
            for inline in list {
                switch inline {
                case let .image(_, url, _): found.append(url)
                case let .emph(inner), let .strong(inner), let .underline(inner), let .strikeout(inner), let .superscript(inner),
                     let .subscript(inner), let .smallCaps(inner), let .quoted(_, inner), let .link(inner, _), let .span(_, inner):
                    inlines(inner)
                case let .note(inner): walk(inner)
                default: break
                }
            }
        }
        func walk(_ list: [PandocBlock]) {
            for block in list {
                switch block {
                case let .plain(inner), let .para(inner), let .header(_, inner): inlines(inner)
                case let .lineBlock(lines): lines.forEach(inlines)
                case let .blockQuote(inner), let .div(_, inner): walk(inner)
                case let .bulletList(items), let .orderedList(_, items): items.forEach(walk)
                case let .definitionList(entries): entries.forEach { inlines($0.term); $0.definitions.forEach(walk) }
                case let .figure(caption, content): walk(content); walk(caption)
                case let .table(table): (table.headRows + table.bodyRows + table.footRows).flatMap { $0 }.forEach { walk($0.blocks) }
                default: break
                }
            }
        }
        walk(blocks)
        return found
    }

    private func frontMatter(document: PandocDocument, properties: WordPackage.Properties, created: Day?,
                             reading: KindReading?, source: String, fileName: String, warnings: inout ImportWarnings) -> String {
        var lines = ["---"]
        let metaTitle = document.meta["title"].map { PandocText.collapse($0.plainText) }.flatMap { $0.isEmpty ? nil : $0 }
        if let title = properties.title ?? metaTitle {
            lines.append("title: \(KindReading.yaml(title))  # from the document's \(properties.title != nil ? "properties" : "title")")
        } else {
            let title = source.split(separator: ".").first.map { String($0).replacingOccurrences(of: "-", with: " ") } ?? source
            lines.append("title: \(KindReading.yaml(title.prefix(1).uppercased() + title.dropFirst()))  # from the file name: the document has no title")
            warnings.add(nil, "the document has no title in its properties; the title is made from the file name")
        }
        let date = created ?? reading?.date
        if let date {
            lines.append("date: \(date.iso)  # \(created != nil ? "the document's created date" : "the meeting's date"): check it is the report's date")
        } else if options.kind == "quarterly" {
            lines.append("date: 2000-01-01  # the document has no created date: write the report's date")
            warnings.add(nil, "the document has no created date; date is a placeholder to fill in")
        }
        let summary = properties.description ?? (options.kind == "committee" ? nil : properties.subject)
        if let summary { lines.append("summary: \(KindReading.yaml(summary))") }
        if !properties.keywords.isEmpty {
            lines.append("tags: [\(properties.keywords.map(KindReading.yaml).joined(separator: ", "))]  # the document's keywords")
        }
        var said = ["the original, \(fileName)"]
        if let creator = properties.creator { said.append("by \(creator)") }
        if let createdText = properties.created { said.append("created \(createdText)") }
        if let modified = properties.modified { said.append("last modified \(modified)") }
        lines.append("# imported by dossier import from \(said.joined(separator: ", "))")
        lines.append("source: \(KindReading.yaml(source))")
        if let kind = options.kind, let reading {
            lines.append("draft: true  # until you have confirmed the guesses marked below")
            lines.append("kind: \(kind)")
            if kind == "committee", let subject = properties.subject, !reading.lines.contains(where: { $0.hasPrefix("subject:") }) {
                lines.append("subject: \(KindReading.yaml(subject))  # the document's subject")
            }
            lines += reading.lines
        }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n"
    }
}
