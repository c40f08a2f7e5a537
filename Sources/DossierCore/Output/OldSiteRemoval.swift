import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What happens to the old site once the new one is swapped in. Unlinking a tree of 10,000 page
/// folders is file-system work a build need not wait for: on a slow disk it takes far longer than
/// writing the new site (83 s against 6 s for the whole rebuild of the neutral 10,000-page corpus
/// here, against Hugo's 18 s). The old tree is first renamed `.NAME.old-PID` beside the output, so
/// nothing mistakes it for the site or for a build's staging folder, then removed.
public enum OldSiteRemoval: Sendable {
    /// By a detached `rm -rf` in its own session, after the build has returned; a tree whose
    /// removal was cut short (a reboot) is removed by the next build.
    case inBackground
    /// Before the build returns, for callers that look beside the output at once (tests).
    case beforeReturning

    static func trashName(for target: URL) -> String {
        ".\(target.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)"
    }

    static func isTrash(_ entry: String, of target: URL) -> Bool {
        entry.hasPrefix(".\(target.lastPathComponent).old-")
    }

    /// Renames the old site `folder` to the trash name beside `target` and removes it.
    func retire(_ folder: URL, beside target: URL) {
        let trash = target.deletingLastPathComponent().appending(path: Self.trashName(for: target))
        try? FileManager.default.removeItem(at: trash)
        let doomed = rename(folder.path, trash.path) == 0 ? trash : folder
        remove(doomed)
    }

    func remove(_ folder: URL) {
        if self == .inBackground, Self.removeDetached(folder.path) { return }
        try? FileManager.default.removeItem(at: folder)
    }

    /// glibc's POSIX_SPAWN_SETSID (spawn.h, 2.26 and later), which Swift does not import: the header
    /// defines it only under _GNU_SOURCE.
    private static let newSession: Int16 = 0x80

    /// Starts `rm -rf -- PATH` through a shell that leaves it running and exits at once, so the
    /// build waits only for the shell (no zombie is left) and `rm` outlives the build in a session
    /// of its own, out of reach of the terminal's Ctrl-C. False when it could not be started.
    private static func removeDetached(_ path: String) -> Bool {
        var attributes = posix_spawnattr_t()
        guard posix_spawnattr_init(&attributes) == 0 else { return false }
        defer { posix_spawnattr_destroy(&attributes) }
        guard posix_spawnattr_setflags(&attributes, Self.newSession) == 0 else { return false }
        let arguments = ["sh", "-c", "rm -rf -- \"$1\" </dev/null >/dev/null 2>&1 &", "sh", path]
        var pointers: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        var child: pid_t = 0
        guard posix_spawn(&child, "/bin/sh", nil, &attributes, &pointers, environ) == 0 else { return false }
        var status: Int32 = 0
        while waitpid(child, &status, 0) == -1 && errno == EINTR {}
        return status == 0
    }
}
