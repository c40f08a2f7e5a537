import Foundation

/// What the load stage read: the configuration, the Markdown sources and the other files.
struct LoadedContent: Sendable {
    var configText: String?
    /// `content/indicators.yaml`, the indicator registry.
    var registryText: String?
    var markdown: [(file: SourceFile, text: String)]
    /// Files copied unchanged (images, PDFs, CSV).
    var assets: [SourceFile]
}

/// Stage 1: reads `content/` through the file-system seam, sorted by path.
struct ContentLoader {
    let fileSystem: FileSystem
    let root: String

    func load(into log: DiagnosticLog) -> LoadedContent {
        let folder = RootPath.join(root, SourceFile.contentFolder)
        var loaded = LoadedContent(configText: nil, registryText: nil, markdown: [], assets: [])
        guard fileSystem.isDirectory(folder) else {
            log.add(.error("no content folder", at: SourceLocation(file: SourceFile.contentFolder, line: 1, column: 1),
                           hint: "a site is a folder holding content/ with Markdown files; use --root to point at it"))
            return loaded
        }
        let paths: [String]
        var skippedLinks: [String] = []
        do {
            paths = try fileSystem.files(under: folder, skippedLinks: &skippedLinks)
        } catch {
            let what = (error as? FileSystemError).map { "cannot list \($0.localizedDescription)" } ?? error.localizedDescription
            log.add(.error("cannot list the content folder: \(what)", at: SourceLocation(file: SourceFile.contentFolder, line: 0, column: 0)))
            return loaded
        }
        for link in skippedLinks {
            log.add(.warning("a symbolic link to outside the content folder; skipped",
                             at: SourceLocation(file: "\(SourceFile.contentFolder)/\(link)", line: 0, column: 0),
                             hint: "copy the file into content/ if it belongs to the site"))
        }
        for path in paths where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            let file = SourceFile(contentPath: path)
            if file.isMarkdown || file.isSiteConfig || file.isIndicatorRegistry {
                guard let text = readText(file, log: log) else { continue }
                if file.isSiteConfig {
                    loaded.configText = text
                } else if file.isIndicatorRegistry {
                    loaded.registryText = text
                } else {
                    loaded.markdown.append((file, text))
                }
            } else {
                do {
                    try fileSystem.checkReadable(RootPath.join(root, file.path))
                    loaded.assets.append(file)
                } catch {
                    log.add(.error("cannot read file: \((error as? FileSystemError)?.reason ?? error.localizedDescription)",
                                   at: SourceLocation(file: file.path, line: 0, column: 0),
                                   hint: "assets are copied into the site: make it a readable file, or move it out of content/"))
                }
            }
        }
        return loaded
    }

    private func readText(_ file: SourceFile, log: DiagnosticLog) -> String? {
        do {
            let data = try fileSystem.read(RootPath.join(root, file.path))
            guard let text = String(data: data, encoding: .utf8) else {
                let bad = UTF8Position.firstInvalid(in: data) ?? (1, 1)
                log.add(.error("file is not UTF-8 text: the first byte that is not is here",
                               at: SourceLocation(file: file.path, line: bad.line, column: bad.column),
                               hint: "save it as UTF-8"))
                return nil
            }
            return text
        } catch {
            log.add(.error("cannot read file: \((error as? FileSystemError)?.reason ?? error.localizedDescription)",
                           at: SourceLocation(file: file.path, line: 0, column: 0)))
            return nil
        }
    }
}

enum RootPath {
    static func join(_ root: String, _ relative: String) -> String {
        if root.isEmpty || root == "." { return relative }
        return root.hasSuffix("/") ? root + relative : root + "/" + relative
    }
}
