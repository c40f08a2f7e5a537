import Foundation

/// `dossier pdf PAGE`: one report's PDF, without touching the site. The site is built with PDFs on,
/// for that page only, into a temporary folder that is removed afterwards, and its `report.pdf`
/// is copied to the file asked for.
public enum SingleReportPDF {
    /// Prints the report at site path `page` (`performance/2006-07-q3/`) to `destination`; returns
    /// the build's warnings. An existing file at `destination` is refused unless `force`.
    public static func make(_ options: BuildOptions, page: String, to destination: String, force: Bool = false) throws(BuildFailure) -> [Diagnostic] {
        let wanted = page.hasSuffix("/") ? page : page + "/"
        let location = SourceLocation(file: page, line: 0)
        if !force && FileManager.default.fileExists(atPath: destination) {
            throw BuildFailure(diagnostics: [.error("\(destination) already exists", at: SourceLocation(file: destination, line: 0),
                                                    hint: "pass --force to replace it, or --output another file")])
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-pdf-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var build = options
        build.output = scratch.appendingPathComponent("site").path
        build.pdf = true
        build.search = false
        build.pdfPages = [wanted]
        let report = try Pipeline(options: build).run(.build)
        guard report.pages.contains(where: { $0.urlPath == wanted && $0.date != nil && $0.kind != .newsletter }) else {
            let reports = report.pages.filter { $0.date != nil && $0.kind != .newsletter }.map(\.urlPath).sorted()
            throw BuildFailure(diagnostics: report.diagnostics + [.error("'\(page)' is not a report of the site", at: location,
                hint: reports.isEmpty ? "the site has no reports (dated pages other than newsletter issues)"
                                      : "give a report's site path, such as \(reports[0])")])
        }
        do {
            let made = URL(fileURLWithPath: build.output!).appendingPathComponent(wanted + ReportPDFs.fileName)
            let target = URL(fileURLWithPath: destination)
            let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).dossier-partial")
            try? FileManager.default.removeItem(at: temporary)
            try FileManager.default.copyItem(at: made, to: temporary)
            if rename(temporary.path, target.path) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            throw BuildFailure(diagnostics: report.diagnostics + [.error("cannot write \(destination): \(error.localizedDescription)",
                                                                         at: SourceLocation(file: destination, line: 0))])
        }
        return report.diagnostics
    }
}
