/// Collects changed paths until `quiet` has passed without a new one, then gives them as one batch:
/// an editor's save (write a temporary file, rename it, touch a backup) or `git checkout` becomes
/// one rebuild, not several.
struct WatchDebouncer {
    let quiet: Duration
    private(set) var pending = Set<String>()
    private var lastChange: ContinuousClock.Instant?

    init(quiet: Duration) { self.quiet = quiet }

    mutating func add(_ paths: Set<String>, at now: ContinuousClock.Instant = .now) {
        guard !paths.isEmpty else { return }
        pending.formUnion(paths)
        lastChange = now
    }

    /// How long `poll()` may wait before the batch is due, in milliseconds; -1 when nothing is pending.
    func timeout(at now: ContinuousClock.Instant = .now) -> Int32 {
        guard let lastChange, !pending.isEmpty else { return -1 }
        return Self.milliseconds(lastChange + quiet - now)
    }

    /// The batch, once it is quiet.
    mutating func take(at now: ContinuousClock.Instant = .now) -> Set<String>? {
        guard let lastChange, !pending.isEmpty, now - lastChange >= quiet else { return nil }
        defer {
            pending = []
            self.lastChange = nil
        }
        return pending
    }

    /// A duration as `poll()`'s timeout: rounded up, at least 0.
    static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        if seconds < 0 || (seconds == 0 && attoseconds <= 0) { return 0 }
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: milliseconds)
    }
}
