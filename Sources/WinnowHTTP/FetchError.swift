/// Why a fetch failed. Every failure of ``Fetcher`` and ``PoliteFetcher`` is one of these.
///
/// `message` is meant for people: it names the URL, says what went wrong and what to try.
public struct FetchError: Error, Sendable, CustomStringConvertible {
    /// The category of failure; raw values are stable and appear in reports and snapshots.
    public enum Kind: String, Sendable, CaseIterable {
        /// The host name could not be resolved (typo, no network, or the domain no longer exists).
        case dns
        /// No TCP connection could be made (refused, unreachable, or the connect timeout expired).
        case connect
        /// The transfer exceeded the total timeout or stayed under the low-speed limit too long.
        case timeout
        /// The TLS handshake or certificate verification failed.
        case tls
        /// The server answered with an HTTP error status (4xx/5xx); `status` holds it.
        /// ``Fetcher`` returns such answers as responses; ``PoliteFetcher`` turns them into this error.
        case http
        /// The body exceeded the configured maximum size and the transfer was aborted.
        case tooLarge = "too_large"
        /// robots.txt of the host disallows this URL for our user agent.
        case robots
        /// The URL could not be parsed or has no host.
        case invalidURL = "invalid_url"
        /// A redirect pointed back to a URL already visited in the same fetch.
        case redirectLoop = "redirect_loop"
        /// More redirects than the configured maximum were followed.
        case tooManyRedirects = "too_many_redirects"
        /// The URL, or a redirect target, uses a scheme other than http or https.
        case unsupportedScheme = "unsupported_scheme"
        /// The connection broke during the transfer (reset, closed early, empty or malformed reply).
        case network
        /// The body could not be decoded from its `Content-Encoding` (corrupt gzip/br/zstd data).
        case badEncoding = "bad_encoding"
        /// The calling task was cancelled or the fetcher shut down before the transfer finished.
        case cancelled
        /// libcurl failed in a way that none of the other kinds describe; see `curlCode`.
        case other
    }

    /// The category of failure.
    public let kind: Kind
    /// The URL being fetched when the failure happened (for redirects, the hop that failed).
    public let url: String
    /// What failed, on what input, and what to do about it.
    public let message: String
    /// The HTTP status for ``Kind/http`` errors.
    public let status: Int?
    /// libcurl's `CURLcode` when the failure came from libcurl.
    public let curlCode: Int?

    /// Creates an error; `message` should name the URL and suggest a remedy.
    public init(kind: Kind, url: String, message: String, status: Int? = nil, curlCode: Int? = nil) {
        self.kind = kind
        self.url = url
        self.message = message
        self.status = status
        self.curlCode = curlCode
    }

    public var description: String {
        "\(kind.rawValue): \(message)"
    }

    /// Whether trying again later may succeed: timeouts, refused connections, broken transfers and
    /// server-side (5xx) or rate-limit (429) statuses.
    public var isTransient: Bool {
        switch kind {
        case .timeout, .connect, .network:
            return true
        case .http:
            guard let status else { return false }
            return status >= 500 || status == 429
        default:
            return false
        }
    }
}
