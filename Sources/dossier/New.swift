import ArgumentParser
import DossierCore
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a new document of a kind, with every key and a comment on each.",
        discussion: """
            Kinds: \(Skeleton.kinds.joined(separator: ", ")).

            PATH is inside content/, without .md; folders are created as needed. The document gets every key of its kind, each commented `# required: …` or `# optional: …`, placeholder values that pass `dossier check`, and a short Markdown body. `indicators` writes the indicator registry, content/indicators.yaml, and takes no PATH. An existing file is never overwritten.

            Examples:
              dossier new quarterly performance/2007-08-q1   # content/performance/2007-08-q1.md
              dossier new review reviews/ict-review --title "Best Value Review of ICT"
              dossier new indicators                          # content/indicators.yaml
              dossier new highlight reviews/highlight-2004-05 --today 2004-05-24
            """)

    @Argument(help: ArgumentHelp("The kind of document: \(Skeleton.kinds.joined(separator: ", ")).", valueName: "kind"))
    var kind: String

    @Argument(help: ArgumentHelp("Where to write it, inside content/ and without .md (not needed for indicators).", valueName: "path"))
    var path: String?

    @Option(name: .long, help: ArgumentHelp("The site's folder, holding content/.", valueName: "dir"))
    var root: String = "."

    @Option(name: .long, help: ArgumentHelp("The document's title (default: made from the last part of PATH).", valueName: "text"))
    var title: String?

    @Option(name: .long, help: ArgumentHelp("The day the document's dates are worked out from, YYYY-MM-DD (default: today, or SOURCE_DATE_EPOCH).", valueName: "date"))
    var today: String?

    func run() throws {
        let buildDate: Day
        do throws(Diagnostic) { buildDate = try Day.today() } catch {
            printError("dossier: error: \(error.message)")
            throw ExitCode.failure
        }
        var day = buildDate
        if let today {
            guard let parsed = Day(iso: today) else {
                printError("dossier: error: --today '\(today)' is not a date (YYYY-MM-DD)")
                throw ExitCode.failure
            }
            day = parsed
        }
        do throws(SkeletonError) {
            let written = try Skeleton.writeDocument(kind: kind, path: path, title: title, root: root, today: day)
            written.alsoWritten.forEach { print($0) }
            print(written.path)
            for also in written.alsoWritten {
                printError("note: also wrote \(also), which \(written.path) refers to")
            }
            Skeleton.notes(kind: kind, root: root).forEach { printError("note: \($0)") }
            if day > buildDate && kind != "indicators" {
                printError("note: \(written.path) is dated \(day.iso), after today's build date \(buildDate.iso): `dossier build` leaves it out until then, unless you build with --future")
            }
        } catch {
            printError("dossier: error: \(error.message)")
            throw ExitCode.failure
        }
    }
}
