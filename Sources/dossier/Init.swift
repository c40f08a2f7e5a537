import ArgumentParser
import DossierCore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new site: site.yaml, the home page, the indicator registry and a first document of each kind.",
        discussion: """
            Writes DIR/content/ (DIR is created if needed): site.yaml with a comment on every key, _index.md, indicators.yaml, and one section per document kind (performance, scorecards, reviews, highlights, plans, committee, newsletter), each with its _index.md and a first document that passes `dossier check`. Refuses a DIR that already has content/.

            Examples:
              dossier init intranet && dossier build --root intranet
              dossier init                     # in the current folder
            """)

    @Argument(help: ArgumentHelp("The new site's folder (default: the current folder).", valueName: "dir"))
    var directory: String = "."

    func run() throws {
        let today: Day
        do throws(Diagnostic) { today = try Day.today() } catch {
            printError("dossier: error: \(error.message)")
            throw ExitCode.failure
        }
        do throws(SkeletonError) {
            let written = try SiteStarter.create(root: directory, today: today)
            written.forEach { print($0) }
            let root = directory == "." ? "" : " --root \(directory)"
            print("dossier: started a site of \(written.count) files; see it with `dossier serve\(root)`")
        } catch {
            printError("dossier: error: \(error.message)")
            throw ExitCode.failure
        }
    }
}
