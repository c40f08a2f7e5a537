/// A position in a source file: 1-based line and column, counted in the whole file.
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// Not a file: the command line (an unknown issue number, say). Printed `dossier: error: …`.
    public static let commandLine = SourceLocation(file: "dossier", line: 0)

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// An error or warning about the site's content, configuration or templates, with where it is.
public struct Diagnostic: Hashable, Sendable, Error, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        /// A note says what the build did that the writer may not expect (a page left out for its date).
        case error, warning, note
        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    public var hint: String?

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    public static func error(_ message: String, at location: SourceLocation, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, message, hint: hint)
    }

    public static func warning(_ message: String, at location: SourceLocation, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, at: location, message, hint: hint)
    }

    public static func note(_ message: String, at location: SourceLocation, hint: String? = nil) -> Diagnostic {
        Diagnostic(.note, at: location, message, hint: hint)
    }

    /// `path:line:column: error: message`, then the hint on its own line.
    public var description: String { formatted(pathPrefix: "") }

    public func formatted(pathPrefix: String) -> String {
        // Line 0 means the file or folder as a whole (an output folder, say), so no position is printed.
        let position = location.line > 0 ? ":\(location.line):\(location.column)" : ""
        var text = "\(pathPrefix)\(location.file)\(position): \(severity.rawValue): \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

/// Thrown by a build that found errors; carries every diagnostic, errors and warnings, in source order.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Source order, so the report reads top to bottom whatever order stages ran in.
    func sortedForReport() -> [Diagnostic] {
        sorted { ($0.location, $0.severity, $0.message) < ($1.location, $1.severity, $1.message) }
    }
}

/// Diagnostics as the failure of a `Result`.
struct DiagnosticList: Error {
    var items: [Diagnostic]
    init(_ items: [Diagnostic]) { self.items = items }
}
