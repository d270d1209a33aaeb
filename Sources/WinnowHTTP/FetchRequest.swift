import Foundation

/// Validators from an earlier fetch of the same URL; sent as `If-None-Match` / `If-Modified-Since`
/// so an unchanged page costs a 304 instead of a full body.
public struct ConditionalHeaders: Sendable, Hashable {
    /// The `ETag` of the earlier response, sent verbatim (quotes and `W/` included).
    public var etag: String?
    /// The `Last-Modified` of the earlier response, sent verbatim.
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    /// Whether there is anything to send.
    public var isEmpty: Bool { etag == nil && lastModified == nil }
}

/// One GET request. Redirects are followed by the fetcher; the request describes only the first hop.
public struct FetchRequest: Sendable, Hashable {
    /// The absolute http(s) URL to fetch. Kept as text so that a malformed URL becomes an
    /// ``FetchError/Kind/invalidURL`` error at fetch time rather than a crash at the call site.
    public var url: String
    /// Validators for a conditional request; the conditional headers go to every hop.
    public var conditional: ConditionalHeaders?
    /// Extra request headers; they override the defaults (e.g. `User-Agent`, `Accept`).
    public var headers: [String: String]

    public init(url: String, conditional: ConditionalHeaders? = nil, headers: [String: String] = [:]) {
        self.url = url
        self.conditional = conditional
        self.headers = headers
    }

    public init(url: URL, conditional: ConditionalHeaders? = nil, headers: [String: String] = [:]) {
        self.init(url: url.absoluteString, conditional: conditional, headers: headers)
    }
}
