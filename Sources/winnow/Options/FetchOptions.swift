import ArgumentParser
import Logging
import WinnowHTTP

/// How pages are fetched: politeness limits, timeouts, identity. Shared by `scrape` and the
/// snapshot commands; each command sets its own concurrency.
struct FetchOptions: ParsableArguments {
    @Option(name: .long, help: "Transfers in flight at once to one host.")
    var perHost: Int = 2

    @Option(name: .long, help: "Minimum seconds between requests to one host (robots.txt Crawl-delay can raise it).")
    var delay: Double = 1

    @Flag(name: .long, help: "Do not read or obey robots.txt (only with the site owner's permission).")
    var ignoreRobots = false

    @Option(name: .long, help: "Tries per URL for transient failures (timeouts, resets, 5xx, 429).")
    var tries: Int = 3

    @Option(name: .long, help: "Seconds before a transfer is abandoned.")
    var timeout: Double = 30

    @Option(name: .long, help: "Largest page to download, in megabytes.")
    var maxPageMB: Int = 20

    @Option(name: .long, help: "The User-Agent header (its first word is the robots.txt agent).")
    var userAgent: String = FetcherConfiguration.defaultUserAgent

    /// A polite fetcher with these settings and at most `maxConcurrent` transfers in flight.
    func makeFetcher(maxConcurrent: Int = 32, logger: Logger = Logger(label: "winnow.fetch")) -> PoliteFetcher {
        let configuration = FetcherConfiguration(
            userAgent: userAgent, totalTimeout: .milliseconds(Int64(timeout * 1000)),
            maxBodyBytes: maxPageMB * 1024 * 1024)
        let policy = PolitenessPolicy(
            ignoreRobots: ignoreRobots, maxConcurrentPerHost: perHost,
            minDelayPerHost: .milliseconds(Int64(delay * 1000)), maxConcurrentTotal: maxConcurrent, maxAttempts: tries)
        return PoliteFetcher(configuration: configuration, policy: policy, logger: logger)
    }

    func validate() throws {
        guard perHost >= 1, tries >= 1, delay >= 0, timeout > 0, maxPageMB >= 1 else {
            throw ValidationError("--per-host, --tries, --timeout and --max-page-mb must be positive, --delay not negative")
        }
    }
}
