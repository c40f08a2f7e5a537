/// `dossier newsletter ISSUE`: builds the site in memory, then writes one issue's page and its email
/// files (`index.html`, `email.html`, `email.txt`, `issue.eml`) into a folder of their own, with the
/// same staging, swap and safety checks as a build.
extension Pipeline {
    public struct NewsletterResult: Sendable {
        public var folder: String
        public var files: [String]
        public var diagnostics: [Diagnostic]
    }

    /// The folder an issue is written to unless `--output` says: `ROOT/newsletter-issue-3`.
    public static func newsletterFolder(root: String, issue: Int) -> String { RootPath.join(root, "newsletter-issue-\(issue)") }

    public func writeNewsletter(_ issue: Int, to output: String?) throws(BuildFailure) -> NewsletterResult {
        let report = try run(.check)
        guard let page = report.pages.first(where: { $0.issue == issue }) else {
            let issues = report.pages.compactMap(\.issue).sorted().map(String.init)
            throw BuildFailure(diagnostics: report.diagnostics + [.error(
                "there is no newsletter issue \(issue)", at: .commandLine,
                hint: issues.isEmpty ? "write one with `kind: newsletter` and `issue: \(issue)`" : "issues: \(issues.joined(separator: ", "))")])
        }
        let files = report.files.compactMap { file -> OutputFile? in
            guard file.path.hasPrefix(page.urlPath) else { return nil }
            let name = String(file.path.dropFirst(page.urlPath.count))
            return name.contains("/") || name.isEmpty ? nil : OutputFile(path: name, contents: file.contents)
        }
        let folder = output ?? Self.newsletterFolder(root: options.root, issue: issue)
        do throws(Diagnostic) {
            try OutputWriter(fileSystem: options.fileSystem, root: options.root).write(files, to: folder)
        } catch {
            throw BuildFailure(diagnostics: report.diagnostics + [error])
        }
        return NewsletterResult(folder: folder, files: files.map(\.path), diagnostics: report.diagnostics)
    }
}
