import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// An HTTP/1.1 server on 127.0.0.1 with a kernel-chosen port, answering routes registered by a test
/// and recording everything it receives. Never binds anything but the loopback address.
///
/// Prefer ``withServer(_:)``, which stops the server even when the test throws.
public final class LoopbackServer: Sendable {
    /// Produces the answer for a request; `hit` counts requests to the same path, starting at 1.
    public typealias Handler = @Sendable (_ request: RecordedRequest, _ hit: Int) -> TestResponse

    /// The port the kernel picked.
    public let port: Int
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    let state: ServerState

    private init(port: Int, group: MultiThreadedEventLoopGroup, channel: any Channel, state: ServerState) {
        self.port = port
        self.group = group
        self.channel = channel
        self.state = state
    }

    /// Binds 127.0.0.1:0 and starts serving.
    public static func start() async throws -> LoopbackServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let state = ServerState()
        do {
            let channel = try await ServerBootstrap(group: group)
                .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline(withPipeliningAssistance: false)
                        try channel.pipeline.syncOperations.addHandler(LoopbackRequestHandler(state: state))
                    }
                }
                .bind(host: "127.0.0.1", port: 0)
                .get()
            guard let port = channel.localAddress?.port else {
                throw LoopbackServerError.noPort
            }
            return LoopbackServer(port: port, group: group, channel: channel, state: state)
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    /// Runs `body` with a fresh server and stops the server afterwards, also when `body` throws.
    public static func withServer<T>(_ body: (LoopbackServer) async throws -> T) async throws -> T {
        let server = try await start()
        do {
            let result = try await body(server)
            try await server.stop()
            return result
        } catch {
            try? await server.stop()
            throw error
        }
    }

    /// Closes the listening socket and every open connection.
    public func stop() async throws {
        try? await channel.close()
        try await group.shutdownGracefully()
    }

    /// `http://127.0.0.1:<port>`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The absolute URL of `path` on this server.
    public func url(_ path: String) -> String { baseURL + path }

    /// Answers requests to `path` (query ignored) by calling `handler`; unknown paths get 404.
    public func route(_ path: String, _ handler: @escaping Handler) {
        state.setRoute(path, handler)
    }

    /// Answers requests to `path` with a fixed response.
    public func route(_ path: String, _ response: TestResponse) {
        state.setRoute(path) { _, _ in response }
    }

    /// Every request received so far, in arrival order.
    public var requests: [RecordedRequest] { state.snapshot.requests }

    /// The requests to `path`, in arrival order.
    public func requests(to path: String) -> [RecordedRequest] {
        requests.filter { $0.path == path }
    }

    /// How many requests `path` received.
    public func requestCount(_ path: String) -> Int {
        requests(to: path).count
    }

    /// How many TCP connections were accepted.
    public var connectionCount: Int { state.snapshot.connections }

    /// The most requests that were being answered at the same time.
    public var maxConcurrentRequests: Int { state.snapshot.maxInFlight }
}

/// Why the server could not start.
public enum LoopbackServerError: Error {
    /// The bound socket reported no port; should not happen for TCP.
    case noPort
}

/// Routes and observations, shared by the server's connections.
final class ServerState: Sendable {
    struct Snapshot {
        var routes: [String: LoopbackServer.Handler] = [:]
        var hits: [String: Int] = [:]
        var requests: [RecordedRequest] = []
        var connections = 0
        var inFlight = 0
        var maxInFlight = 0
    }

    private let box = NIOLockedValueBox(Snapshot())

    var snapshot: Snapshot { box.withLockedValue { $0 } }

    func setRoute(_ path: String, _ handler: @escaping LoopbackServer.Handler) {
        box.withLockedValue { $0.routes[path] = handler }
    }

    func connectionOpened() -> Int {
        box.withLockedValue { state in
            state.connections += 1
            return state.connections
        }
    }

    /// Records the request and returns the handler's answer (404 for unknown paths).
    func requestArrived(_ request: RecordedRequest) -> TestResponse {
        let (handler, hit): (LoopbackServer.Handler?, Int) = box.withLockedValue { state in
            state.requests.append(request)
            state.inFlight += 1
            state.maxInFlight = max(state.maxInFlight, state.inFlight)
            let hit = state.hits[request.path, default: 0] + 1
            state.hits[request.path] = hit
            return (state.routes[request.path], hit)
        }
        // Called outside the lock so handlers may look at the server.
        return handler?(request, hit) ?? .text("no route for \(request.path)", status: 404, contentType: "text/plain")
    }

    func requestFinished() {
        box.withLockedValue { $0.inFlight -= 1 }
    }
}
