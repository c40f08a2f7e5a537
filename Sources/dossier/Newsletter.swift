import ArgumentParser
import DossierCore

struct NewsletterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsletter",
        abstract: "Write one newsletter issue: its page, email.html, email.txt and issue.eml.",
        discussion: """
            Builds the site in memory (reporting every error, as check does), then writes the issue's files into a folder of their own: ROOT/newsletter-issue-ISSUE, or --output. `dossier build` writes every issue's files beside its page.

            Example:
              dossier newsletter 3 --root . --output /tmp/issue-3
            """)

    @Argument(help: "The issue number.")
    var issue: Int

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the issue (default: ROOT/newsletter-issue-ISSUE).", valueName: "dir"))
    var output: String?

    func run() throws {
        let options = try site.buildOptions(output: nil)
        let prefix = site.root == "." ? "" : (site.root.hasSuffix("/") ? site.root : site.root + "/")
        do {
            let result = try Pipeline(options: options).writeNewsletter(issue, to: output)
            result.diagnostics.forEach { printError($0.formatted(pathPrefix: prefix)) }
            print("dossier: wrote issue \(issue) to \(result.folder): \(result.files.joined(separator: ", "))")
        } catch {
            error.diagnostics.forEach { printError($0.location.line == 0 ? $0.description : $0.formatted(pathPrefix: prefix)) }
            printError("dossier: \(error.errors.count) error\(error.errors.count == 1 ? "" : "s"); nothing was written")
            throw ExitCode.failure
        }
    }
}
