import Foundation

/// One redirect that was followed.
public struct Redirect: Sendable, Hashable {
    /// The URL that answered with the redirect.
    public let from: String
    /// The absolute URL it pointed to (the `Location` resolved against `from`).
    public let to: String
    /// The redirect status (301, 302, 303, 307 or 308).
    public let status: Int

    public init(from: String, to: String, status: Int) {
        self.from = from
        self.to = to
        self.status = status
    }
}

/// libcurl's timings for the final hop, each measured from the start of that hop.
public struct TransferTiming: Sendable, Hashable {
    /// Until the host name was resolved.
    public let nameLookup: Duration
    /// Until the TCP connection was up.
    public let connect: Duration
    /// Until the TLS handshake was done (zero for plain http).
    public let tlsHandshake: Duration
    /// Until the first response byte arrived.
    public let firstByte: Duration
    /// The whole hop.
    public let total: Duration

    public init(nameLookup: Duration, connect: Duration, tlsHandshake: Duration, firstByte: Duration, total: Duration) {
        self.nameLookup = nameLookup
        self.connect = connect
        self.tlsHandshake = tlsHandshake
        self.firstByte = firstByte
        self.total = total
    }
}

/// The final answer to a ``FetchRequest`` after redirects. Any status is a response here, including
/// 304 Not Modified and 4xx/5xx; ``PoliteFetcher`` is the layer that turns error statuses into errors.
public struct FetchResponse: Sendable {
    /// The URL that was asked for.
    public let requestedURL: String
    /// The HTTP status of the final hop.
    public let status: Int
    /// The URL of the final hop, after all redirects.
    public let finalURL: String
    /// The redirects followed, in order; empty when the first hop answered.
    public let redirects: [Redirect]
    /// The headers of the final hop.
    public let headers: HTTPHeaderFields
    /// The body of the final hop, already decoded from gzip/deflate/br/zstd by libcurl.
    public let body: [UInt8]
    /// `HTTP/1.0`, `HTTP/1.1`, `HTTP/2` or `HTTP/3` for the final hop.
    public let httpVersion: String
    /// Wall time of the whole fetch including every redirect hop.
    public let elapsed: Duration
    /// libcurl's breakdown of the final hop.
    public let timing: TransferTiming
    /// When the final response was received.
    public let fetchedAt: Date

    public init(
        requestedURL: String, status: Int, finalURL: String, redirects: [Redirect], headers: HTTPHeaderFields,
        body: [UInt8], httpVersion: String, elapsed: Duration, timing: TransferTiming, fetchedAt: Date
    ) {
        self.requestedURL = requestedURL
        self.status = status
        self.finalURL = finalURL
        self.redirects = redirects
        self.headers = headers
        self.body = body
        self.httpVersion = httpVersion
        self.elapsed = elapsed
        self.timing = timing
        self.fetchedAt = fetchedAt
    }

    /// The full `Content-Type` header value, parameters included.
    public var contentType: String? { headers["Content-Type"] }

    /// The media type of `Content-Type`, lowercased and without parameters (`text/html`).
    public var mimeType: String? {
        guard let contentType else { return nil }
        let type = contentType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? contentType
        let trimmed = type.trimmingCharacters(in: .whitespaces).lowercased()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The `charset` parameter of `Content-Type`, lowercased and unquoted (`utf-8`), or nil when absent.
    /// The HTML layer should prefer this over `<meta charset>`.
    public var charset: String? {
        contentType.flatMap(ContentTypeParameters.charset(in:))
    }

    /// The `ETag` header, verbatim, to store for the next conditional request.
    public var etag: String? { headers["ETag"] }

    /// The `Last-Modified` header, verbatim, to store for the next conditional request.
    public var lastModified: String? { headers["Last-Modified"] }

    /// The raw `Retry-After` header; see ``RetryAfter`` to interpret it.
    public var retryAfter: String? { headers["Retry-After"] }

    /// Whether a conditional request found the page unchanged (304).
    public var isNotModified: Bool { status == 304 }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// Validators to send with the next request for the same page.
    public var conditionalHeaders: ConditionalHeaders? {
        let validators = ConditionalHeaders(etag: etag, lastModified: lastModified)
        return validators.isEmpty ? nil : validators
    }
}

/// Parsing of `Content-Type` parameters, kept apart because robots.txt and the HTML layer need it too.
enum ContentTypeParameters {
    /// The `charset` parameter, lowercased, without quotes; nil when missing or empty.
    static func charset(in contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2,
                  pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            value = value.trimmingCharacters(in: .whitespaces).lowercased()
            return value.isEmpty ? nil : value
        }
        return nil
    }
}
