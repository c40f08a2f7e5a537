import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The background thread a watcher reads on, and the pipe that stops it. The body waits in `poll()`
/// on its own descriptors and on `stopDescriptor`, which becomes readable when `stop()` is called;
/// `stop()` waits for the body to return and closes the pipe, so neither the thread nor a
/// descriptor outlives it.
final class WatcherThread: Sendable {
    private struct Handle: @unchecked Sendable { let thread: pthread_t }

    private struct State {
        var stopping = false
        /// `stop()` was called from inside the body.
        var selfStopped = false
        var handle: Handle?
        /// The thread's kernel id (Linux), for tests that check it is gone.
        var kernelID: Int?
        var pipe: (read: Int32, write: Int32)?
    }

    private let state: Mutex<State>
    private let finished = DispatchSemaphore(value: 0)

    /// Starts a thread running `body(stopDescriptor)`. The body should return soon after the stop
    /// descriptor becomes readable, and must not close it.
    init(name: String, body: @escaping @Sendable (_ stopDescriptor: Int32) -> Void) throws(POSIXError) {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EMFILE) }
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        state = Mutex(State(pipe: (descriptors[0], descriptors[1])))
        let stopDescriptor = descriptors[0]
        // The thread holds this object until its body returns.
        let thread = Thread { [self] in
            let kernelID = WatcherThread.currentKernelID()
            state.withLock {
                $0.handle = Handle(thread: pthread_self())
                $0.kernelID = kernelID
            }
            body(stopDescriptor)
            // Stopped from inside the body: nobody waits, so the thread closes the pipe itself.
            if state.withLock({ $0.selfStopped }) { closePipe() }
            finished.signal()
        }
        thread.name = name
        thread.start()
    }

    /// The thread's kernel id once it has started (Linux only).
    var kernelID: Int? { state.withLock { $0.kernelID } }

    /// The pipe's two descriptors while open, for tests.
    var descriptors: [Int32] { state.withLock { $0.pipe.map { [$0.read, $0.write] } ?? [] } }

    /// Tells the body to return, waits for it, and closes the pipe. Idempotent. Called from inside
    /// the body (by a callback it runs), it only asks; the thread closes the pipe on its way out.
    func stop() {
        let fromInside: Bool? = state.withLock { state in
            if state.stopping { return nil }
            state.stopping = true
            let inside = state.handle.map { pthread_equal($0.thread, pthread_self()) != 0 } ?? false
            state.selfStopped = inside
            if let pipe = state.pipe {
                // Written under the lock, so the thread cannot have closed the pipe meanwhile.
                var byte: UInt8 = 1
                _ = write(pipe.write, &byte, 1)
            }
            return inside
        }
        guard fromInside == false else { return }
        finished.wait()
        closePipe()
    }

    private func closePipe() {
        state.withLock { state in
            if let pipe = state.pipe {
                close(pipe.read)
                close(pipe.write)
            }
            state.pipe = nil
        }
    }

    /// The calling thread's id as the kernel knows it (`/proc/self/task/ID`), on Linux.
    private static func currentKernelID() -> Int? {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: 64)
        let count = readlink("/proc/thread-self", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let link = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return link.split(separator: "/").last.flatMap { Int($0) }
        #else
        return nil
        #endif
    }
}

extension WatcherThread {
    /// Waits up to `milliseconds` (-1: for ever) for the stop descriptor to become readable, and
    /// says whether it did.
    static func waitForStop(_ stopDescriptor: Int32, milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: stopDescriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let result = poll(&descriptor, 1, milliseconds)
            if result < 0 && errno == EINTR { continue }
            return result != 0 && descriptor.revents != 0
        }
    }
}
