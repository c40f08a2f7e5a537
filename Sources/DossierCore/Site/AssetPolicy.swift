/// Files under content/ that a browser would run script from if they were copied unchanged: HTML
/// and SVG (both may hold `<script>` and `onload=`). They are treated like raw HTML in Markdown:
/// refused unless site.yaml sets `allow_raw_html: true`, which trusts every author with script.
enum AssetPolicy {
    static let scriptableExtensions: Set<String> = ["html", "htm", "xhtml", "shtml", "svg", "svgz", "xml", "xsl", "xslt"]

    /// The assets that may be copied; an error at each refused one.
    static func allowed(_ assets: [SourceFile], allowRawHTML: Bool, log: DiagnosticLog) -> [SourceFile] {
        guard !allowRawHTML else { return assets }
        return assets.filter { file in
            let name = file.fileName.lowercased()
            guard let dot = name.lastIndex(of: "."), scriptableExtensions.contains(String(name[name.index(after: dot)...])) else { return true }
            log.add(.error("'\(file.fileName)' can carry script (HTML or SVG), so it is not copied into the site",
                           at: SourceLocation(file: file.path),
                           hint: "convert it (an SVG image to PNG, an HTML page to Markdown), or set `allow_raw_html: true` in site.yaml if every author may publish script"))
            return false
        }
    }
}
