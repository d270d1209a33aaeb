import Foundation
import Testing
import WinnowHTTP
import WinnowTestSupport

/// No per-host delay and quick retries unless a test says otherwise.
private func testPolicy(
    ignoreRobots: Bool = false, perHost: Int = 2, total: Int = 32, delay: Duration = .zero,
    maxAttempts: Int = 3, maxRetryAfter: Duration = .seconds(120)
) -> PolitenessPolicy {
    PolitenessPolicy(
        ignoreRobots: ignoreRobots, maxConcurrentPerHost: perHost, minDelayPerHost: delay,
        maxConcurrentTotal: total, maxAttempts: maxAttempts, retryBaseDelay: .milliseconds(20),
        retryMaxDelay: .milliseconds(100), maxRetryAfter: maxRetryAfter)
}

private func politeError(_ fetcher: PoliteFetcher, _ url: String) async -> FetchError? {
    do {
        _ = try await fetcher.fetch(FetchRequest(url: url))
        return nil
    } catch {
        return error
    }
}

/// Fetches every URL concurrently and returns the statuses; failures count as -1.
private func fetchAll(_ fetcher: PoliteFetcher, _ urls: [String]) async -> [Int] {
    await withTaskGroup(of: Int.self) { group in
        for url in urls {
            group.addTask { (try? await fetcher.fetch(FetchRequest(url: url)))?.status ?? -1 }
        }
        return await group.reduce(into: []) { $0.append($1) }
    }
}

/// Gaps between consecutive request arrivals at the server.
private func gaps(_ requests: [RecordedRequest]) -> [Duration] {
    zip(requests.dropFirst(), requests).map { $0.receivedAt - $1.receivedAt }
}

@Suite("PoliteFetcher: robots.txt")
struct PoliteRobotsTests {
    @Test func disallowedPathIsRefusedWithoutRequest() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/robots.txt", .text("User-agent: *\nDisallow: /private\n", contentType: "text/plain"))
            server.route("/private/page", .text("secret"))
            server.route("/public", .text("open"))
            let fetcher = PoliteFetcher(configuration: testConfiguration(), policy: testPolicy())

            let error = await politeError(fetcher, server.url("/private/page"))
            #expect(error?.kind == .robots)
            #expect(error?.message.contains("/private/page") == true)
            #expect(server.requestCount("/private/page") == 0)

            let response = try await fetcher.fetch(FetchRequest(url: server.url("/public")))
            #expect(response.text == "open")
            #expect(server.requestCount("/robots.txt") == 1)
            #expect(server.requests(to: "/robots.txt").first?.header("User-Agent") == FetcherConfiguration.defaultUserAgent)
        }
    }

    @Test func concurrentRequestersShareOneRobotsFetch() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/robots.txt", TestResponse.text("User-agent: *\nAllow: /\n").delivered(.delayed(.milliseconds(200))))
            server.route("/p", .text("ok"))
            let fetcher = PoliteFetcher(configuration: testConfiguration(), policy: testPolicy(perHost: 8))
            let statuses = await fetchAll(fetcher, (0..<8).map { server.url("/p?i=\($0)") })
            #expect(statuses == Array(repeating: 200, count: 8))
            #expect(server.requestCount("/robots.txt") == 1)
        }
    }

    @Test func ignoreRobotsSkipsTheFile() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/robots.txt", .text("User-agent: *\nDisallow: /\n"))
            server.route("/private", .text("fetched anyway"))
            let fetcher = PoliteFetcher(configuration: testConfiguration(), policy: testPolicy(ignoreRobots: true))
            let response = try await fetcher.fetch(FetchRequest(url: server.url("/private")))
            #expect(response.text == "fetched anyway")
            #expect(server.requestCount("/robots.txt") == 0)
        }
    }

    @Test(arguments: [404, 403, 500, 503])
    func unusableRobotsAllowsAll(status: Int) async throws {
        try await LoopbackServer.withServer { server in
            server.route("/robots.txt", .status(status))
            server.route("/page", .text("ok"))
            let fetcher = PoliteFetcher(configuration: testConfiguration(), policy: testPolicy())
            let response = try await fetcher.fetch(FetchRequest(url: server.url("/page")))
            #expect(response.status == 200)
            #expect(server.requestCount("/robots.txt") == 1, "robots.txt is not retried")
        }
    }

    @Test func crawlDelaySpacesRequests() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/robots.txt", .text("User-agent: *\nCrawl-delay: 0.3\n"))
            server.route("/p", .text("ok"))
            let fetcher = PoliteFetcher(configuration: testConfiguration(), policy: testPolicy(perHost: 4))
            let statuses = await fetchAll(fetcher, (0..<4).map { server.url("/p?i=\($0)") })
            #expect(statuses.allSatisfy { $0 == 200 })
            for gap in gaps(server.requests(to: "/p")) {
                #expect(gap >= .milliseconds(250), "Crawl-delay 0.3 s, gap \(gap)")
            }
        }
    }
}

@Suite("PoliteFetcher: limits")
struct PoliteLimitTests {
    @Test func perHostConcurrencyLimit() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/slow", TestResponse.text("ok").delivered(.delayed(.milliseconds(250))))
            let fetcher = PoliteFetcher(configuration: testConfiguration(), policy: testPolicy(ignoreRobots: true, perHost: 2))
            let statuses = await fetchAll(fetcher, (0..<6).map { server.url("/slow?i=\($0)") })
            #expect(statuses == Array(repeating: 200, count: 6))
            #expect(server.maxConcurrentRequests == 2)
        }
    }

    @Test func minDelayBetweenRequestsToOneHost() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/p", .text("ok"))
            let fetcher = PoliteFetcher(configuration: testConfiguration(),
                                        policy: testPolicy(ignoreRobots: true, perHost: 4, delay: .milliseconds(250)))
            let clock = ContinuousClock()
            let start = clock.now
            let statuses = await fetchAll(fetcher, (0..<4).map { server.url("/p?i=\($0)") })
            #expect(statuses == Array(repeating: 200, count: 4))
            #expect(clock.now - start >= .milliseconds(700))
            for gap in gaps(server.requests(to: "/p")) {
                #expect(gap >= .milliseconds(200), "delay 250 ms, gap \(gap)")
            }
        }
    }

    @Test func globalConcurrencyLimitAcrossHosts() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/slow", TestResponse.text("ok").delivered(.delayed(.milliseconds(250))))
            let hosts = ["a.test", "b.test", "c.test"]
            let configuration = testConfiguration(hostOverrides: hosts.map {
                .init(host: $0, port: server.port, address: "127.0.0.1")
            })
            let fetcher = PoliteFetcher(configuration: configuration,
                                        policy: testPolicy(ignoreRobots: true, perHost: 2, total: 3))
            let urls = hosts.flatMap { host in (0..<3).map { "http://\(host):\(server.port)/slow?i=\($0)" } }
            let statuses = await fetchAll(fetcher, urls)
            #expect(statuses == Array(repeating: 200, count: 9))
            #expect(server.maxConcurrentRequests == 3)
            #expect(Set(server.requests.compactMap { $0.header("Host") }).count == 3)
        }
    }
}

@Suite("PoliteFetcher: retries")
struct PoliteRetryTests {
    @Test func serverErrorThenSuccessIsRetried() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/flaky") { _, hit in hit == 1 ? .status(500) : .text("recovered") }
            let fetcher = PoliteFetcher(configuration: testConfiguration(), policy: testPolicy(ignoreRobots: true))
            let response = try await fetcher.fetch(FetchRequest(url: server.url("/flaky")))
            #expect(response.text == "recovered")
            #expect(server.requestCount("/flaky") == 2)
        }
    }

    @Test func notFoundIsNotRetried() async throws {
        try await LoopbackServer.withServer { server in
            let fetcher = PoliteFetcher(configuration: testConfiguration(), policy: testPolicy(ignoreRobots: true))
            let error = await politeError(fetcher, server.url("/missing"))
            #expect(error?.kind == .http)
            #expect(error?.status == 404)
            #expect(error?.message.contains("404") == true)
            #expect(server.requestCount("/missing") == 1)
        }
    }

    @Test func persistentServerErrorGivesUpAfterMaxAttempts() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/down", .status(502))
            let fetcher = PoliteFetcher(configuration: testConfiguration(), policy: testPolicy(ignoreRobots: true, maxAttempts: 3))
            let error = await politeError(fetcher, server.url("/down"))
            #expect(error?.kind == .http)
            #expect(error?.status == 502)
            #expect(server.requestCount("/down") == 3)
        }
    }

    @Test func brokenConnectionIsRetried() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/reset") { _, hit in
                hit == 1 ? TestResponse.text("partial").delivered(.truncated(declaredLength: 1000)) : .text("whole")
            }
            let fetcher = PoliteFetcher(configuration: testConfiguration(), policy: testPolicy(ignoreRobots: true))
            let response = try await fetcher.fetch(FetchRequest(url: server.url("/reset")))
            #expect(response.text == "whole")
            #expect(server.requestCount("/reset") == 2)
        }
    }

    @Test func tooLargeIsNotRetried() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/big", TestResponse(body: Array(repeating: 1, count: 50_000)))
            let fetcher = PoliteFetcher(configuration: testConfiguration(maxBodyBytes: 10_000), policy: testPolicy(ignoreRobots: true))
            let error = await politeError(fetcher, server.url("/big"))
            #expect(error?.kind == .tooLarge)
            #expect(server.requestCount("/big") == 1)
        }
    }

    @Test func tooManyRequestsHonoursRetryAfter() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/limited") { _, hit in hit == 1 ? .status(429, headers: [("Retry-After", "1")]) : .text("ok") }
            let fetcher = PoliteFetcher(configuration: testConfiguration(), policy: testPolicy(ignoreRobots: true))
            let response = try await fetcher.fetch(FetchRequest(url: server.url("/limited")))
            #expect(response.status == 200)
            let requests = server.requests(to: "/limited")
            #expect(requests.count == 2)
            #expect(gaps(requests).allSatisfy { $0 >= .milliseconds(900) })
        }
    }

    @Test func retryAfterIsCapped() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/limited") { _, hit in hit == 1 ? .status(503, headers: [("Retry-After", "3600")]) : .text("ok") }
            let fetcher = PoliteFetcher(configuration: testConfiguration(),
                                        policy: testPolicy(ignoreRobots: true, maxRetryAfter: .milliseconds(200)))
            let clock = ContinuousClock()
            let start = clock.now
            let response = try await fetcher.fetch(FetchRequest(url: server.url("/limited")))
            #expect(response.status == 200)
            #expect(clock.now - start < .seconds(3))
            #expect(gaps(server.requests(to: "/limited")).allSatisfy { $0 >= .milliseconds(150) })
        }
    }

    @Test func notModifiedIsAResponse() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/same") { request, _ in
                request.header("If-None-Match") == "\"e\"" ? .status(304) : .text("body", headers: [("ETag", "\"e\"")])
            }
            let fetcher = PoliteFetcher(configuration: testConfiguration(), policy: testPolicy(ignoreRobots: true))
            let response = try await fetcher.fetch(FetchRequest(url: server.url("/same"), conditional: ConditionalHeaders(etag: "\"e\"")))
            #expect(response.isNotModified)
            #expect(server.requestCount("/same") == 1)
        }
    }
}
