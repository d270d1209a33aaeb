/// Transport settings for ``Fetcher``; the same for every request it makes.
public struct FetcherConfiguration: Sendable {
    /// The version reported in the default User-Agent.
    public static let winnowVersion = "0.1.0"

    /// The default `User-Agent`; robots.txt groups are matched against its product token `Winnow`.
    public static let defaultUserAgent = "Winnow/\(winnowVersion) (+https://github.com/winnow)"

    /// Sent as `User-Agent` on every request unless a request overrides it.
    public var userAgent: String
    /// Longest time to wait for the TCP (and TLS) connection of one hop.
    public var connectTimeout: Duration
    /// Longest time one hop may take from start to last byte.
    public var totalTimeout: Duration
    /// A hop is aborted as a timeout when it stays under `lowSpeedLimit` bytes per second ...
    public var lowSpeedLimit: Int
    /// ... for this long. Catches servers that drip bytes and would otherwise hold a slot for the
    /// whole total timeout.
    public var lowSpeedTime: Duration
    /// Largest decoded body accepted; larger ones abort with ``FetchError/Kind/tooLarge``.
    public var maxBodyBytes: Int
    /// Most redirects followed per fetch before ``FetchError/Kind/tooManyRedirects``.
    public var maxRedirects: Int
    /// Ask for HTTP/2 over TLS when the server offers it (ALPN); plain http stays HTTP/1.1.
    public var preferHTTP2: Bool
    /// Size of libcurl's connection cache, shared by all transfers, so that keep-alive connections
    /// survive between requests to the same host.
    public var maxCachedConnections: Int
    /// Fixed name → address mappings, like `curl --resolve`. Lets tests give several host names to
    /// one loopback server; production code leaves it empty.
    public var hostOverrides: [HostOverride]

    /// A fixed address for `host:port`.
    public struct HostOverride: Sendable, Hashable {
        public var host: String
        public var port: Int
        public var address: String

        public init(host: String, port: Int, address: String) {
            self.host = host
            self.port = port
            self.address = address
        }
    }

    public init(
        userAgent: String = FetcherConfiguration.defaultUserAgent,
        connectTimeout: Duration = .seconds(10),
        totalTimeout: Duration = .seconds(30),
        lowSpeedLimit: Int = 64,
        lowSpeedTime: Duration = .seconds(15),
        maxBodyBytes: Int = 20 * 1024 * 1024,
        maxRedirects: Int = 10,
        preferHTTP2: Bool = true,
        maxCachedConnections: Int = 256,
        hostOverrides: [HostOverride] = []
    ) {
        self.userAgent = userAgent
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.lowSpeedLimit = lowSpeedLimit
        self.lowSpeedTime = lowSpeedTime
        self.maxBodyBytes = maxBodyBytes
        self.maxRedirects = maxRedirects
        self.preferHTTP2 = preferHTTP2
        self.maxCachedConnections = maxCachedConnections
        self.hostOverrides = hostOverrides
    }
}

extension Duration {
    /// Whole milliseconds, rounded up so that a tiny positive duration never becomes curl's "0 = no limit".
    var wholeMilliseconds: Int {
        let (seconds, attoseconds) = components
        let millis = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        let remainder = attoseconds % 1_000_000_000_000_000
        return Int(millis) + (remainder > 0 ? 1 : 0)
    }

    /// Seconds as a floating-point number.
    var secondsDouble: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
