import Foundation
import Logging

/// A ``Fetcher`` that behaves like a good crawler: obeys robots.txt, limits concurrency per host and
/// overall, spaces requests to one host, honours `Retry-After`, and retries transient failures with
/// jittered exponential backoff. This is what the scraper uses.
///
/// Unlike ``Fetcher``, an error status is an error here: after retries, a final 4xx/5xx throws
/// ``FetchError/Kind/http`` with the status. 304 Not Modified (and other 1xx–3xx) is a response.
///
/// robots.txt is checked for the requested URL, not for redirect targets.
public final class PoliteFetcher: Sendable {
    /// The transport underneath.
    public let fetcher: Fetcher
    /// The limits in force.
    public let policy: PolitenessPolicy
    private let scheduler: HostScheduler
    private let robots = RobotsCache()
    private let robotsAgent: String
    private let logger: Logger

    /// Wraps `fetcher` with `policy`.
    public init(fetcher: Fetcher, policy: PolitenessPolicy = PolitenessPolicy(),
                logger: Logger = Logger(label: "winnow.http.polite")) {
        self.fetcher = fetcher
        self.policy = policy
        self.logger = logger
        scheduler = HostScheduler(policy: policy)
        robotsAgent = policy.robotsUserAgent ?? RobotsTxt.productToken(fetcher.configuration.userAgent)
    }

    /// A polite fetcher over a new ``Fetcher`` with `configuration`.
    public convenience init(configuration: FetcherConfiguration = FetcherConfiguration(),
                            policy: PolitenessPolicy = PolitenessPolicy(),
                            logger: Logger = Logger(label: "winnow.http.polite")) {
        self.init(fetcher: Fetcher(configuration: configuration, logger: logger), policy: policy, logger: logger)
    }

    /// Fetches `request` within the policy.
    ///
    /// - Throws: ``FetchError`` — ``FetchError/Kind/robots`` when robots.txt disallows the URL,
    ///   ``FetchError/Kind/http`` for a final error status, or the last transport error after retries.
    public func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchResponse {
        let url = try FetchURL.validated(request.url)
        let origin = FetchURL.origin(of: url)
        if !policy.ignoreRobots {
            let rules = await robotsRules(origin: origin)
            if !rules.isAllowed(path: FetchURL.robotsPath(of: url)) {
                throw FetchError(
                    kind: .robots, url: request.url,
                    message: "robots.txt of \(origin) disallows \(request.url) for user agent '\(robotsAgent)'; skip it, or ignore robots.txt only with the site owner's permission")
            }
        }

        var attempt = 1
        while true {
            let outcome = await scheduled(origin) { () async throws(FetchError) in try await fetcher.fetch(request) }
            let failure: FetchError
            switch outcome {
            case .success(let response) where response.status < 400:
                return response
            case .success(let response):
                failure = Self.httpError(response, attempts: attempt)
                if [429, 503].contains(response.status), let header = response.retryAfter,
                   let wait = RetryAfter.delay(from: header) {
                    // Holding back the whole host, not just this request: the server asked for a pause.
                    let capped = min(wait, policy.maxRetryAfter)
                    logger.info("server asked to retry later", metadata: ["url": "\(request.url)", "wait": "\(capped)"])
                    await scheduler.pause(origin, for: capped)
                    guard attempt < policy.maxAttempts else { throw failure }
                    attempt += 1
                    continue
                }
            case .failure(let error):
                failure = error
            }
            guard failure.isTransient, attempt < policy.maxAttempts else { throw failure }
            let wait = policy.backoff(beforeRetry: attempt)
            logger.info("retrying", metadata: ["url": "\(request.url)", "error": "\(failure.kind.rawValue)", "wait": "\(wait)"])
            do {
                try await Task.sleep(for: wait)
            } catch {
                throw FetchError(kind: .cancelled, url: request.url, message: "fetching \(request.url) stopped: the task was cancelled")
            }
            attempt += 1
        }
    }

    /// The robots.txt rules for the origin of `url`, loading them on first use. Allow-all when the URL
    /// is invalid or robots are ignored.
    public func robotsRules(for url: String) async -> RobotsRules {
        guard !policy.ignoreRobots, let parsed = try? FetchURL.validated(url) else { return .allowAll }
        return await robotsRules(origin: FetchURL.origin(of: parsed))
    }

    private func robotsRules(origin: String) async -> RobotsRules {
        await robots.rules(for: origin) { [self] in
            let rules = await loadRobots(origin: origin)
            if let seconds = rules.crawlDelay {
                let delay = min(Duration.milliseconds(Int64(seconds * 1000)), policy.maxCrawlDelay)
                await scheduler.raiseDelay(origin, to: delay)
            }
            return rules
        }
    }

    private func loadRobots(origin: String) async -> RobotsRules {
        let robotsURL = origin + "/robots.txt"
        let outcome = await scheduled(origin) { () async throws(FetchError) in
            try await fetcher.fetch(FetchRequest(url: robotsURL, headers: ["Accept": "text/plain, */*;q=0.5"]))
        }
        switch outcome {
        case .success(let response) where (200..<300).contains(response.status):
            let text = String(decoding: response.body.prefix(policy.maxRobotsBytes), as: UTF8.self)
            return RobotsTxt(text).rules(for: robotsAgent)
        case .success(let response) where (400..<500).contains(response.status):
            // No robots.txt (or not for us to read) means no restrictions (RFC 9309 §2.3.1.3).
            return .allowAll
        case .success(let response):
            logger.warning("robots.txt unusable, crawling without it",
                           metadata: ["url": "\(robotsURL)", "status": "\(response.status)"])
            return .allowAll
        case .failure(let error):
            logger.warning("robots.txt unreachable, crawling without it",
                           metadata: ["url": "\(robotsURL)", "error": "\(error)"])
            return .allowAll
        }
    }

    /// Runs `body` inside a scheduler slot for `origin`.
    private func scheduled(_ origin: String,
                           _ body: () async throws(FetchError) -> FetchResponse) async -> Result<FetchResponse, FetchError> {
        await scheduler.acquire(origin)
        let result: Result<FetchResponse, FetchError>
        do {
            result = .success(try await body())
        } catch {
            result = .failure(error)
        }
        await scheduler.release(origin)
        return result
    }

    private static func httpError(_ response: FetchResponse, attempts: Int) -> FetchError {
        let status = response.status
        let advice: String
        switch status {
        case 401, 403: advice = "access is denied; the site may block crawlers or need a login"
        case 404, 410: advice = "the page does not exist; check the URL"
        case 429: advice = "the server is rate-limiting us; raise minDelayPerHost or lower concurrency"
        case 500...: advice = "the server failed; retry later"
        default: advice = "the server refused the request"
        }
        let tries = attempts > 1 ? " after \(attempts) attempts" : ""
        return FetchError(kind: .http, url: response.requestedURL,
                          message: "\(response.requestedURL) answered HTTP \(status)\(tries) (final URL \(response.finalURL)): \(advice)",
                          status: status)
    }
}
