import Foundation

/// Collects diagnostics from every stage, from several threads at once.
public final class DiagnosticLog: @unchecked Sendable {
    private var items: [Diagnostic] = []
    private let lock = NSLock()

    public init() {}

    public func add(_ diagnostic: Diagnostic) {
        lock.lock(); defer { lock.unlock() }
        items.append(diagnostic)
    }

    public func add(contentsOf diagnostics: [Diagnostic]) {
        lock.lock(); defer { lock.unlock() }
        items.append(contentsOf: diagnostics)
    }

    public var diagnostics: [Diagnostic] {
        lock.lock(); defer { lock.unlock() }
        return items.sortedForReport()
    }

    public var hasErrors: Bool {
        lock.lock(); defer { lock.unlock() }
        return items.hasErrors
    }
}
