import Foundation
import Testing
@testable import DossierCore

/// The checks a public-sector site is held to, run on the repository's example site: the scripts
/// in `.ci/checks/` (Python 3; see each script's `--help`) against one build of `content/`.
///
/// Each check needs tools outside Swift (Java, Chromium and chromedriver, nginx, Python modules),
/// which `.ci/run` installs. When one is missing, the test is skipped, with a line starting
/// `SKIPPED:` that names it, on a developer's machine; under `CI=true` it fails instead,
/// because CI installs them and a check that silently did not run would pass for nothing.
@Suite(.serialized) struct SiteChecksTests {
    @Test("Every page is valid HTML (Nu HTML checker)")
    func everyPageIsValidHTML() throws {
        try SiteCheck.run("check_html.py", withBasePath: false)
    }

    @Test("No WCAG 2.0/2.1/2.2 A or AA violation on any page (axe-core in headless Chromium)")
    func noAccessibilityViolations() throws {
        try SiteCheck.run("check_axe.py")
    }

    @Test("The home page and a quarterly report answer in their first screen, and reports print on few pages with none mostly blank")
    func firstScreenPhoneAndPrint() throws {
        try SiteCheck.run("check_layout.py") {
            // Page limits from what the stylesheet achieves (quarterly 17 and plan 19 pages before
            // the print styles of issue 11); a change that pushes a report past them fails here.
            [try SiteCheck.site.get().path, SiteCheck.basePath, "--answer", "performance/2006-07-q3/",
             "--print", "performance/2006-07-q3/=\(SiteCheck.printLimits.quarterly)",
             "--print", "plans/ict-improvement-plan-2002/=\(SiteCheck.printLimits.plan)"]
        }
    }

    @Test("Every internal link, asset, url() and fragment resolves")
    func everyInternalLinkResolves() throws {
        try SiteCheck.run("check_links.py")
    }

    @Test("nginx serves the site under its base path, and a crawl from the home page reaches every page with no 404")
    func nginxServesEveryPage() throws {
        try SiteCheck.run("check_nginx.py")
    }

    @Test("Search (Pagefind) in Chromium: 'help desk' finds the quarterly report, the kind filter narrows it, axe passes with results at 1280 and 375 px")
    func searchFindsTheQuarterlyReportInABrowser() throws {
        try SiteCheck.run("check_search.py") {
            guard SearchTests.pagefindInstalled else { throw SiteCheck.MissingTool("Pagefind is not installed: \(Pagefind.installCommand)") }
            return [try SiteCheck.searchSite.get().path, SiteCheck.basePath]
        }
    }

    @Test("dossier serve: an open page reloads by itself after a save, shows the error page for broken YAML, and comes back after the fix")
    func servePreviewReloadsInABrowser() throws {
        // Runs the dossier executable built beside this test bundle on a copy of the example site.
        try SiteCheck.run("check_serve.py") {
            guard let dossier = SiteCheck.builtDossier else {
                throw SiteCheck.MissingTool("""
                    no dossier executable beside the test bundle (looked in \
                    \(SiteCheck.productFolders.map(\.path).joined(separator: ", "))); \
                    `swift build --build-tests` builds it
                    """)
            }
            return [dossier.path, repositoryRoot.path]
        }
    }
}

enum SiteCheck {
    /// The most pages the example quarterly report and plan may print on.
    static let printLimits = (quarterly: 8, plan: 10)

    /// What a check script's exit code 77 means: a tool it needs is missing.
    static let missingToolExitCode: Int32 = 77
    /// No check may run longer than this; the scripts bound themselves well within it.
    static let timeLimit: TimeInterval = 20 * 60

    static let checks = repositoryRoot.appending(path: ".ci/checks")

    static var isCI: Bool {
        guard let value = ProcessInfo.processInfo.environment["CI"]?.lowercased() else { return false }
        return !["", "0", "false", "no"].contains(value)
    }

    /// The example site, built once for every check, as `dossier build` would build it.
    static let site: Result<URL, BuildFailure> = {
        let output = TemporaryFolder.make().appending(path: "site")
        do throws(BuildFailure) {
            _ = try Pipeline(options: BuildOptions(root: repositoryRoot.path, output: output.path, today: Fixture.today)).run(.build)
            return .success(output)
        } catch {
            return .failure(error)
        }
    }()

    /// The example site built with search on (`dossier build --search`).
    static let searchSite: Result<URL, BuildFailure> = {
        let output = TemporaryFolder.make().appending(path: "site")
        var options = BuildOptions(root: repositoryRoot.path, output: output.path, today: Fixture.today)
        options.search = true
        do throws(BuildFailure) {
            _ = try Pipeline(options: options).run(.build)
            return .success(output)
        } catch {
            return .failure(error)
        }
    }()

    /// The path the site is served under: the path of `base_url` in content/site.yaml ("/ict/").
    static let basePath: String = {
        let yaml = (try? String(contentsOf: repositoryRoot.appending(path: "content/site.yaml"), encoding: .utf8)) ?? ""
        for line in yaml.split(separator: "\n") where line.hasPrefix("base_url:") {
            let value = line.dropFirst("base_url:".count).trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\"'")))
            let path = URL(string: value)?.path ?? "/"
            return path.hasSuffix("/") ? path : path + "/"
        }
        return "/"
    }()

    /// Runs a check on the example site's build: `script SITE [BASE_PATH]`.
    static func run(_ script: String, withBasePath: Bool = true,
                    sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try run(script, sourceLocation: sourceLocation) {
            [try site.get().path] + (withBasePath ? [basePath] : [])
        }
    }

    /// A tool a check needs that the test itself looks for (not the script's `--check-tools`).
    struct MissingTool: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Runs `script ARGUMENTS…` once `script --check-tools` has found its tools. `arguments` is
    /// called only then; it throws `MissingTool` for a tool of its own that is missing.
    static func run(_ script: String, sourceLocation: Testing.SourceLocation = #_sourceLocation,
                    arguments: () throws -> [String]) throws {
        let scriptPath = checks.appending(path: script).path
        guard let python = executable(named: "python3") else {
            return try missing(script, "python3 is not on PATH", sourceLocation: sourceLocation)
        }
        let tools = execute([python, scriptPath, "--check-tools"])
        if tools.status == missingToolExitCode {
            return try missing(script, tools.output, sourceLocation: sourceLocation)
        }
        guard tools.status == 0 else {
            Issue.record("\(script) --check-tools exited \(tools.status):\n\(tools.output)", sourceLocation: sourceLocation)
            return
        }

        let scriptArguments: [String]
        do {
            scriptArguments = try arguments()
        } catch let tool as MissingTool {
            return try missing(script, tool.description, sourceLocation: sourceLocation)
        }
        let arguments = [python, scriptPath] + scriptArguments
        let started = Date()
        let result = execute(arguments)
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        if result.status == 0 {
            // The script's own summary line, so a passing run still shows what was checked.
            let summary = result.output.split(separator: "\n").last(where: { $0.hasPrefix("PASSED") }) ?? ""
            print("\(script): \(summary) [\(seconds)s]")
        } else {
            Attachment.record(result.output, named: "\(script).txt", sourceLocation: sourceLocation)
            Issue.record("""
                \(script) exited \(result.status) after \(seconds)s \
                (\(arguments.dropFirst().joined(separator: " "))):
                \(result.output)
                """, sourceLocation: sourceLocation)
        }
    }

    /// A missing tool: a failure under CI, a visible skip elsewhere.
    static func missing(_ script: String, _ why: String, sourceLocation: Testing.SourceLocation) throws {
        let why = why.trimmingCharacters(in: .whitespacesAndNewlines)
        if isCI {
            Issue.record("""
                CI is set, but \(script) cannot run because a tool it needs is missing \
                (.ci/run should have installed it):
                \(why)
                """, sourceLocation: sourceLocation)
            return
        }
        print("SKIPPED: \(script) did not run, so this check is NOT passed: \(why)")
        #if compiler(>=6.3)
        try Test.cancel("SKIPPED: \(script): a tool is missing (bash .ci/run installs it)", sourceLocation: sourceLocation)
        #endif
    }

    /// The folders the build put its products in, where the `dossier` executable is built beside
    /// this test bundle: on Linux the test executable's folder (`.build/<triple>/debug/` holds
    /// `DossierPackageTests.xctest`), on macOS the folder holding the `.xctest` bundle.
    static let productFolders: [URL] = {
        var folders: [URL] = []
        func add(_ file: URL) {
            let file = file.standardizedFileURL.resolvingSymlinksInPath()
            // Inside a bundle (…/debug/DossierPackageTests.xctest/Contents/MacOS/…): the bundle's folder.
            var bundle = file
            while bundle.pathComponents.count > 1 {
                if bundle.pathExtension == "xctest" { break }
                bundle.deleteLastPathComponent()
            }
            let folder = bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : file.deletingLastPathComponent()
            if !folders.contains(folder) { folders.append(folder) }
        }
        if let executable = Bundle.main.executableURL { add(executable) }
        add(URL(fileURLWithPath: CommandLine.arguments[0]))
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            add(bundle.bundleURL.appending(path: "Contents"))
        }
        return folders
    }()

    /// The `dossier` executable the build made beside this test bundle; nil when it is not there.
    static let builtDossier: URL? = productFolders.lazy.map { $0.appending(path: "dossier") }.first { candidate in
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder) && !isFolder.boolValue
            && FileManager.default.isExecutableFile(atPath: candidate.path)
    }

    static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a command with stdout and stderr together, killing it after `timeLimit`.
    static func execute(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.currentDirectoryURL = repositoryRoot
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        environment["PYTHONUNBUFFERED"] = "1"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return (-1, "could not start \(arguments[0]): \(error)")
        }
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: watchdog)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        var output = String(decoding: data, as: UTF8.self)
        if process.terminationReason == .uncaughtSignal {
            output += "\n(stopped by signal \(process.terminationStatus); the time limit is \(Int(timeLimit))s)"
        }
        return (process.terminationStatus, output)
    }
}
