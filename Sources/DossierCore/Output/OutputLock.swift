import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on `.NAME.lock` beside the output folder NAME, held from the moment a build
/// opens its staging folder until the swap is done or the staging folder discarded. A second build
/// into the same output waits for the first; the kernel drops the lock of a killed build, so it
/// never goes stale. The lock file stays (removing it would let two builds lock different files).
final class OutputLock: @unchecked Sendable {
    let path: String
    private var descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    static func path(for target: URL) -> String {
        target.deletingLastPathComponent().appending(path: ".\(target.lastPathComponent).lock").path
    }

    /// Waits for the lock of `target`'s output.
    static func acquire(for target: URL) throws(Diagnostic) -> OutputLock {
        let path = path(for: target)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputWriter.failure("cannot lock the output folder: cannot open '\(path)': \(String(cString: strerror(errno)))", target.path)
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw OutputWriter.failure("cannot lock the output folder with '\(path)': \(reason)", target.path)
            }
        }
        return OutputLock(path: path, descriptor: descriptor)
    }

    func release() {
        guard descriptor >= 0 else { return }
        close(descriptor) // closing drops the lock
        descriptor = -1
    }

    deinit { release() }
}
