import ArgumentParser
import DossierCore
import Foundation

struct PDFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "Print one report to PDF, as `build --pdf` prints every report.",
        discussion: """
            Builds the site in a temporary folder, prints the report's page with WeasyPrint (tagged PDF/UA-1, A4, dated the build date) and writes the PDF; the site folder is not touched.

            Example:
              dossier pdf performance/2006-07-q3/ --output q3.pdf
            """)

    @OptionGroup var site: SiteOptions

    @Argument(help: ArgumentHelp("The report's site path, such as performance/2006-07-q3/.", valueName: "page"))
    var page: String

    @Option(name: .long, help: ArgumentHelp("The PDF to write (default: report.pdf).", valueName: "file"))
    var output = "report.pdf"

    @Flag(name: .long, help: "Replace the file if it exists.")
    var force = false

    func run() throws {
        let options = try site.buildOptions(output: nil)
        let prefix = site.root == "." ? "" : (site.root.hasSuffix("/") ? site.root : site.root + "/")
        do {
            let warnings = try SingleReportPDF.make(options, page: page, to: output, force: force)
            warnings.forEach { printError($0.formatted(pathPrefix: prefix)) }
            print("dossier: wrote \(output)")
        } catch {
            error.diagnostics.forEach { printError($0.location.line == 0 ? $0.description : $0.formatted(pathPrefix: prefix)) }
            let count = error.errors.count
            printError("dossier: \(count) error\(count == 1 ? "" : "s"); no PDF was written")
            throw ExitCode.failure
        }
    }
}
