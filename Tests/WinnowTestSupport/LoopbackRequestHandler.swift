import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1

/// One connection's request handling: records each request, asks the route for an answer and writes
/// it with the requested ``TestResponse/Delivery``.
final class LoopbackRequestHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let state: ServerState
    private var connection = 0
    private var head: HTTPRequestHead?
    private var current: InFlightRequest?

    init(state: ServerState) {
        self.state = state
    }

    func channelActive(context: ChannelHandlerContext) {
        connection = state.connectionOpened()
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        // A response cut short by a close (never-answering routes, aborted clients) still ends.
        current?.finish()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
        case .body:
            break
        case .end:
            guard let head else { return }
            self.head = nil
            let path = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? head.uri
            let request = RecordedRequest(
                method: head.method.rawValue, uri: head.uri, path: path,
                headers: head.headers.map { ($0.name, $0.value) }, connection: connection,
                receivedAt: .now)
            let response = state.requestArrived(request)
            let inFlight = InFlightRequest(state: state)
            current = inFlight
            ResponseWriter(channel: context.channel, response: response, inFlight: inFlight).start()
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}

/// Marks the end of one request at the server exactly once, whichever comes first: the last byte
/// written or the connection closing.
final class InFlightRequest: Sendable {
    private let state: ServerState
    private let done = NIOLockedValueBox(false)

    init(state: ServerState) {
        self.state = state
    }

    func finish() {
        let first = done.withLockedValue { done in
            defer { done = true }
            return !done
        }
        if first {
            state.requestFinished()
        }
    }
}

/// Writes one response through the channel (so it can continue from scheduled tasks).
struct ResponseWriter: Sendable {
    let channel: any Channel
    let response: TestResponse
    let inFlight: InFlightRequest

    func start() {
        switch response.delivery {
        case .normal:
            writeWhole()
        case .chunked(let chunkSize):
            channel.write(HTTPServerResponsePart.head(head(contentLength: nil)), promise: nil)
            var offset = 0
            while offset < response.body.count {
                let end = min(offset + max(1, chunkSize), response.body.count)
                channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: response.body[offset..<end]))),
                                      promise: nil)
                offset = end
            }
            end()
        case .truncated(let declaredLength):
            channel.write(HTTPServerResponsePart.head(head(contentLength: declaredLength)), promise: nil)
            channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: response.body))))
                .whenComplete { [channel, inFlight] _ in
                    inFlight.finish()
                    channel.close(promise: nil)
                }
        case .drip(let interval):
            channel.writeAndFlush(HTTPServerResponsePart.head(head(contentLength: response.body.count)), promise: nil)
            drip(from: 0, every: TimeAmount(interval))
        case .delayed(let delay):
            channel.eventLoop.scheduleTask(in: TimeAmount(delay)) { writeWhole() }
        case .neverRespond:
            break
        case .closeWithoutResponse:
            inFlight.finish()
            channel.close(promise: nil)
        }
    }

    private func writeWhole() {
        channel.write(HTTPServerResponsePart.head(head(contentLength: response.body.count)), promise: nil)
        if !response.body.isEmpty {
            channel.write(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: response.body))), promise: nil)
        }
        end()
    }

    private func end() {
        channel.writeAndFlush(HTTPServerResponsePart.end(nil)).whenComplete { [inFlight] _ in inFlight.finish() }
    }

    private func drip(from index: Int, every interval: TimeAmount) {
        guard channel.isActive else { return }
        guard index < response.body.count else {
            end()
            return
        }
        channel.eventLoop.scheduleTask(in: interval) {
            channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: response.body[index...index]))),
                                  promise: nil)
            drip(from: index + 1, every: interval)
        }
    }

    /// The response head; without `contentLength` NIO's encoder switches to chunked encoding.
    private func head(contentLength: Int?) -> HTTPResponseHead {
        var headers = HTTPHeaders(response.headers)
        if let contentLength {
            headers.replaceOrAdd(name: "Content-Length", value: String(contentLength))
        }
        return HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
    }
}

