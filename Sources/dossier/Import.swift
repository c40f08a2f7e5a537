import ArgumentParser
import DossierCore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bring old Word documents into the site as content files.",
        discussion: """
            Each FILE (.docx; .doc, .odt and .rtf through LibreOffice) is converted with pandoc into content/SECTION/NAME.md, with its images beside it (NAME-image1.png …) and the original copied unchanged (NAME.docx), which the page's `source:` links. Front matter comes from the document's properties: title, date (created), summary (subject), tags (keywords). Whatever Markdown cannot hold (merged cells, footnotes, tracked changes, comments, images without alt text) is a warning naming its place. Existing files are not replaced without --force.

            Needs pandoc (`apt-get install pandoc`), and for .doc, .odt and .rtf LibreOffice (`apt-get install libreoffice-writer-nogui`).

            Examples:
              dossier import old/q3-2006.docx --into performance --kind quarterly
              dossier import old/*.docx --into past-reports --dry-run
            """)

    @Argument(help: ArgumentHelp("The documents to import.", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("The section's folder inside content/.", valueName: "section"))
    var into: String = "imported"

    @Option(name: .long, help: ArgumentHelp("Read the document as a draft of a kind: \(Importer.kinds.joined(separator: ", ")).", valueName: "kind"))
    var kind: String?

    @Flag(name: .long, help: "Say what would be written, and the warnings, without writing anything.")
    var dryRun = false

    @Flag(name: .long, help: "Replace files that already exist.")
    var force = false

    @Option(name: .long, help: ArgumentHelp("The site's folder, holding content/.", valueName: "dir"))
    var root: String = "."

    func run() throws {
        var options = Importer.Options(files: files, into: into, kind: kind)
        options.dryRun = dryRun
        options.force = force
        options.root = root
        var failed = false
        for outcome in Importer(options).run() {
            for diagnostic in outcome.diagnostics {
                printError(diagnostic.description)
                if diagnostic.severity == .error { failed = true }
            }
            guard !outcome.diagnostics.hasErrors else { continue }
            for path in outcome.written { print(dryRun ? "would write \(path)" : path) }
        }
        if failed { throw ExitCode.failure }
    }
}
