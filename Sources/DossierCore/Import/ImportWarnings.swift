/// The warnings of one imported file, each placed in the document: `report.docx: table 2, row 3: …`.
struct ImportWarnings {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func add(_ place: String?, _ message: String, hint: String? = nil) {
        let text = place.map { "\($0): \(message)" } ?? message
        diagnostics.append(.warning(text, at: SourceLocation(file: file, line: 0), hint: hint))
    }
}
