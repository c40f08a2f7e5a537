import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Watches the site's folders (`content/`, `templates/`) and delivers batches of the files that
/// changed, as paths relative to the site root (`content/performance/2006-07-q3.md`,
/// `templates/page.mustache`):
///
/// ```swift
/// let watcher = try FileWatcher(root: root) { notice in print(notice) }
/// // …build the whole site once…
/// for await paths in watcher.batches {
///     // …rebuild for `paths`…
/// }
/// ```
///
/// A path is in a batch when its file was written, created, deleted or renamed to or from that
/// name, or was in a folder that appeared or went; when events were lost (inotify's queue
/// overflowed) or the watcher had to switch to polling, the batch holds every file. Editors'
/// droppings (`EditorDroppings`) are never reported. Changes are collected until `debounce` passes
/// without one (so a save by rename is one batch), and batches the consumer is too busy to take are
/// merged (`FileBatches`). A watched folder may be missing at first: it is picked up when it appears.
///
/// On Linux it uses inotify; when the watch limit is reached (at the start, or later for a new
/// folder), `onNotice` gets a message naming the sysctl to raise it, and the watcher polls instead.
/// Elsewhere it polls. Start it before the first build, so that no edit made during it is missed.
public final class FileWatcher: Sendable {
    public enum Method: Sendable {
        /// inotify on Linux, polling elsewhere.
        case automatic
        /// Look at the folders every `pollInterval`.
        case polling
    }

    /// `inotify_add_watch`, replaceable in tests: the watch descriptor, or minus errno.
    typealias AddWatch = @Sendable (_ descriptor: Int32, _ path: String, _ mask: UInt32) -> Int32

    /// Whether the watcher polls (asked to, not on Linux, or fell back when inotify could not go on).
    public var isPolling: Bool { status.isPolling }

    /// The batches, for one consumer; the sequence ends when the watcher is stopped.
    public var batches: FileBatches { FileBatches(channel: channel, owner: self) }

    private let channel = BatchChannel()
    private let status = Status()
    private let thread: WatcherThread
    #if os(Linux)
    private let inotifyWatchCount: Int
    #endif

    /// Starts watching `folders` (names of folders directly in `root`).
    ///
    /// - Parameters:
    ///   - debounce: how long to wait after a change for more before delivering the batch.
    ///   - pollInterval: how often the polling watcher looks.
    ///   - onNotice: told, once, when inotify cannot be used and the watcher polls instead; called
    ///     before `init` returns when that is so from the start, or later on the watcher's thread.
    /// - Throws: when no thread or pipe can be made (out of descriptors).
    public convenience init(root: String, folders: [String] = ["content", "templates"],
                            debounce: Duration = .milliseconds(100), pollInterval: Duration = .seconds(1),
                            method: Method = .automatic, onNotice: @escaping @Sendable (String) -> Void) throws {
        try self.init(root: root, folders: folders, debounce: debounce, pollInterval: pollInterval, method: method,
                      addWatch: FileWatcher.inotifyAddWatch, onNotice: onNotice)
    }

    init(root: String, folders: [String], debounce: Duration, pollInterval: Duration, method: Method,
         addWatch: @escaping AddWatch, onNotice: @escaping @Sendable (String) -> Void) throws {
        for folder in folders {
            precondition(!folder.isEmpty && !folder.contains("/") && folder != "." && folder != "..",
                         "FileWatcher watches folders directly in the root, by name: \(folder)")
        }
        let backend = Backend()
        #if os(Linux)
        if method == .automatic {
            do throws(InotifyWatcher.Failure) {
                backend.inotify = try InotifyWatcher(root: root, folders: folders, addWatch: addWatch)
            } catch {
                onNotice(error.notice(polling: pollInterval))
            }
        }
        inotifyWatchCount = backend.inotify?.watchCount ?? 0
        #endif
        if backend.isEmpty {
            backend.polling = PollingWatcher(root: root, folders: folders, interval: pollInterval)
            status.isPolling = true
        }
        let channel = self.channel
        let status = self.status
        do {
            thread = try WatcherThread(name: "dossier-watcher") { stopDescriptor in
                backend.run(stopDescriptor: stopDescriptor, debounce: debounce, root: root, folders: folders,
                            pollInterval: pollInterval, status: status, deliver: channel.send, onNotice: onNotice)
            }
        } catch {
            backend.close()
            throw error
        }
    }

    /// Stops watching: the batches end at once (undelivered changes are dropped), and the thread and
    /// every descriptor are gone when this returns. Idempotent; also done when the watcher is freed.
    public func stop() {
        channel.finish()
        thread.stop()
    }

    deinit { stop() }

    /// The thread and its pipe, for tests.
    var watcherThread: WatcherThread { thread }

    #if os(Linux)
    /// How many folders inotify watched at the start (the root included), for tests.
    var initialWatchCount: Int { inotifyWatchCount }
    #endif

    private static let inotifyAddWatch: AddWatch = { descriptor, path, mask in
        #if os(Linux)
        let watch = inotify_add_watch(descriptor, path, mask)
        return watch >= 0 ? watch : -errno
        #else
        return -ENOSYS
        #endif
    }

    /// `root/folder`, with "" as the root itself.
    static func join(_ root: String, _ folder: String) -> String {
        if folder.isEmpty { return root.isEmpty ? "." : root }
        if root.isEmpty || root == "." { return folder }
        return root.hasSuffix("/") ? root + folder : root + "/" + folder
    }

    /// What the watchers look at in the folder at `path`: each entry's name and its `lstat` (a link
    /// is not followed), leaving out `.`, `..`, editors' droppings and entries that cannot be
    /// stat'd. Empty when the folder cannot be opened.
    static func entries(in path: String) -> [(name: String, status: stat)] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var entries: [(name: String, status: stat)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." || EditorDroppings.isDropping(name) { continue }
            var status = stat()
            guard lstat(path + "/" + name, &status) == 0 else { continue }
            entries.append((name, status))
        }
        return entries
    }

    /// "every second", "every 2 s", "every 250 ms".
    static func describe(_ interval: Duration) -> String {
        let milliseconds = WatchDebouncer.milliseconds(interval)
        if milliseconds == 1000 { return "every second" }
        if milliseconds % 1000 == 0 { return "every \(milliseconds / 1000) s" }
        return "every \(milliseconds) ms"
    }
}

extension FileWatcher {
    /// Whether the watcher polls, written on its thread when it falls back.
    private final class Status: Sendable {
        private let polling = Mutex(false)
        var isPolling: Bool {
            get { polling.withLock { $0 } }
            set { polling.withLock { $0 = newValue } }
        }
    }

    /// What watches, made in `init` and then used only on the watcher's thread.
    private final class Backend: @unchecked Sendable {
        #if os(Linux)
        var inotify: InotifyWatcher?
        #endif
        var polling: PollingWatcher?

        var isEmpty: Bool {
            #if os(Linux)
            if inotify != nil { return false }
            #endif
            return polling == nil
        }

        func close() {
            #if os(Linux)
            inotify?.close()
            inotify = nil
            #endif
            polling = nil
        }

        /// The thread's body: inotify until stopped or it cannot go on, then polling until stopped.
        func run(stopDescriptor: Int32, debounce: Duration, root: String, folders: [String], pollInterval: Duration,
                 status: Status, deliver: (Set<String>) -> Void, onNotice: (String) -> Void) {
            defer { close() }
            var debouncer = WatchDebouncer(quiet: debounce)
            #if os(Linux)
            if let inotify {
                do throws(InotifyWatcher.Failure) {
                    try inotify.run(stopDescriptor: stopDescriptor, debouncer: &debouncer, deliver: deliver)
                    return
                } catch {
                    let seen = inotify.files
                    inotify.close()
                    self.inotify = nil
                    let polling = PollingWatcher(root: root, folders: folders, interval: pollInterval)
                    self.polling = polling
                    status.isPolling = true
                    onNotice(error.notice(polling: pollInterval))
                    // Changes may have been missed meanwhile: everything may have changed.
                    debouncer.add(seen.union(polling.snapshot.keys))
                }
            }
            #endif
            polling?.run(stopDescriptor: stopDescriptor, debouncer: &debouncer, deliver: deliver)
        }
    }
}
