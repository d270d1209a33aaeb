// One hop is one HTTP request/response without following redirects; ``Fetcher`` chains hops.

/// What one hop (one request without following redirects) produced.
struct HopResponse: Sendable {
    let url: String
    let status: Int
    let headers: HTTPHeaderFields
    let body: [UInt8]
    let httpVersion: String
    let timing: TransferTiming
}

/// The settings of one hop: the fetcher's configuration plus the request's own headers.
struct HopRequest: Sendable {
    let url: String
    let headers: [String: String]
    let conditional: ConditionalHeaders?
    let configuration: FetcherConfiguration
}
