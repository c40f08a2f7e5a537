import Foundation

/// WeasyPrint (PyPI `weasyprint`), the engine that prints a report's page to a tagged PDF/UA-1
/// file with the stylesheet's A4 `@page` rules. Dossier runs it once per build through a small
/// Python driver, over every report's page in the staging folder, after the pages are written and
/// before the swap, so a failed print leaves the previous site as it was.
public struct WeasyPrint: Sendable {
    /// The release the print stylesheet was checked with; `.ci/run` installs it.
    public static let version = "70.0"
    public static let installCommand = "python3 -m pip install weasyprint==\(version)"

    /// The Python that has WeasyPrint, before the driver's own arguments (`-c SCRIPT …`).
    public var command: [String]

    public init(command: [String] = ["python3"]) {
        self.command = command
    }

    /// Arguments: DATE SITE_FOLDER BASE_PATH, then (HTML file, PDF file) pairs. Prints each page
    /// with creation and modification dates set to DATE (no other date, and no random id, reaches
    /// the file), and prints each PDF's page count on a line of its own. The pages link the
    /// stylesheet and images by site paths under BASE_PATH (`/ict/assets/dossier.css`), which
    /// are read from SITE_FOLDER; nothing is fetched from the network.
    static let driver = """
    import sys
    from weasyprint import HTML, __version__
    from weasyprint.urls import URLFetcher
    if sys.argv[1:] == ["--version"]:
        print("WeasyPrint " + __version__)
        sys.exit(0)
    date, folder, base = sys.argv[1:4]
    class SiteFiles(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("file://" + base):
                url = "file://" + folder + "/" + url[len("file://" + base):]
            elif not url.startswith("file://" + folder + "/"):
                raise ValueError("not part of the site: " + url)
            return super().fetch(url, headers)
    fetch = SiteFiles(allowed_protocols=["file"])
    # WeasyPrint 70 tags <th> as /TH but drops its scope attribute: carry it over, so each
    # header cell says whether it heads a column or a row (PDF/UA-1, table headers).
    import weasyprint.pdf.tags as tags
    build_tree = tags._build_box_tree
    def build_tree_with_scope(box, *args):
        yield from build_tree(box, *args)
        mark = getattr(box, "mark", None)
        scope = box.element.get("scope") if box.element is not None and box.element_tag == "th" else None
        if mark is not None and scope in ("col", "colgroup", "row", "rowgroup"):
            mark["A"]["Scope"] = "/Column" if scope.startswith("col") else "/Row"
    tags._build_box_tree = build_tree_with_scope
    for html, pdf in zip(sys.argv[4::2], sys.argv[5::2]):
        options = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}
        document = HTML(filename=html, url_fetcher=fetch).render(**options)
        document.metadata.created = document.metadata.modified = date
        document.write_pdf(pdf, **options)
        print(len(document.pages), flush=True)
    """

    /// Nil when WeasyPrint 70 runs; otherwise what is wrong, as an error at `location` (the `pdf`
    /// key of site.yaml, or `--pdf`).
    func problem(at location: SourceLocation) -> Diagnostic? {
        let hint = "install it with: \(Self.installCommand)"
        let result: (status: Int32, output: String)
        do {
            result = try run(["--version"])
        } catch {
            return .error("PDF is on, but WeasyPrint cannot be run (\(command.joined(separator: " ")): \(error.localizedDescription))",
                          at: location, hint: hint)
        }
        let output = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.status == 0 else {
            let said = output.split(separator: "\n").last.map { ": \($0)" } ?? ""
            return .error("PDF is on, but WeasyPrint is not installed (\(command.joined(separator: " ")) exited \(result.status)\(said))",
                          at: location, hint: hint)
        }
        guard output.hasPrefix("WeasyPrint 70.") else {
            return .error("PDF needs WeasyPrint 70, but \(command.joined(separator: " ")) has '\(output)'", at: location, hint: hint)
        }
        return nil
    }

    /// Prints each (HTML, PDF) pair, dated `date`, and returns each PDF's page count; errors name
    /// `output`, the folder the site is built for.
    func print(_ jobs: [(html: String, pdf: String)], date: Day, site folder: String, basePath: String,
               reportedAs output: String) throws(Diagnostic) -> [Int] {
        guard !jobs.isEmpty else { return [] }
        let location = SourceLocation(file: output, line: 0)
        let result: (status: Int32, output: String)
        do {
            result = try run([date.iso + "T00:00:00Z", folder, basePath] + jobs.flatMap { [$0.html, $0.pdf] })
        } catch {
            throw .error("cannot run WeasyPrint: \(error.localizedDescription)", at: location, hint: "install it with: \(Self.installCommand)")
        }
        let lines = result.output.split(separator: "\n")
        let counts = lines.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard result.status == 0, counts.count == jobs.count else {
            let said = lines.suffix(8).joined(separator: "\n  ")
            throw .error("WeasyPrint failed to print the reports as PDF (exit status \(result.status))\(said.isEmpty ? "" : ":\n  \(said)")",
                         at: location)
        }
        return counts
    }

    /// Runs the driver with `arguments`; stdout and stderr together.
    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let program = command.first, let executable = ExternalTool.find(program) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "'\(command.first ?? "")' is not on PATH"])
        }
        return try ExternalTool.run(executable, Array(command.dropFirst()) + ["-c", Self.driver] + arguments)
    }
}

/// Runs a program the build depends on (WeasyPrint's Python) and finds it on PATH.
enum ExternalTool {
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func find(_ program: String) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
