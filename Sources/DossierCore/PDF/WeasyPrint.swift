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

    /// Arguments: DATE SITE_FOLDER BASE_PATH BASE_URL, then (HTML file, PDF file) pairs. Prints each
    /// page with creation and modification dates set to DATE (no other date, and no random id,
    /// reaches the file), and prints each PDF's page count on a line of its own. The pages link the
    /// stylesheet and images by site paths under BASE_PATH (`/ict/assets/dossier.css`), which
    /// are read from SITE_FOLDER; nothing is fetched from the network.
    ///
    /// A PDF travels without its site, so each page is read as if from its live address under
    /// BASE_URL (`https://intranet.example.gov.uk/ict/`) and its links to the site are absolute.
    /// With BASE_URL empty (`base_url` is only a path) there is no address to give them: links
    /// that would lead to a file on the reader's own disk are left out, and only links within the
    /// PDF and to other sites remain.
    static let driver = """
    import sys
    from weasyprint import HTML, __version__
    from weasyprint.urls import URLFetcher
    if sys.argv[1:] == ["--version"]:
        print("WeasyPrint " + __version__)
        sys.exit(0)
    date, folder, base, live = sys.argv[1:5]
    class SiteFiles(URLFetcher):
        def fetch(self, url, headers=None):
            if live and url.startswith(live):
                url = "file://" + folder + "/" + url[len(live):].split("#")[0].split("?")[0]
            elif url.startswith("file://" + base):
                url = "file://" + folder + "/" + url[len("file://" + base):]
            elif not url.startswith("file://" + folder + "/"):
                raise ValueError("not part of the site: " + url)
            return super().fetch(url, headers)
    fetch = SiteFiles(allowed_protocols=["file"])
    import weasyprint.html as handlers
    handle_a = handlers.HTML_HANDLERS["a"]
    def handle_a_off_disk(element, box, *args):
        result = handle_a(element, box, *args)
        link = getattr(box, "link", None)
        if link and link[1][0] == "external" and link[1][1].startswith("file:"):
            box.link = None
        return result
    handlers.HTML_HANDLERS["a"] = handle_a_off_disk
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
    for html, pdf in zip(sys.argv[5::2], sys.argv[6::2]):
        options = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}
        address = live + html[len(folder) + 1:] if live else None
        document = HTML(filename=html, base_url=address, url_fetcher=fetch).render(**options)
        document.metadata.created = document.metadata.modified = date
        document.write_pdf(pdf, **options)
        print(len(document.pages), flush=True)
    """

    /// Nil when WeasyPrint 70 runs; otherwise what is wrong, as an error at `location` (the `pdf`
    /// key of site.yaml, or `--pdf`).
    func problem(at location: SourceLocation) -> Diagnostic? {
        tool.versionProblem(["-c", Self.driver, "--version"], expected: "WeasyPrint 70.", wanted: "WeasyPrint 70", at: location)
    }

    private var tool: ExternalTool {
        ExternalTool(name: "WeasyPrint", feature: "PDF", command: command, installCommand: Self.installCommand)
    }

    /// Prints each (HTML, PDF) pair, dated `date`, and returns each PDF's page count; errors name
    /// `output`, the folder the site is built for.
    func print(_ jobs: [(html: String, pdf: String)], date: Day, site folder: String, urls: SiteURLs,
               reportedAs output: String) throws(Diagnostic) -> [Int] {
        guard !jobs.isEmpty else { return [] }
        let location = SourceLocation(file: output, line: 0)
        let result: (status: Int32, output: String)
        do {
            let live = urls.baseURL.contains("://") ? urls.baseURL : ""
            result = try tool.run(["-c", Self.driver, date.iso + "T00:00:00Z", folder, urls.basePath, live] + jobs.flatMap { [$0.html, $0.pdf] })
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
}
