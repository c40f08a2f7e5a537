import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// The preview's HTTP server: FlyingFox on one address, answering from the site in memory through
/// `PreviewRoutes`, with the live reload event stream. Nothing is read from or written to disk.
///
///     let server = try PreviewServer(site: site, host: "127.0.0.1", port: 8080, basePath: "/ict/")
///     let serving = Task { try await server.run() }
///     let port = try await server.boundPort()   // the port the system chose when 0 was asked
///     serving.cancel()                           // ends the event streams, then the server
final class PreviewServer: Sendable {
    let site: PreviewSite
    let host: String
    /// The port asked for; 0 lets the system choose, and `boundPort()` tells which it chose.
    let port: UInt16
    let routes: PreviewRoutes
    private let http: HTTPServer
    private let streams: EventStreams
    /// Why `run()` ended, so that `boundPort()` stops waiting.
    private let failure = Mutex<(any Error)?>(nil)

    /// `basePath`: the path of `base_url` (`/ict/`), or `/`. Throws for a host that is not an IP
    /// address nor `localhost`.
    init(site: PreviewSite, host: String = PreviewHost.defaultHost, port: UInt16, basePath: String,
         pingInterval: Duration = .seconds(15)) throws {
        self.site = site
        self.host = host
        self.port = port
        let routes = PreviewRoutes(basePath: basePath, loopbackHostsOnly: PreviewHost.isLoopback(host))
        self.routes = routes
        let streams = EventStreams(basePath: routes.basePath, pingInterval: pingInterval)
        self.streams = streams
        let address = try PreviewHost.address(host: host, port: port)
        // FlyingFox answers 500 when a handler runs past this. Ours only read the published
        // snapshot, so a long limit costs nothing, and a machine whose cores are all busy (a build
        // beside the preview, or CI) does not turn a slow answer into an error.
        http = HTTPServer(address: address, timeout: 120, logger: .disabled,
                          handler: Handler(site: site, routes: routes, streams: streams))
    }

    /// Serves until the task running it is cancelled; then ends every event stream cleanly (so
    /// that open pages reconnect when a server is back) and closes the connections, and returns.
    /// Throws `CannotListen` when the address cannot be bound (the port is taken, say).
    func run() async throws {
        let http = self.http
        let streams = self.streams
        let serving = Task { try await http.run() }
        do {
            try await withTaskCancellationHandler {
                try await serving.value
            } onCancel: {
                Task {
                    streams.finishAll()
                    await http.stop(timeout: 0.5) // lets the streams' last bytes leave, then closes
                    serving.cancel()            // in case it was not listening yet
                }
            }
        } catch {
            guard !Task.isCancelled else { return }
            var failure = error
            if case SocketError.failed(let call, _, let message) = error, ["bind", "listen"].contains(call.lowercased()) {
                failure = CannotListen(host: host, port: port, reason: message)
            }
            self.failure.withLock { [failure] in $0 = failure }
            throw failure
        }
    }

    struct CannotListen: Error, CustomStringConvertible {
        var host: String
        var port: UInt16
        var reason: String
        var description: String {
            "cannot listen on \(host):\(port): \(reason)"
        }
    }

    struct NotListening: Error, CustomStringConvertible {
        var description: String { "the preview server did not start listening" }
    }

    /// The port the server listens on, once it does (the one the system chose when 0 was asked).
    /// Throws `run()`'s error if it failed, or `NotListening` after `timeout`.
    func boundPort(timeout: Duration = .seconds(10)) async throws -> UInt16 {
        let deadline = ContinuousClock.now + timeout
        while await !http.isListening {
            if let failure = failure.withLock({ $0 }) { throw failure }
            guard ContinuousClock.now < deadline else { throw NotListening() }
            try await Task.sleep(for: .milliseconds(10))
        }
        switch await http.listeningAddress {
        case .ip4(_, let port)?, .ip6(_, let port)?: return port
        default: throw NotListening()
        }
    }

    /// The address to print: `http://127.0.0.1:8080/ict/`.
    func url() async throws -> String {
        PreviewHost.url(host: host, port: try await boundPort(), basePath: routes.basePath)
    }

    /// Event streams open now: one per listening page.
    var openStreams: Int { streams.count }

    private struct Handler: HTTPHandler {
        let site: PreviewSite
        let routes: PreviewRoutes
        let streams: EventStreams

        func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
            let preview = PreviewRequest(method: request.method.rawValue, request.target.rawValue,
                                         ifNoneMatch: request.headers[.ifNoneMatch], host: request.headers[.host])
            // Listen before reading the snapshot: a rebuild published in between is then both in
            // the stale check and in the stream, never in neither.
            let changes = routes.isEventStream(preview) ? site.changes() : nil
            let response = routes.respond(to: preview, in: site.snapshot)
            var headers = HTTPHeaders()
            for (name, value) in response.headers { headers[HTTPHeader(name)] = value }
            let status = HTTPStatusCode(response.status, phrase: Self.phrases[response.status] ?? "Status \(response.status)")
            if let stream = response.eventStream, let changes {
                let bytes = streams.open(first: stream.first, changes: changes)
                return HTTPResponse(statusCode: status, headers: headers, body: HTTPBodySequence(from: bytes))
            }
            return HTTPResponse(statusCode: status, headers: headers, body: Data(response.body))
        }

        static let phrases = [200: "OK", 302: "Found", 304: "Not Modified", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
                              405: "Method Not Allowed", 500: "Internal Server Error"]
    }
}

extension PreviewRoutes {
    /// A GET of the live reload stream (a HEAD only has its headers).
    func isEventStream(_ request: PreviewRequest) -> Bool {
        guard request.method == "GET", case .success(let target) = PreviewTarget.parse(request.target) else { return false }
        return target.path == LiveReload.eventsPath
    }
}

/// The open live reload streams, so that shutting down can end each one.
private final class EventStreams: Sendable {
    let basePath: String
    let pingInterval: Duration
    private let state = Mutex<(open: [Int: AsyncStream<[UInt8]>.Continuation], next: Int, stopped: Bool)>(([:], 0, false))

    init(basePath: String, pingInterval: Duration) {
        self.basePath = basePath
        self.pingInterval = pingInterval
    }

    var count: Int { state.withLock { $0.open.count } }

    /// The stream's bytes: the opening, `first` if any, a `reload` event per change and a comment
    /// ping now and then, until the server stops or the client goes away.
    func open(first: String?, changes: AsyncStream<PreviewSite.Change>) -> EventBytes {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(64))
        continuation.yield(Array(LiveReload.opening.utf8))
        if let first { continuation.yield(Array(first.utf8)) }
        let basePath = self.basePath
        let pingInterval = self.pingInterval
        let producer = Task {
            // Each half ends when the stream has been finished (its yield says so) or is cancelled.
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await change in changes {
                        let event = Array(LiveReload.event(for: change, basePath: basePath).utf8)
                        if case .terminated = continuation.yield(event) { return }
                    }
                }
                group.addTask {
                    while (try? await Task.sleep(for: pingInterval)) != nil {
                        if case .terminated = continuation.yield(Array(LiveReload.ping.utf8)) { return }
                    }
                }
                await group.next()
                group.cancelAll()
            }
            continuation.finish()
        }
        let id = state.withLock { state in
            state.next += 1
            return state.next
        }
        continuation.onTermination = { [weak self] _ in
            producer.cancel()
            _ = self?.state.withLock { $0.open.removeValue(forKey: id) }
        }
        let stopped = state.withLock { state in
            if !state.stopped { state.open[id] = continuation }
            return state.stopped
        }
        if stopped { continuation.finish() }
        return EventBytes(stream: stream, continuation: continuation)
    }

    /// Ends every stream, and any opened from now on.
    func finishAll() {
        let open = state.withLock { state in
            state.stopped = true
            return Array(state.open.values)
        }
        for continuation in open { continuation.finish() }
    }
}

/// An event stream's bytes as FlyingFox sends a body: each event leaves as soon as it is made
/// (one chunk of the chunked encoding). When FlyingFox stops reading (the client went away), the
/// last iterator's end finishes the stream, which stops its producer.
private struct EventBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let stream: AsyncStream<[UInt8]>
    let continuation: AsyncStream<[UInt8]>.Continuation

    func makeAsyncIterator() -> Iterator {
        Iterator(chunks: stream.makeAsyncIterator(), end: End(continuation))
    }

    final class End: Sendable {
        let continuation: AsyncStream<[UInt8]>.Continuation
        init(_ continuation: AsyncStream<[UInt8]>.Continuation) { self.continuation = continuation }
        deinit { continuation.finish() }
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var chunks: AsyncStream<[UInt8]>.Iterator
        let end: End
        var pending: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            guard await fill() else { return nil }
            return pending.popFirst()
        }

        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            guard await fill() else { return nil }
            let buffer = pending.prefix(Swift.max(1, count))
            pending = pending.dropFirst(buffer.count)
            return buffer
        }

        private mutating func fill() async -> Bool {
            while pending.isEmpty {
                guard let chunk = await chunks.next() else { return false }
                pending = chunk[...]
            }
            return true
        }
    }
}
