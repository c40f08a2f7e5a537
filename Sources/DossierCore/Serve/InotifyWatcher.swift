#if os(Linux)
import Glibc

/// Watches folders through Linux inotify: one watch per folder (inotify is not recursive), added as
/// folders appear and dropped as they go, plus one on the site root for a watched folder (such as
/// `templates/`) appearing later. It keeps the set of files it has seen, so a folder moved away or
/// deleted reports every file that was in it.
///
/// Confined to one thread at a time: made by `FileWatcher.init`, then run on the watcher's thread.
final class InotifyWatcher {
    /// Why inotify cannot go on; the watcher then polls instead.
    enum Failure: Error {
        /// `inotify_add_watch` said ENOSPC: `fs.inotify.max_user_watches` is reached.
        case watchLimit
        /// `inotify_init1` said EMFILE: `fs.inotify.max_user_instances` is reached.
        case instanceLimit
        /// Anything else, with its errno.
        case failed(Int32)
    }

    static let folderMask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE
        | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
    /// The site root is watched only for the watched folders appearing or going.
    static let rootMask = UInt32(IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_ONLYDIR)

    let root: String
    /// The watched folders' names, directly in the root (`content`, `templates`).
    let folders: [String]
    private(set) var descriptor: Int32
    private let addWatch: FileWatcher.AddWatch
    /// Watch descriptor → folder relative to the root ("" for the root itself).
    private var folderOfWatch: [Int32: String] = [:]
    private var watchOfFolder: [String: Int32] = [:]
    /// Every file seen and not seen going, relative to the root.
    private(set) var files = Set<String>()

    /// Opens inotify and watches the root and every folder under the watched ones.
    init(root: String, folders: [String], addWatch: @escaping FileWatcher.AddWatch) throws(Failure) {
        self.root = root
        self.folders = folders
        self.addWatch = addWatch
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw errno == EMFILE ? .instanceLimit : .failed(errno) }
        do {
            var ignored = Set<String>()
            try watch("", mask: Self.rootMask)
            for folder in folders { try watchTree(folder, reporting: &ignored) }
        } catch {
            close()
            throw error
        }
    }

    /// The number of folders watched, the root included.
    var watchCount: Int { watchOfFolder.count }

    func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }

    /// Reads events and delivers debounced batches until `stopDescriptor` is readable. Throws when
    /// inotify cannot go on (the watch limit reached for a new folder).
    func run(stopDescriptor: Int32, debouncer: inout WatchDebouncer, deliver: (Set<String>) -> Void) throws(Failure) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            var descriptors = [
                pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: stopDescriptor, events: Int16(POLLIN), revents: 0),
            ]
            let result = poll(&descriptors, 2, debouncer.timeout())
            if result < 0 {
                if errno == EINTR { continue }
                throw .failed(errno)
            }
            if descriptors[1].revents != 0 { return }
            if descriptors[0].revents & Int16(POLLIN) != 0 {
                var changed = Set<String>()
                try read(buffer, into: &changed)
                debouncer.add(changed)
            } else if descriptors[0].revents != 0 {
                throw .failed(EIO)
            }
            if let batch = debouncer.take() { deliver(batch) }
        }
    }

    /// Reads every event queued, until the descriptor would block.
    private func read(_ buffer: UnsafeMutableRawBufferPointer, into changed: inout Set<String>) throws(Failure) {
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { return }
                throw .failed(errno)
            }
            if count == 0 { return }
            // Each record is a struct inotify_event (wd, mask, cookie, len: 16 bytes) followed by
            // `len` bytes of name, NUL-padded.
            let header = MemoryLayout<inotify_event>.size
            var offset = 0
            while offset + header <= count {
                let watch = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let start = offset + header
                let end = min(start + length, count)
                let name = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[start..<end]).prefix { $0 != 0 }, as: UTF8.self)
                try handle(watch: watch, mask: mask, name: name, changed: &changed)
                offset = start + length
            }
        }
    }

    /// Applies one event to the watches and the files seen, noting the paths it changes.
    func handle(watch: Int32, mask: UInt32, name: String, changed: inout Set<String>) throws(Failure) {
        func has(_ flag: Int32) -> Bool { mask & UInt32(flag) != 0 }
        if has(IN_Q_OVERFLOW) {
            // Events were lost: look at everything again, and report everything.
            for folder in folders { removeTree(folder, reporting: &changed) }
            for folder in folders { try watchTree(folder, reporting: &changed) }
            return
        }
        guard let folder = folderOfWatch[watch] else { return }
        if has(IN_IGNORED) {
            // The watch is gone (its folder was deleted, or it was removed here).
            folderOfWatch[watch] = nil
            if watchOfFolder[folder] == watch { watchOfFolder[folder] = nil }
            return
        }
        if has(IN_DELETE_SELF) || has(IN_MOVE_SELF) {
            // Usually already handled through the parent's event; this catches a watched folder
            // whose parent is not watched.
            if !folder.isEmpty, watchOfFolder[folder] == watch { removeTree(folder, reporting: &changed) }
            return
        }
        let appeared = has(IN_CREATE) || has(IN_MOVED_TO)
        let went = has(IN_DELETE) || has(IN_MOVED_FROM)
        if folder.isEmpty {
            // The root: only a watched folder appearing or going.
            guard folders.contains(name) else { return }
            if appeared { try watchTree(name, reporting: &changed) }
            if went { removeTree(name, reporting: &changed) }
            return
        }
        guard !name.isEmpty, !EditorDroppings.isDropping(name) else { return }
        let path = folder + "/" + name
        if has(IN_ISDIR) {
            if appeared { try watchTree(path, reporting: &changed) }
            if went { removeTree(path, reporting: &changed) }
        } else if appeared || has(IN_CLOSE_WRITE) {
            files.insert(path)
            changed.insert(path)
        } else if went {
            files.remove(path)
            changed.insert(path)
        }
    }

    /// Watches `folder` and every folder under it, and notes every file in them as changed. The
    /// watch is added before the folder is listed, so a file made meanwhile is listed or reported.
    private func watchTree(_ folder: String, reporting changed: inout Set<String>) throws(Failure) {
        guard try watch(folder, mask: Self.folderMask) else { return }
        for (name, status) in FileWatcher.entries(in: FileWatcher.join(root, folder)) {
            let child = folder + "/" + name
            if (status.st_mode & S_IFMT) == S_IFDIR {
                try watchTree(child, reporting: &changed)
            } else if (status.st_mode & S_IFMT) == S_IFREG || (status.st_mode & S_IFMT) == S_IFLNK {
                files.insert(child)
                changed.insert(child)
            }
        }
    }

    /// Adds one watch; false when the folder cannot be watched (gone, not a folder, not readable).
    @discardableResult
    private func watch(_ folder: String, mask: UInt32) throws(Failure) -> Bool {
        let watch = addWatch(descriptor, FileWatcher.join(root, folder), mask)
        if watch == -ENOSPC { throw .watchLimit }
        guard watch >= 0 else { return false }
        if let old = folderOfWatch[watch], old != folder, watchOfFolder[old] == watch { watchOfFolder[old] = nil }
        folderOfWatch[watch] = folder
        watchOfFolder[folder] = watch
        return true
    }

    /// Stops watching `folder` and the folders under it, and notes every file seen in them as
    /// changed (they are gone from here).
    private func removeTree(_ folder: String, reporting changed: inout Set<String>) {
        let prefix = folder + "/"
        for (watched, watch) in watchOfFolder where watched == folder || watched.hasPrefix(prefix) {
            _ = inotify_rm_watch(descriptor, watch)
            watchOfFolder[watched] = nil
            folderOfWatch[watch] = nil
        }
        for file in files where file.hasPrefix(prefix) {
            files.remove(file)
            changed.insert(file)
        }
    }
}

extension InotifyWatcher.Failure {
    /// What to tell the user, who is then watched by polling every `interval`.
    func notice(polling interval: Duration) -> String {
        let fallback = "watching by polling \(FileWatcher.describe(interval)) instead"
        switch self {
        case .watchLimit:
            let current = InotifyWatcher.limit("max_user_watches")
            let suggested = max(524_288, (current ?? 0) * 2)
            let now = current.map { " (\($0) watches)" } ?? ""
            return "the inotify watch limit is reached\(now); raise it with `sudo sysctl fs.inotify.max_user_watches=\(suggested)`; \(fallback)"
        case .instanceLimit:
            let current = InotifyWatcher.limit("max_user_instances")
            let suggested = max(1024, (current ?? 0) * 2)
            return "too many inotify instances are open; raise the limit with `sudo sysctl fs.inotify.max_user_instances=\(suggested)`; \(fallback)"
        case .failed(let code):
            return "inotify failed (\(String(cString: strerror(code)))); \(fallback)"
        }
    }
}

extension InotifyWatcher {
    /// A limit from /proc/sys/fs/inotify/, when readable.
    static func limit(_ name: String) -> Int? {
        guard let file = fopen("/proc/sys/fs/inotify/" + name, "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 32)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return nil }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Int(text.filter(\.isNumber))
    }
}
#endif
