import Synchronization

/// What the preview serves: the site as last built, in memory, and what to tell open pages when it
/// changes. The session that rebuilds the site publishes into it; the HTTP server reads from it.
final class PreviewSite: Sendable {
    /// One build's result.
    struct Snapshot: Sendable {
        /// Output path (`performance/2006-07-q3/index.html`, `assets/dossier.css`) → bytes.
        var files: [String: [UInt8]] = [:]
        /// When the last rebuild failed: every diagnostic, as the terminal printed them. The files
        /// are then the last good build's.
        var diagnostics: [String] = []
        /// Counts builds, so a page can tell whether it is stale.
        var generation = 0
    }

    /// Sent to open pages after a rebuild.
    struct Change: Sendable, Equatable {
        /// Output paths whose bytes changed (added and removed ones included).
        var paths: Set<String>
        /// The build failed, or failed before and now succeeds.
        var diagnosticsChanged: Bool
    }

    private let state = Mutex<(snapshot: Snapshot, listeners: [Int: AsyncStream<Change>.Continuation], next: Int)>((Snapshot(), [:], 0))

    init() {}

    var snapshot: Snapshot { state.withLock { $0.snapshot } }

    /// Replaces the site and tells every listener what changed.
    func publish(_ snapshot: Snapshot) {
        state.withLock { state in
            let old = state.snapshot
            var changed = Set<String>()
            for (path, bytes) in snapshot.files where old.files[path] != bytes { changed.insert(path) }
            for path in old.files.keys where snapshot.files[path] == nil { changed.insert(path) }
            let change = Change(paths: changed, diagnosticsChanged: old.diagnostics != snapshot.diagnostics)
            state.snapshot = snapshot
            if !change.paths.isEmpty || change.diagnosticsChanged {
                for listener in state.listeners.values { listener.yield(change) }
            }
        }
    }

    /// Every change from now on, until the stream is dropped.
    func changes() -> AsyncStream<Change> {
        let (stream, continuation) = AsyncStream<Change>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let id = state.withLock { state in
            let id = state.next
            state.next += 1
            state.listeners[id] = continuation
            return id
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.listeners.removeValue(forKey: id) }
        }
        return stream
    }
}
