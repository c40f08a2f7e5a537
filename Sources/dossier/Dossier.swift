import ArgumentParser
import DossierBuildInfo
import DossierCore
import Foundation

@main
struct Dossier: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Builds a static report site from Markdown and YAML content.",
        discussion: """
            A site is a folder holding content/ (Markdown pages with YAML front matter, and an optional content/site.yaml) and, optionally, templates/ overriding the built-in ones.

            Examples:
              dossier build                      # ./content + ./templates -> ./site
              dossier build --root ../intranet --output /srv/www/ict
              dossier check                      # report every error, write nothing
              dossier serve                      # preview at http://127.0.0.1:8080/ with live reload
            """,
        version: "\(DossierVersion.current) (commit \(String(cString: dossier_source_commit())))",
        subcommands: [Init.self, Build.self, Check.self, Serve.self, New.self, Import.self, NewsletterCommand.self, ArchiveCommand.self, PDFCommand.self]
    )

    /// The Swift runtime on Linux finds the command line through /proc (/proc/self/maps). Where /proc
    /// is not mounted (a bare chroot) it gets no arguments at all, not even the program's name, and
    /// would print the help and exit 0 for any command, `build` included: refuse instead.
    static func main() async {
        guard !CommandLine.arguments.isEmpty else {
            printError("dossier: cannot read the command line: is /proc mounted? (Swift on Linux finds it through /proc/self/maps)")
            Foundation.exit(2)
        }
        await main(nil)
    }
}

struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site's folder, holding content/.", valueName: "dir"))
    var root: String = "."

    @Flag(name: .long, help: "Include pages marked `draft: true`.")
    var drafts = false

    @Flag(name: .long, help: "Include pages dated after the build date.")
    var future = false

    @Option(name: .long, help: ArgumentHelp("The build date, YYYY-MM-DD (default: today, or SOURCE_DATE_EPOCH).", valueName: "date"))
    var today: String?

    @Flag(name: .long, help: "Print each pipeline stage with its time.")
    var verbose = false

    func buildOptions(output: String?) throws -> BuildOptions {
        let day: Day
        if let today {
            guard let parsed = Day(iso: today) else { throw ValidationError("--today '\(today)' is not a date (YYYY-MM-DD)") }
            day = parsed
        } else {
            do throws(Diagnostic) {
                day = try Day.today()
            } catch {
                printError(error.description)
                throw ExitCode.failure
            }
        }
        var options = BuildOptions(root: root, output: output, includeDrafts: drafts, today: day)
        options.includeFuture = future
        return options
    }

    /// Runs the pipeline and prints diagnostics as `path:line:column: error: message`.
    func run(_ mode: Pipeline.Mode, output: String?, search: Bool = false, pdf: Bool = false) throws {
        var options = try buildOptions(output: output)
        if search { options.search = true }
        if pdf { options.pdf = true }
        let prefix = root == "." ? "" : (root.hasSuffix("/") ? root : root + "/")
        do {
            let report = try Pipeline(options: options).run(mode)
            report.diagnostics.forEach { printError($0.formatted(pathPrefix: prefix)) }
            if verbose {
                for (stage, seconds) in report.timings {
                    print(stage.padding(toLength: 10, withPad: " ", startingAt: 0) + String(format: "%8.1f ms", seconds * 1000))
                }
            }
            let verb = mode == .build ? "built \(options.outputFolder)" : "checked"
            print("dossier: \(verb): \(report.pageCount) pages, \(report.fileCount) files")
        } catch {
            error.diagnostics.forEach { printError($0.location.line == 0 ? $0.description : $0.formatted(pathPrefix: prefix)) }
            let count = error.errors.count
            printError("dossier: \(count) error\(count == 1 ? "" : "s"); \(mode == .build ? "the output folder was left as it was" : "nothing was written")")
            throw ExitCode.failure
        }
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into the output folder.",
        discussion: """
            Builds into a temporary folder beside the output and swaps it in, so a failed build leaves the previous site as it was.

            Example:
              dossier build --root . --output site --verbose
            """)

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: ROOT/site).", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "Add full-text search (Pagefind), as `search: true` in site.yaml does.")
    var search = false

    @Flag(name: .long, help: "Print each report to report.pdf beside its page (WeasyPrint), as `pdf: true` in site.yaml does.")
    var pdf = false

    func run() throws { try site.run(.build, output: output, search: search, pdf: pdf) }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load, parse, validate and render everything in memory; write nothing.",
        discussion: """
            Reports the same errors as build, and exits non-zero if there are any.

            Example:
              dossier check --root ../intranet
            """)

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Check as a build with --search would: Pagefind must be installed.")
    var search = false

    @Flag(name: .long, help: "Check as a build with --pdf would: WeasyPrint must be installed, and no content file may sit where a report's PDF goes.")
    var pdf = false

    func run() throws { try site.run(.check, output: nil, search: search, pdf: pdf) }
}
