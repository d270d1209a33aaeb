import Foundation
import Logging

/// Fetches URLs with libcurl's multi interface: many concurrent transfers on one background thread,
/// keep-alive connection reuse and HTTP/2 multiplexing, redirects followed and recorded in Swift.
///
/// No politeness here: no robots.txt, no per-host limits, no retries. Use ``PoliteFetcher`` for
/// crawling; use this directly for benchmarks or single URLs the user asked for.
///
/// Every status, 4xx and 5xx included, comes back as a ``FetchResponse``; only transport failures throw.
/// Cancelling the calling task aborts its transfer with ``FetchError/Kind/cancelled``.
public final class Fetcher: Sendable {
    /// The settings every request uses.
    public let configuration: FetcherConfiguration
    private let loop: CurlEventLoop
    private let logger: Logger

    /// Redirect statuses that carry a `Location` to follow; 300 and 304 are answers, not redirects.
    private static let redirectStatuses: Set<Int> = [301, 302, 303, 307, 308]

    /// Starts the transfer thread; it ends when the fetcher is released.
    public init(configuration: FetcherConfiguration = FetcherConfiguration(),
                logger: Logger = Logger(label: "winnow.http")) {
        self.configuration = configuration
        self.logger = logger
        loop = CurlEventLoop(maxCachedConnections: configuration.maxCachedConnections)
    }

    deinit {
        loop.shutdown()
    }

    /// Fetches `request.url`, following up to `configuration.maxRedirects` redirects.
    ///
    /// - Throws: ``FetchError`` for invalid or non-http(s) URLs and redirect targets, redirect loops,
    ///   too many redirects, and every transport failure (DNS, connect, TLS, timeout, broken transfer,
    ///   oversize body, cancellation).
    public func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchResponse {
        let clock = ContinuousClock()
        let start = clock.now
        var current = try FetchURL.validated(request.url)
        var visited: Set<String> = [current.absoluteString]
        var redirects: [Redirect] = []

        while true {
            let hop = try await performHop(HopRequest(
                url: current.absoluteString, headers: request.headers,
                conditional: request.conditional, configuration: configuration))
            logger.debug("fetched", metadata: ["url": "\(hop.url)", "status": "\(hop.status)"])

            guard Self.redirectStatuses.contains(hop.status),
                  let location = hop.headers["Location"], !location.isEmpty else {
                return FetchResponse(
                    requestedURL: request.url, status: hop.status, finalURL: hop.url, redirects: redirects,
                    headers: hop.headers, body: hop.body, httpVersion: hop.httpVersion,
                    elapsed: clock.now - start, timing: hop.timing, fetchedAt: Date())
            }

            let next = try FetchURL.redirectTarget(location, from: current)
            let chain = (redirects.map(\.from) + [current.absoluteString, next.absoluteString]).joined(separator: " → ")
            if visited.contains(next.absoluteString) {
                throw FetchError(kind: .redirectLoop, url: request.url,
                                 message: "\(request.url) redirects in a loop (\(chain)); the site is misconfigured, report or skip it")
            }
            if redirects.count >= configuration.maxRedirects {
                throw FetchError(kind: .tooManyRedirects, url: request.url,
                                 message: "\(request.url) redirected more than \(configuration.maxRedirects) times (\(chain)); raise maxRedirects or fetch the last URL directly")
            }
            redirects.append(Redirect(from: current.absoluteString, to: next.absoluteString, status: hop.status))
            visited.insert(next.absoluteString)
            current = next
        }
    }

    /// One request without following redirects.
    private func performHop(_ hop: HopRequest) async throws(FetchError) -> HopResponse {
        let easy = try CurlEasy(hop)
        let loop = self.loop
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<HopResponse, FetchError>, Never>) in
                loop.submit(easy) { continuation.resume(returning: $0) }
            }
        } onCancel: {
            easy.cancellation.withLock { $0 = true }
            loop.requestCancellation()
        }
        return try result.get()
    }
}
