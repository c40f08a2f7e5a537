#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Watches by looking: every `interval` it lists the watched folders and compares each file's size,
/// modification time and inode with what it saw last time. Used where inotify is not available
/// (macOS) or when the inotify watch limit is reached. A file's time is read only to notice that it
/// changed: this is the one place Dossier looks at file dates, and builds never do.
final class PollingWatcher {
    /// What is compared between two looks at a file.
    struct Stamp: Equatable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
    }

    let root: String
    let folders: [String]
    let interval: Duration
    /// Relative path (`content/a.md`) → stamp, as last seen.
    private(set) var snapshot: [String: Stamp]

    init(root: String, folders: [String], interval: Duration) {
        self.root = root
        self.folders = folders
        self.interval = interval
        snapshot = [:]
        snapshot = scan()
    }

    /// Every file now, by relative path.
    func scan() -> [String: Stamp] {
        var found: [String: Stamp] = [:]
        for folder in folders {
            Self.walk(FileWatcher.join(root, folder), relative: folder, into: &found)
        }
        return found
    }

    /// Looks again, and returns the paths that appeared, went or changed since the last look.
    func rescan() -> Set<String> {
        let now = scan()
        var changed = Set<String>()
        for (path, stamp) in now where snapshot[path] != stamp { changed.insert(path) }
        for path in snapshot.keys where now[path] == nil { changed.insert(path) }
        snapshot = now
        return changed
    }

    /// Looks every `interval` (every `debouncer.quiet` while changes are pending) and delivers
    /// batches, until `stopDescriptor` is readable.
    func run(stopDescriptor: Int32, debouncer: inout WatchDebouncer, deliver: (Set<String>) -> Void) {
        while true {
            let wait = debouncer.pending.isEmpty ? WatchDebouncer.milliseconds(interval) : debouncer.timeout()
            if WatcherThread.waitForStop(stopDescriptor, milliseconds: wait) { return }
            debouncer.add(rescan())
            if let batch = debouncer.take() { deliver(batch) }
        }
    }

    private static func walk(_ folder: String, relative: String, into found: inout [String: Stamp]) {
        for (name, entry) in FileWatcher.entries(in: folder) {
            let path = folder + "/" + name
            let relativePath = relative + "/" + name
            var status = entry
            if (status.st_mode & S_IFMT) == S_IFDIR {
                walk(path, relative: relativePath, into: &found)
                continue
            }
            // Links are followed to files (as the build does), never into folders.
            if (status.st_mode & S_IFMT) == S_IFLNK, stat(path, &status) != 0 { continue }
            guard (status.st_mode & S_IFMT) == S_IFREG else { continue }
            found[relativePath] = Stamp(status)
        }
    }
}

extension PollingWatcher.Stamp {
    init(_ status: stat) {
        size = Int64(status.st_size)
        inode = UInt64(status.st_ino)
        #if canImport(Darwin)
        seconds = Int(status.st_mtimespec.tv_sec)
        nanoseconds = Int(status.st_mtimespec.tv_nsec)
        #else
        seconds = Int(status.st_mtim.tv_sec)
        nanoseconds = Int(status.st_mtim.tv_nsec)
        #endif
    }
}
