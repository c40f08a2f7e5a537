import Synchronization

/// The batches of changed paths a `FileWatcher` delivers, as an async sequence for one consumer:
/// `for await paths in watcher.batches { … }`.
///
/// Batches that arrive while the consumer is busy (rebuilding) are merged, so the next iteration
/// returns their union and no path is lost; a slow consumer never works through a queue of stale
/// batches. The sequence ends (returns nil) once the watcher is stopped, or when the waiting task
/// is cancelled. Iterating keeps the watcher alive.
public struct FileBatches: AsyncSequence, Sendable {
    public typealias Element = Set<String>
    public typealias Failure = Never

    let channel: BatchChannel
    /// The watcher, kept alive while anyone holds its batches.
    let owner: any Sendable

    public struct AsyncIterator: AsyncIteratorProtocol {
        public typealias Element = Set<String>
        public typealias Failure = Never

        let channel: BatchChannel
        let owner: any Sendable

        public mutating func next() async -> Set<String>? {
            await channel.next()
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(channel: channel, owner: owner)
    }
}

/// Where the watcher's thread puts batches and the consumer takes them, merged.
final class BatchChannel: Sendable {
    private struct State {
        var pending = Set<String>()
        var waiters: [(id: Int, continuation: CheckedContinuation<Set<String>?, Never>)] = []
        var cancelled = Set<Int>()
        var finished = false
        var nextID = 0
    }

    private let state = Mutex(State())

    init() {}

    /// Hands `paths` to a waiting consumer, or keeps them for the next one. Nothing after `finish()`.
    func send(_ paths: Set<String>) {
        guard !paths.isEmpty else { return }
        let waiter: CheckedContinuation<Set<String>?, Never>? = state.withLock { state in
            if state.finished { return nil }
            if state.waiters.isEmpty {
                state.pending.formUnion(paths)
                return nil
            }
            return state.waiters.removeFirst().continuation
        }
        waiter?.resume(returning: paths)
    }

    /// Ends the sequence: undelivered paths are dropped and every waiter gets nil.
    func finish() {
        let waiters = state.withLock { state in
            state.finished = true
            state.pending = []
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.continuation.resume(returning: nil) }
    }

    var isFinished: Bool { state.withLock { $0.finished } }

    func next() async -> Set<String>? {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Set<String>?, Never>) in
                let answer: Set<String>?? = state.withLock { state in
                    if state.cancelled.remove(id) != nil || state.finished { return .some(nil) }
                    if !state.pending.isEmpty {
                        defer { state.pending = [] }
                        return .some(state.pending)
                    }
                    state.waiters.append((id, continuation))
                    return .none
                }
                if case .some(let paths) = answer { continuation.resume(returning: paths) }
            }
        } onCancel: {
            let waiter: CheckedContinuation<Set<String>?, Never>? = state.withLock { state in
                if let index = state.waiters.firstIndex(where: { $0.id == id }) {
                    return state.waiters.remove(at: index).continuation
                }
                state.cancelled.insert(id)
                return nil
            }
            waiter?.resume(returning: nil)
        }
    }
}

extension BatchChannel {
    /// How many consumers wait, for tests.
    var waiterCount: Int { state.withLock { $0.waiters.count } }
}
