/// How gently ``PoliteFetcher`` treats servers. Defaults suit crawling other people's sites; the
/// benchmark lifts them with ``unthrottled``.
public struct PolitenessPolicy: Sendable {
    /// Skip robots.txt entirely (only with the site owner's permission).
    public var ignoreRobots: Bool
    /// The product token matched against robots.txt `User-agent` lines; nil = the first token of the
    /// fetcher's User-Agent (`Winnow`).
    public var robotsUserAgent: String?
    /// Largest robots.txt read; the rest is ignored, as RFC 9309 allows (it requires at least 500 KiB).
    public var maxRobotsBytes: Int
    /// Most requests in flight to one host (scheme, host and port) at once.
    public var maxConcurrentPerHost: Int
    /// Least time between the starts of two requests to one host.
    public var minDelayPerHost: Duration
    /// A robots.txt `Crawl-delay` raises the per-host delay, but never above this.
    public var maxCrawlDelay: Duration
    /// Most requests in flight across all hosts.
    public var maxConcurrentTotal: Int
    /// Tries per request, the first included; retries happen only for transient failures.
    public var maxAttempts: Int
    /// Backoff before the first retry; doubles per retry, with jitter.
    public var retryBaseDelay: Duration
    /// Backoff never exceeds this.
    public var retryMaxDelay: Duration
    /// A 429/503 `Retry-After` is honoured up to this wait.
    public var maxRetryAfter: Duration

    public init(
        ignoreRobots: Bool = false,
        robotsUserAgent: String? = nil,
        maxRobotsBytes: Int = 512 * 1024,
        maxConcurrentPerHost: Int = 2,
        minDelayPerHost: Duration = .seconds(1),
        maxCrawlDelay: Duration = .seconds(30),
        maxConcurrentTotal: Int = 32,
        maxAttempts: Int = 3,
        retryBaseDelay: Duration = .milliseconds(500),
        retryMaxDelay: Duration = .seconds(30),
        maxRetryAfter: Duration = .seconds(120)
    ) {
        self.ignoreRobots = ignoreRobots
        self.robotsUserAgent = robotsUserAgent
        self.maxRobotsBytes = maxRobotsBytes
        self.maxConcurrentPerHost = max(1, maxConcurrentPerHost)
        self.minDelayPerHost = minDelayPerHost
        self.maxCrawlDelay = maxCrawlDelay
        self.maxConcurrentTotal = max(1, maxConcurrentTotal)
        self.maxAttempts = max(1, maxAttempts)
        self.retryBaseDelay = retryBaseDelay
        self.retryMaxDelay = retryMaxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    /// No per-host delay and limits high enough not to matter; robots.txt is still obeyed.
    /// For benchmarks against servers we own.
    public static let unthrottled = PolitenessPolicy(
        maxConcurrentPerHost: 1024, minDelayPerHost: .zero, maxCrawlDelay: .zero, maxConcurrentTotal: 1024,
        maxAttempts: 1)

    /// The wait before retry number `retry` (1 = first retry): exponential, capped, and jittered
    /// to between half and all of it so that clients failing together do not retry together.
    public func backoff(beforeRetry retry: Int) -> Duration {
        let exponential = retryBaseDelay * Double(1 << min(max(retry - 1, 0), 20))
        let capped = min(exponential, retryMaxDelay)
        return capped * Double.random(in: 0.5...1.0)
    }
}
