import ArgumentParser
import DossierCore
import Foundation

struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Write a self-contained offline copy of every report in a period, as a zip.",
        discussion: """
            PERIOD is one of:
              2006      the calendar year, January to December 2006
              2006/07   the financial year, April 2006 to March 2007
              2006-Q3   quarter 3 of the financial year 2006/07, October to December 2006
                        (Q1 is April to June, Q4 January to March)

            A report is a page with a date. It is in the period if its date is; a quarterly report counts by the quarter it covers instead, so the Q3 2006/07 report dated January 2007 is in 2006-Q3, 2006/07 and 2006, not in 2007.

            The zip holds one folder, dossier-archive-PERIOD/, with index.html (the reports, with their dates), one HTML file per report named from its address (performance/2006-07-q3.html) with the stylesheet inline and links between reports made relative, the files the reports use (such as a CSV), each report's PDF beside its page (performance/2006-07-q3.pdf) when the site prints PDFs (pdf: true in site.yaml, or --pdf), and manifest.txt (the SHA-256, size and path of every other file). Every page opens from disk with no server; links to pages outside the archive go to the live site (base_url). The same content and --today give the same zip, byte for byte.

            The site is built in memory first; with PDFs it is built again in a temporary folder, which is removed, to print the period's reports. Nothing but the zip is written. An existing file is never replaced without --force.

            Examples:
              dossier archive 2006/07                  # ./archive-2006-07.zip
              dossier archive 2006-Q3 --root ../intranet --output /tmp/q3.zip
            """)

    @Argument(help: ArgumentHelp("The period: 2006 (a calendar year), 2006/07 (a financial year) or 2006-Q3 (a financial quarter).",
                                 valueName: "period"))
    var period: String

    @Option(name: .long, help: ArgumentHelp("The site's folder, holding content/.", valueName: "dir"))
    var root: String = "."

    @Option(name: .long, help: ArgumentHelp("The zip to write (default: ROOT/archive-PERIOD.zip, such as archive-2006-07.zip).",
                                            valueName: "file.zip"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The day the archive is made, YYYY-MM-DD (default: today, or SOURCE_DATE_EPOCH).",
                                            valueName: "date"))
    var today: String?

    @Flag(name: .long, help: "Replace the output file if it exists.")
    var force = false

    @Flag(inversion: .prefixedNo, help: "Put each report's PDF beside its page (WeasyPrint), as `pdf: true` in site.yaml does; --no-pdf leaves them out.")
    var pdf: Bool?

    func run() throws {
        let prefix = root == "." ? "" : (root.hasSuffix("/") ? root : root + "/")
        do throws(ArchiveError) {
            let day: Day
            if let today {
                guard let parsed = Day(iso: today) else {
                    throw ArchiveError("--today '\(today)' is not a date", hint: "write it as YYYY-MM-DD, for example 2007-04-30")
                }
                day = parsed
            } else {
                do throws(Diagnostic) { day = try Day.today() } catch { throw ArchiveError(error.message, hint: error.hint) }
            }
            var options = ArchiveOptions(root: root, period: try ArchivePeriod(parsing: period), output: output, force: force, today: day)
            options.pdf = pdf
            let archive = try OfflineArchive.make(options)
            archive.diagnostics.forEach { printError($0.formatted(pathPrefix: prefix)) }
            let reports = archive.reports.count
            print("dossier: wrote \(options.outputPath): \(reports) report\(reports == 1 ? "" : "s") of \(archive.period.label), \(archive.files.count) files")
        } catch {
            error.diagnostics.forEach { printError($0.location.line == 0 ? $0.description : $0.formatted(pathPrefix: prefix)) }
            printError("dossier: error: \(error.message)")
            if let hint = error.hint { printError("  hint: \(hint)") }
            throw ExitCode.failure
        }
    }
}
