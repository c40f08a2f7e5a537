import Foundation
import Synchronization
import Testing
@testable import DossierCore
#if canImport(Glibc)
import Glibc
#endif

/// A site root in a temporary folder, changed the way editors change files.
private struct WatchedSite {
    let root: URL
    var path: String { root.path }

    init(folders: [String] = ["content"], files: [String: String] = [:]) {
        root = TemporaryFolder.make()
        for folder in folders { mkdir(folder) }
        for (path, text) in files { write(path, text) }
    }

    func mkdir(_ folder: String) {
        try! FileManager.default.createDirectory(at: root.appending(path: folder), withIntermediateDirectories: true)
    }

    /// open, write, close: what most programs do.
    func write(_ path: String, _ text: String) {
        let url = root.appending(path: path)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: url)
    }

    func rename(_ from: String, _ to: String) {
        #expect(posixRename(root.appending(path: from).path, root.appending(path: to).path) == 0)
    }

    func remove(_ path: String) {
        try! FileManager.default.removeItem(at: root.appending(path: path))
    }

    func watch(method: FileWatcher.Method, debounce: Duration = .milliseconds(50),
               notices: NoticeLog = NoticeLog()) throws -> FileWatcher {
        try FileWatcher(root: path, debounce: debounce, pollInterval: .milliseconds(50), method: method) { notices.add($0) }
    }
}

/// Notices a watcher gave.
private final class NoticeLog: Sendable {
    private let notices = Mutex<[String]>([])
    func add(_ notice: String) { notices.withLock { $0.append(notice) } }
    var all: [String] { notices.withLock { $0 } }
}

/// Every batch a watcher delivers, taken by a task as a serve loop would.
private final class BatchLog: Sendable {
    private let state = Mutex<(batches: [Set<String>], ended: Bool)>(([], false))

    init(_ watcher: FileWatcher) {
        let batches = watcher.batches
        Task { [self] in
            for await batch in batches { state.withLock { $0.batches.append(batch) } }
            state.withLock { $0.ended = true }
        }
    }

    var batches: [Set<String>] { state.withLock { $0.batches } }
    var paths: Set<String> { batches.reduce(into: []) { $0.formUnion($1) } }
    var ended: Bool { state.withLock { $0.ended } }

    func clear() { state.withLock { $0.batches = [] } }

    /// Waits (see `eventually`) until `condition` holds.
    func wait(_ condition: (BatchLog) -> Bool) async -> Bool {
        await eventually { condition(self) }
    }

    func waitFor(_ path: String) async -> Bool {
        await wait { $0.paths.contains(path) }
    }
}

private func eventually(_ condition: () -> Bool) async -> Bool {
    // Counted in turns, not by the clock: under CI the whole suite runs beside this one on two
    // cores, and tests that block the cooperative pool (site checks, PDFs) can keep this task and
    // the batches' consumer from running for longer than any deadline. 3,000 turns of 10 ms is
    // 30 s on an idle machine, and each turn gives the consumer a chance to run.
    for _ in 0..<3_000 {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

private let methods: [FileWatcher.Method] = [.automatic, .polling]

private func posixRename(_ from: String, _ to: String) -> Int32 {
    #if canImport(Glibc)
    Glibc.rename(from, to)
    #else
    Darwin.rename(from, to)
    #endif
}

/// Serialized: the descriptor checks read /proc/self/fd, and only these tests open inotify there.
@Suite(.serialized)
struct WatcherTests {
    @Test(arguments: methods)
    func aWrittenFileArrives(method: FileWatcher.Method) async throws {
        let site = WatchedSite(files: ["content/old.md": "old"])
        let watcher = try site.watch(method: method)
        defer { watcher.stop() }
        let log = BatchLog(watcher)
        site.write("content/a.md", "# A\n")
        #expect(await log.waitFor("content/a.md"))
        site.write("content/old.md", "changed, and longer")
        #expect(await log.waitFor("content/old.md"))
        #expect(log.paths == ["content/a.md", "content/old.md"])
    }

    @Test(arguments: methods)
    func aSaveByRenameArrivesUnderTheFilesName(method: FileWatcher.Method) async throws {
        let site = WatchedSite(files: ["content/b.md": "b"])
        let watcher = try site.watch(method: method)
        defer { watcher.stop() }
        let log = BatchLog(watcher)
        // VS Code, sed -i: write a temporary file and rename it over the old one.
        site.write("content/a.md.tmp", "new a")
        site.rename("content/a.md.tmp", "content/a.md")
        #expect(await log.waitFor("content/a.md"))
        // vim: move the old file to a backup, write the new one, delete the backup.
        site.write("content/4913", "")
        site.remove("content/4913")
        site.rename("content/b.md", "content/b.md~")
        site.write("content/b.md", "new b, longer")
        site.remove("content/b.md~")
        #expect(await log.waitFor("content/b.md"))
        // The temporary name may arrive (it is not an editor's dropping); the backup never does.
        #expect(log.paths.isSubset(of: ["content/a.md", "content/a.md.tmp", "content/b.md"]))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sed")), arguments: methods)
    func sedInPlaceArrives(method: FileWatcher.Method) async throws {
        let site = WatchedSite(files: ["content/a.md": "one\n"])
        let watcher = try site.watch(method: method)
        defer { watcher.stop() }
        let log = BatchLog(watcher)
        // sed -i writes a temporary file beside it (`sedAbC123`) and renames it over the file.
        let sed = Process()
        sed.executableURL = URL(fileURLWithPath: "/usr/bin/sed")
        sed.arguments = ["-i", "s/one/three/", site.root.appending(path: "content/a.md").path]
        try sed.run()
        sed.waitUntilExit()
        #expect(sed.terminationStatus == 0)
        #expect(Tree.text(site.root, "content/a.md") == "three\n")
        #expect(await log.waitFor("content/a.md"))
    }

    @Test(arguments: methods)
    func aFileInANewFolderArrivesAndSoDoItsEdits(method: FileWatcher.Method) async throws {
        let site = WatchedSite()
        let watcher = try site.watch(method: method)
        defer { watcher.stop() }
        let log = BatchLog(watcher)
        // mkdir -p a/b && touch a/b/c.md: the file may be made before the folder is watched.
        site.mkdir("content/reports/2006")
        site.write("content/reports/2006/q3.md", "q3")
        #expect(await log.waitFor("content/reports/2006/q3.md"))
        log.clear()
        site.write("content/reports/2006/q3.md", "q3, edited")
        site.write("content/reports/2006/q4.md", "q4")
        #expect(await log.wait { $0.paths == ["content/reports/2006/q3.md", "content/reports/2006/q4.md"] })
    }

    @Test(arguments: methods)
    func aDeletedFileArrives(method: FileWatcher.Method) async throws {
        let site = WatchedSite(files: ["content/a.md": "a", "content/sub/b.md": "b"])
        let watcher = try site.watch(method: method)
        defer { watcher.stop() }
        let log = BatchLog(watcher)
        site.remove("content/a.md")
        #expect(await log.waitFor("content/a.md"))
        site.remove("content/sub")
        #expect(await log.waitFor("content/sub/b.md"))
    }

    @Test(arguments: methods)
    func aFolderMovedAwayOrBackReportsItsFiles(method: FileWatcher.Method) async throws {
        let site = WatchedSite(folders: ["content", "elsewhere"], files: ["content/sub/deep/b.md": "b"])
        let watcher = try site.watch(method: method)
        defer { watcher.stop() }
        let log = BatchLog(watcher)
        site.rename("content/sub", "elsewhere/sub")
        #expect(await log.waitFor("content/sub/deep/b.md"))
        log.clear()
        site.rename("elsewhere/sub", "content/moved")
        #expect(await log.waitFor("content/moved/deep/b.md"))
        // Its folders are watched under their new name.
        log.clear()
        site.write("content/moved/deep/b.md", "b, edited")
        #expect(await log.waitFor("content/moved/deep/b.md"))
        #expect(!log.paths.contains { $0.hasPrefix("elsewhere") })
    }

    @Test(arguments: methods)
    func editorDroppingsAreNotDelivered(method: FileWatcher.Method) async throws {
        let site = WatchedSite()
        let watcher = try site.watch(method: method)
        defer { watcher.stop() }
        let log = BatchLog(watcher)
        site.write("content/.a.md.swp", "swap")
        site.write("content/.a.md.swx", "swap")
        site.write("content/4913", "")
        site.write("content/a.md~", "backup")
        site.write("content/#a.md#", "autosave")
        site.mkdir("content/.git")
        site.write("content/.git/config", "x")
        // Events come in order, so once the sentinel is here the droppings would have been too.
        site.write("content/sentinel.md", "s")
        #expect(await log.waitFor("content/sentinel.md"))
        #expect(log.paths == ["content/sentinel.md"])
    }

    @Test(arguments: methods)
    func quickWritesAreOneBatch(method: FileWatcher.Method) async throws {
        let site = WatchedSite()
        // A long quiet time, so a busy machine cannot split three writes into two batches.
        let watcher = try site.watch(method: method, debounce: .seconds(1))
        defer { watcher.stop() }
        let log = BatchLog(watcher)
        site.write("content/a.md", "a")
        site.write("content/b.md", "b")
        site.write("content/a.md", "a, again")
        site.write("content/c.md", "c")
        #expect(await log.wait { !$0.batches.isEmpty })
        #expect(log.batches == [["content/a.md", "content/b.md", "content/c.md"]])
    }

    @Test(arguments: methods)
    func aTemplatesFolderMadeLaterIsWatched(method: FileWatcher.Method) async throws {
        let site = WatchedSite()
        let watcher = try site.watch(method: method)
        defer { watcher.stop() }
        let log = BatchLog(watcher)
        site.mkdir("templates/partials")
        site.write("templates/page.mustache", "{{title}}")
        site.write("templates/partials/head.mustache", "<head>")
        #expect(await log.wait { $0.paths == ["templates/page.mustache", "templates/partials/head.mustache"] })
        log.clear()
        site.write("templates/page.mustache", "{{title}}!")
        #expect(await log.waitFor("templates/page.mustache"))
        // A file directly in the root is not watched.
        site.write("notes.md", "n")
        site.write("content/sentinel.md", "s")
        #expect(await log.waitFor("content/sentinel.md"))
        #expect(!log.paths.contains("notes.md"))
    }

    @Test(arguments: methods)
    func afterStopNothingIsDelivered(method: FileWatcher.Method) async throws {
        let site = WatchedSite()
        let watcher = try site.watch(method: method)
        let log = BatchLog(watcher)
        site.write("content/a.md", "a")
        #expect(await log.waitFor("content/a.md"))
        watcher.stop()
        watcher.stop()
        #expect(await log.wait { $0.ended })
        log.clear()
        site.write("content/b.md", "b")
        var iterator = watcher.batches.makeAsyncIterator()
        #expect(await iterator.next() == nil)
        #expect(log.batches.isEmpty)
    }

    #if os(Linux)
    @Test(arguments: methods)
    func stopEndsTheThreadAndClosesEveryDescriptor(method: FileWatcher.Method) async throws {
        let site = WatchedSite(files: ["content/sub/a.md": "a"])
        let before = openDescriptors()
        let watcher = try site.watch(method: method)
        let thread = watcher.watcherThread
        #expect(await eventually { thread.kernelID != nil })
        let kernelID = try #require(thread.kernelID)
        #expect(FileManager.default.fileExists(atPath: "/proc/self/task/\(kernelID)"))
        // The watcher's own descriptors: the stop pipe, and inotify's unless polling.
        let opened = openDescriptors().filter { before[$0.key] != $0.value }
        #expect(opened.values.filter { $0.hasPrefix("pipe:") }.count >= 2)
        if method == .automatic { #expect(opened.values.contains("anon_inode:inotify")) }
        watcher.stop()
        #expect(thread.descriptors.isEmpty)
        let after = openDescriptors()
        for (descriptor, target) in opened where target.hasPrefix("pipe:") || target == "anon_inode:inotify" {
            #expect(after[descriptor] != target, "descriptor \(descriptor) (\(target)) is still open")
        }
        // The thread ends right after its body has returned.
        #expect(await eventually { !FileManager.default.fileExists(atPath: "/proc/self/task/\(kernelID)") })
    }

    @Test func theWatchLimitAtTheStartGivesTheSysctlAndPolls() async throws {
        let site = WatchedSite()
        let notices = NoticeLog()
        let watcher = try FileWatcher(root: site.path, folders: ["content", "templates"], debounce: .milliseconds(50),
                                      pollInterval: .milliseconds(50), method: .automatic,
                                      addWatch: { _, _, _ in -ENOSPC }, onNotice: { notices.add($0) })
        defer { watcher.stop() }
        // Told before init returned.
        #expect(notices.all.count == 1)
        let notice = try #require(notices.all.first)
        #expect(notice.hasPrefix("the inotify watch limit is reached"))
        #expect(notice.contains("sudo sysctl fs.inotify.max_user_watches="))
        #expect(notice.contains("watching by polling every 50 ms instead"))
        #expect(watcher.isPolling)
        let log = BatchLog(watcher)
        site.write("content/a.md", "a")
        #expect(await log.waitFor("content/a.md"))
    }

    @Test func theWatchLimitForANewFolderSwitchesToPolling() async throws {
        let site = WatchedSite(files: ["content/a.md": "a"])
        let notices = NoticeLog()
        // The root and content/ get watches; the next one fails.
        let added = Atomic(0)
        let addWatch: FileWatcher.AddWatch = { descriptor, path, mask in
            guard added.add(1, ordering: .relaxed).newValue <= 2 else { return -ENOSPC }
            let watch = inotify_add_watch(descriptor, path, mask)
            return watch >= 0 ? watch : -errno
        }
        let watcher = try FileWatcher(root: site.path, folders: ["content"], debounce: .milliseconds(50),
                                      pollInterval: .milliseconds(50), method: .automatic,
                                      addWatch: addWatch, onNotice: { notices.add($0) })
        defer { watcher.stop() }
        #expect(notices.all.isEmpty)
        #expect(!watcher.isPolling)
        let log = BatchLog(watcher)
        site.mkdir("content/new")
        site.write("content/new/b.md", "b")
        #expect(await eventually { !notices.all.isEmpty })
        #expect(notices.all.count == 1)
        #expect(notices.all.first?.contains("fs.inotify.max_user_watches") == true)
        #expect(watcher.isPolling)
        // Whatever may have been missed is reported: every file.
        #expect(await log.wait { $0.paths.isSuperset(of: ["content/a.md", "content/new/b.md"]) })
        log.clear()
        site.write("content/new/b.md", "b, edited by polling")
        #expect(await log.waitFor("content/new/b.md"))
    }

    @Test func stoppingFromTheNoticeEndsTheWatcher() async throws {
        let site = WatchedSite()
        let box = Mutex<FileWatcher?>(nil)
        let added = Atomic(0)
        let addWatch: FileWatcher.AddWatch = { descriptor, path, mask in
            guard added.add(1, ordering: .relaxed).newValue <= 2 else { return -ENOSPC }
            let watch = inotify_add_watch(descriptor, path, mask)
            return watch >= 0 ? watch : -errno
        }
        let watcher = try FileWatcher(root: site.path, folders: ["content"], debounce: .milliseconds(50),
                                      pollInterval: .milliseconds(50), method: .automatic, addWatch: addWatch,
                                      onNotice: { _ in box.withLock { $0 }?.stop() })
        box.withLock { $0 = watcher }
        let thread = watcher.watcherThread
        #expect(await eventually { thread.kernelID != nil })
        let kernelID = try #require(thread.kernelID)
        let log = BatchLog(watcher)
        site.mkdir("content/new")
        #expect(await log.wait { $0.ended })
        #expect(await eventually { thread.descriptors.isEmpty })
        #expect(await eventually { !FileManager.default.fileExists(atPath: "/proc/self/task/\(kernelID)") })
        box.withLock { $0 = nil }
    }

    @Test func anOverflowReportsEveryFile() throws {
        let site = WatchedSite(files: ["content/a.md": "a", "content/sub/b.md": "b"])
        let watcher = try InotifyWatcher(root: site.path, folders: ["content", "templates"]) { descriptor, path, mask in
            let watch = inotify_add_watch(descriptor, path, mask)
            return watch >= 0 ? watch : -errno
        }
        defer { watcher.close() }
        #expect(watcher.files == ["content/a.md", "content/sub/b.md"])
        #expect(watcher.watchCount == 3)
        site.remove("content/a.md")
        site.write("content/sub/c.md", "c")
        var changed = Set<String>()
        try watcher.handle(watch: -1, mask: UInt32(IN_Q_OVERFLOW), name: "", changed: &changed)
        #expect(changed == ["content/a.md", "content/sub/b.md", "content/sub/c.md"])
        #expect(watcher.files == ["content/sub/b.md", "content/sub/c.md"])
        #expect(watcher.watchCount == 3)
    }
    #endif

    @Test(arguments: [".a.md.swp", ".a.md.swx", ".a.md.swo", "a.md~", "4913", ".git", ".DS_Store", ".#a.md", "#a.md#", ""])
    func droppings(name: String) {
        #expect(EditorDroppings.isDropping(name))
    }

    @Test(arguments: ["a.md", "2006-07-q3.md", "page.mustache", "site.yaml", "a.md.tmp", "49130", "a#b", "#", "swp", "a~b"])
    func notDroppings(name: String) {
        #expect(!EditorDroppings.isDropping(name))
    }

    @Test func aPathWithADroppingAnywhereIsADropping() {
        #expect(EditorDroppings.isDropping(path: "content/.git/config"))
        #expect(!EditorDroppings.isDropping(path: "content/performance/2006-07-q3.md"))
    }

    @Test func theDebouncerWaitsForQuiet() {
        var debouncer = WatchDebouncer(quiet: .milliseconds(100))
        let start = ContinuousClock.now
        #expect(debouncer.timeout(at: start) == -1)
        #expect(debouncer.take(at: start) == nil)
        debouncer.add(["content/a.md"], at: start)
        #expect(debouncer.timeout(at: start) == 100)
        debouncer.add(["content/b.md"], at: start + .milliseconds(60))
        #expect(debouncer.take(at: start + .milliseconds(100)) == nil)
        #expect(debouncer.timeout(at: start + .milliseconds(100)) == 60)
        #expect(debouncer.take(at: start + .milliseconds(160)) == ["content/a.md", "content/b.md"])
        #expect(debouncer.take(at: start + .seconds(5)) == nil)
        #expect(debouncer.timeout(at: start + .seconds(5)) == -1)
        debouncer.add([], at: start + .seconds(6))
        #expect(debouncer.timeout(at: start + .seconds(6)) == -1)
        #expect(WatchDebouncer.milliseconds(.microseconds(1)) == 1)
        #expect(WatchDebouncer.milliseconds(.milliseconds(-3)) == 0)
    }

    @Test func batchesTheConsumerWasTooBusyToTakeAreMerged() async {
        let channel = BatchChannel()
        channel.send(["content/a.md"])
        channel.send([])
        channel.send(["content/b.md", "content/a.md"])
        var iterator = FileBatches(channel: channel, owner: 0).makeAsyncIterator()
        #expect(await iterator.next() == ["content/a.md", "content/b.md"])
        let waiting = Task { await channel.next() }
        // The waiting consumer gets the next batch as it is.
        #expect(await eventually { channel.waiterCount == 1 })
        channel.send(["templates/page.mustache"])
        #expect(await waiting.value == ["templates/page.mustache"])
        channel.send(["content/c.md"])
        channel.finish()
        #expect(await iterator.next() == nil)
        channel.send(["content/d.md"])
        #expect(await iterator.next() == nil)
    }

    @Test func aCancelledConsumerGetsNil() async {
        let channel = BatchChannel()
        let waiting = Task { await channel.next() }
        waiting.cancel()
        #expect(await waiting.value == nil)
        channel.send(["content/a.md"])
        #expect(await channel.next() == ["content/a.md"])
    }
}

/// Descriptor → what it is (`pipe:[123]`, `anon_inode:inotify`, a path), from /proc/self/fd.
private func openDescriptors() -> [Int32: String] {
    var result: [Int32: String] = [:]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
        guard let descriptor = Int32(name),
              let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(name)") else { continue }
        result[descriptor] = target
    }
    return result
}
