/// What a test route answers, and how the bytes go out.
public struct TestResponse: Sendable {
    /// How the response is put on the wire; the odd ones model broken or hostile servers.
    public enum Delivery: Sendable {
        /// Head with `Content-Length`, then the whole body.
        case normal
        /// `Transfer-Encoding: chunked`, `chunkSize` bytes per chunk.
        case chunked(chunkSize: Int)
        /// Announces `declaredLength` bytes, sends the (shorter) body, then closes the connection.
        case truncated(declaredLength: Int)
        /// Head at once, then one body byte every `interval`.
        case drip(interval: Duration)
        /// Waits `delay`, then answers normally; for observing concurrency at the server.
        case delayed(Duration)
        /// Reads the request and never answers, keeping the connection open.
        case neverRespond
        /// Closes the connection without answering.
        case closeWithoutResponse
    }

    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]
    public var delivery: Delivery

    public init(status: Int = 200, headers: [(String, String)] = [], body: [UInt8] = [], delivery: Delivery = .normal) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delivery = delivery
    }

    /// 200 with a text body.
    public static func text(_ text: String, status: Int = 200, contentType: String = "text/html; charset=utf-8",
                            headers: [(String, String)] = []) -> TestResponse {
        TestResponse(status: status, headers: [("Content-Type", contentType)] + headers, body: Array(text.utf8))
    }

    /// A bodyless answer with just a status.
    public static func status(_ status: Int, headers: [(String, String)] = []) -> TestResponse {
        TestResponse(status: status, headers: headers)
    }

    /// A redirect to `location` (absolute or relative).
    public static func redirect(to location: String, status: Int = 302) -> TestResponse {
        TestResponse(status: status, headers: [("Location", location)])
    }

    /// Returns a copy delivered differently.
    public func delivered(_ delivery: Delivery) -> TestResponse {
        var copy = self
        copy.delivery = delivery
        return copy
    }
}

/// A request as the test server saw it.
public struct RecordedRequest: Sendable {
    public let method: String
    /// The request target as sent, query included.
    public let uri: String
    /// The target without its query.
    public let path: String
    /// Header lines in arrival order.
    public let headers: [(String, String)]
    /// Which accepted connection carried it (1-based), to observe connection reuse.
    public let connection: Int
    /// When the complete request had arrived.
    public let receivedAt: ContinuousClock.Instant

    /// The first value of header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}
