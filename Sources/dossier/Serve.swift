import ArgumentParser
import DossierCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site on this machine, rebuilding and reloading the browser on every save.",
        discussion: """
            Builds the site in memory and serves it under the path of base_url (http://127.0.0.1:8080/ict/ for the example site). Saving a file under content/ or templates/ rebuilds what it changes and reloads the open pages that show it; an error shows in the browser and here, and fixing it brings the page back. Nothing is written to the output folder.

            Examples:
              dossier serve
              dossier serve --root ../intranet --port 9000 --drafts
            """)

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("The port to listen on (0: any free port).", valueName: "port"))
    var port: UInt16 = 8080

    @Option(name: .long, help: ArgumentHelp("The address to listen on; other machines can read the preview unless it is loopback.", valueName: "address"))
    var host = "127.0.0.1"

    @Flag(name: .long, help: "Open the preview in the desktop's browser.")
    var open = false

    func run() async throws {
        let options = try site.buildOptions(output: nil)
        let prefix = site.root == "." ? "" : (site.root.hasSuffix("/") ? site.root : site.root + "/")
        var preview = Preview(options: options, host: host, port: port)
        preview.opensBrowser = open
        let serving = Task {
            try await preview.run(pathPrefix: prefix) { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
        }
        // Ctrl-C (or a TERM) stops the server cleanly.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let sources = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: .global()) }
        // Keeps the sources until the server has stopped: an optimised build would otherwise free
        // them after their last use here, and Ctrl-C would be ignored.
        defer { sources.forEach { $0.cancel() } }
        for source in sources {
            source.setEventHandler {
                serving.cancel()
                // The preview holds nothing that needs saving: if the server has not let go of its
                // connections a few seconds after Ctrl-C, leave anyway.
                DispatchQueue.global().asyncAfter(deadline: .now() + 3) {
                    FileHandle.standardOutput.write(Data("dossier: stopped\n".utf8))
                    Foundation.exit(0)
                }
            }
            source.resume()
        }
        do {
            try await serving.value
        } catch {
            printError("dossier: error: \(error)")
            throw ExitCode.failure
        }
        print("dossier: stopped")
    }
}
