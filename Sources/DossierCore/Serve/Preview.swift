import Foundation

/// `dossier serve`: builds the site in memory, serves it, and rebuilds what changed whenever a
/// file under content/ or templates/ is saved, telling open pages to reload. Writes nothing.
public struct Preview: Sendable {
    public var options: BuildOptions
    public var host: String
    public var port: UInt16
    /// Open the address in the desktop's browser once serving (`xdg-open`).
    public var opensBrowser = false

    public init(options: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 8080) {
        self.options = options
        self.host = host
        self.port = port
    }

    /// Serves until the task is cancelled. `say` prints a line for the writer: the address, each
    /// rebuild, every diagnostic (`pathPrefix` is put before diagnostics' paths, as `build` does).
    public func run(pathPrefix: String = "", say: @escaping @Sendable (String) -> Void) async throws {
        // Watch before the first build, so an edit made while it runs is not missed.
        let watcher = try FileWatcher(root: options.root) { notice in say("dossier: \(notice)") }
        defer { watcher.stop() }
        let site = PreviewSite()
        let session = SiteSession(options: options)
        let clock = ContinuousClock()
        var started = clock.now
        var generation = 0
        func rebuild() {
            let outcome = session.build()
            generation += 1
            let lines = outcome.diagnostics.map { $0.formatted(pathPrefix: pathPrefix) }
            site.publish(PreviewSite.Snapshot(files: session.files, diagnostics: outcome.failed ? lines : [], generation: generation))
            lines.forEach(say)
            let elapsed = clock.now - started
            let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            if outcome.failed {
                say("dossier: \(outcome.errorCount) error\(outcome.errorCount == 1 ? "" : "s"); still serving the last good build")
            } else {
                say("dossier: built in \(Int(milliseconds.rounded())) ms: \(outcome.rendered.count) file\(outcome.rendered.count == 1 ? "" : "s") made, \(outcome.removed.count) removed")
            }
        }
        rebuild()

        let server = try PreviewServer(site: site, host: host, port: port, basePath: Self.basePath(session.baseURL))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            let url = try await server.url()
            say("Serving \(session.siteTitle) at \(url) (Ctrl-C to stop)")
            if let warning = PreviewHost.warning(for: host) { say("dossier: \(warning)") }
            if opensBrowser { Self.openBrowser(url, say: say) }
            // Cancelling (Ctrl-C) stops the watcher, which ends the loop, then the server.
            await withTaskCancellationHandler {
                for await paths in watcher.batches {
                    started = clock.now
                    session.update(paths)
                    rebuild()
                }
            } onCancel: {
                watcher.stop()
            }
            group.cancelAll()
        }
    }

    private static func openBrowser(_ url: String, say: (String) -> Void) {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let opener = path.split(separator: ":").map({ "\($0)/xdg-open" }).first(where: FileManager.default.isExecutableFile) else {
            say("dossier: --open: no xdg-open on this machine; open \(url) in a browser")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { say("dossier: --open: \(error.localizedDescription)") }
    }

    /// The path part of `base_url`, ending in `/`: `/ict/` for `https://intranet.example.gov.uk/ict/`.
    static func basePath(_ baseURL: String) -> String {
        var path = URL(string: baseURL)?.path ?? "/"
        if baseURL.hasPrefix("/") { path = baseURL }
        if path.isEmpty { path = "/" }
        return path.hasSuffix("/") ? path : path + "/"
    }
}
