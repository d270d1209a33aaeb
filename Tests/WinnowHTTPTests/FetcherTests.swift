import Foundation
import Testing
import WinnowHTTP
import WinnowTestSupport

@Suite("Fetcher: responses")
struct FetcherResponseTests {
    @Test func plainOKWithHeadersAndCharset() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/page", .text("<p>hello</p>", contentType: "text/html; charset=\"ISO-8859-1\"",
                                        headers: [("ETag", "\"v1\""), ("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT")]))
            let fetcher = Fetcher(configuration: testConfiguration())
            let response = try await fetcher.fetch(FetchRequest(url: server.url("/page")))
            #expect(response.status == 200)
            #expect(response.text == "<p>hello</p>")
            #expect(response.finalURL == server.url("/page"))
            #expect(response.redirects.isEmpty)
            #expect(response.mimeType == "text/html")
            #expect(response.charset == "iso-8859-1")
            #expect(response.etag == "\"v1\"")
            #expect(response.headers["etag"] == "\"v1\"")
            #expect(response.lastModified == "Wed, 21 Oct 2015 07:28:00 GMT")
            #expect(response.httpVersion == "HTTP/1.1")
            #expect(response.elapsed > .zero)
            #expect(abs(response.fetchedAt.timeIntervalSinceNow) < 60)
        }
    }

    @Test func sendsUserAgentAcceptEncodingAndExtraHeaders() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/", .text("ok"))
            let fetcher = Fetcher(configuration: testConfiguration())
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/"), headers: ["X-Probe": "42"]))
            let request = try #require(server.requests.first)
            #expect(request.header("User-Agent") == FetcherConfiguration.defaultUserAgent)
            #expect(request.header("User-Agent")?.hasPrefix("Winnow/") == true)
            #expect(request.header("X-Probe") == "42")
            let encodings = request.header("Accept-Encoding") ?? ""
            for encoding in ["gzip", "br", "zstd"] {
                #expect(encodings.contains(encoding), "Accept-Encoding was '\(encodings)'")
            }

            let custom = Fetcher(configuration: FetcherConfiguration(userAgent: "TestBot/1.0"))
            _ = try await custom.fetch(FetchRequest(url: server.url("/")))
            #expect(server.requests.last?.header("User-Agent") == "TestBot/1.0")
        }
    }

    @Test func errorStatusIsAResponse() async throws {
        try await LoopbackServer.withServer { server in
            let fetcher = Fetcher(configuration: testConfiguration())
            let response = try await fetcher.fetch(FetchRequest(url: server.url("/missing")))
            #expect(response.status == 404)
            #expect(!response.isSuccess)
        }
    }

    @Test func gzipBodyIsDecoded() async throws {
        try await LoopbackServer.withServer { server in
            let text = String(repeating: "gzip body ünïcode ", count: 5000)  // > one 64 KiB stored block
            server.route("/gz", TestResponse(headers: [("Content-Type", "text/plain"), ("Content-Encoding", "gzip")],
                                             body: TestEncodings.gzipStored(Array(text.utf8))))
            let response = try await Fetcher(configuration: testConfiguration()).fetch(FetchRequest(url: server.url("/gz")))
            #expect(response.text == text)
        }
    }

    @Test func brotliBodyIsDecoded() async throws {
        try await LoopbackServer.withServer { server in
            let text = String(repeating: "brotli body ", count: 7000)  // > one 64 KiB meta-block
            server.route("/br", TestResponse(headers: [("Content-Type", "text/plain"), ("Content-Encoding", "br")],
                                             body: TestEncodings.brotliUncompressed(Array(text.utf8))))
            let response = try await Fetcher(configuration: testConfiguration()).fetch(FetchRequest(url: server.url("/br")))
            #expect(response.text == text)
        }
    }

    @Test func crc32MatchesKnownValue() {
        #expect(TestEncodings.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(TestEncodings.brotliUncompressed([]) == [0x06])
    }

    @Test func chunkedBodyIsReassembled() async throws {
        try await LoopbackServer.withServer { server in
            let text = String(repeating: "0123456789", count: 100)
            server.route("/chunked", TestResponse.text(text).delivered(.chunked(chunkSize: 7)))
            let response = try await Fetcher(configuration: testConfiguration()).fetch(FetchRequest(url: server.url("/chunked")))
            #expect(response.text == text)
            #expect(response.headers["Transfer-Encoding"]?.lowercased() == "chunked")
        }
    }

    @Test func conditionalRequestGets304() async throws {
        try await LoopbackServer.withServer { server in
            let etag = "\"abc123\""
            let lastModified = "Wed, 21 Oct 2015 07:28:00 GMT"
            server.route("/cond") { request, _ in
                if request.header("If-None-Match") == etag || request.header("If-Modified-Since") == lastModified {
                    return .status(304, headers: [("ETag", etag)])
                }
                return .text("fresh", headers: [("ETag", etag), ("Last-Modified", lastModified)])
            }
            let fetcher = Fetcher(configuration: testConfiguration())
            let first = try await fetcher.fetch(FetchRequest(url: server.url("/cond")))
            #expect(first.status == 200)
            let validators = try #require(first.conditionalHeaders)
            #expect(validators == ConditionalHeaders(etag: etag, lastModified: lastModified))

            let second = try await fetcher.fetch(FetchRequest(url: server.url("/cond"), conditional: validators))
            #expect(second.status == 304)
            #expect(second.isNotModified)
            #expect(second.body.isEmpty)
            let sent = try #require(server.requests(to: "/cond").last)
            #expect(sent.header("If-None-Match") == etag)
            #expect(sent.header("If-Modified-Since") == lastModified)

            let byDate = try await fetcher.fetch(FetchRequest(url: server.url("/cond"),
                                                              conditional: ConditionalHeaders(lastModified: lastModified)))
            #expect(byDate.status == 304)
            #expect(server.requests(to: "/cond").last?.header("If-None-Match") == nil)
        }
    }
}

@Suite("Fetcher: redirects")
struct FetcherRedirectTests {
    @Test func followsAndRecordsChain() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/a", .redirect(to: "/b", status: 301))
            server.route("/b", .redirect(to: server.url("/c?x=1"), status: 302))
            server.route("/c", .redirect(to: "d", status: 307))  // relative to /c
            server.route("/d", .text("end"))
            let response = try await Fetcher(configuration: testConfiguration()).fetch(FetchRequest(url: server.url("/a")))
            #expect(response.status == 200)
            #expect(response.text == "end")
            #expect(response.finalURL == server.url("/d"))
            #expect(response.requestedURL == server.url("/a"))
            #expect(response.redirects == [
                Redirect(from: server.url("/a"), to: server.url("/b"), status: 301),
                Redirect(from: server.url("/b"), to: server.url("/c?x=1"), status: 302),
                Redirect(from: server.url("/c?x=1"), to: server.url("/d"), status: 307),
            ])
        }
    }

    @Test func loopIsDetected() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/loop1", .redirect(to: "/loop2"))
            server.route("/loop2", .redirect(to: "/loop1"))
            let error = await fetchError(Fetcher(configuration: testConfiguration()), server.url("/loop1"))
            #expect(error?.kind == .redirectLoop)
            #expect(error?.message.contains("/loop2") == true)
            #expect(server.requests.count == 2)
        }
    }

    @Test func tooManyRedirects() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/hop") { request, hit in .redirect(to: "/hop?n=\(hit)") }
            let error = await fetchError(Fetcher(configuration: testConfiguration(maxRedirects: 3)), server.url("/hop"))
            #expect(error?.kind == .tooManyRedirects)
            #expect(server.requestCount("/hop") == 4)
        }
    }

    @Test(arguments: ["ftp://127.0.0.1/file.txt", "file:///etc/passwd"])
    func nonHTTPRedirectIsRefused(target: String) async throws {
        try await LoopbackServer.withServer { server in
            server.route("/escape", .redirect(to: target))
            let error = await fetchError(Fetcher(configuration: testConfiguration()), server.url("/escape"))
            #expect(error?.kind == .unsupportedScheme)
            #expect(error?.message.contains(target) == true)
        }
    }
}

@Suite("Fetcher: failures")
struct FetcherFailureTests {
    @Test func connectionClosedMidBody() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/cut", TestResponse.text("only part of it").delivered(.truncated(declaredLength: 10_000)))
            let error = await fetchError(Fetcher(configuration: testConfiguration()), server.url("/cut"))
            #expect(error?.kind == .network)
        }
    }

    @Test func closedWithoutResponse() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/nothing", TestResponse().delivered(.closeWithoutResponse))
            let error = await fetchError(Fetcher(configuration: testConfiguration()), server.url("/nothing"))
            #expect(error?.kind == .network)
        }
    }

    @Test func serverThatNeverAnswersTimesOut() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/silent", TestResponse().delivered(.neverRespond))
            let clock = ContinuousClock()
            let start = clock.now
            let error = await fetchError(Fetcher(configuration: testConfiguration(totalTimeout: .seconds(2))),
                                         server.url("/silent"))
            #expect(error?.kind == .timeout)
            #expect(clock.now - start < .seconds(4))
        }
    }

    @Test func slowDripHitsLowSpeedLimit() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/drip", TestResponse.text(String(repeating: "x", count: 100)).delivered(.drip(interval: .milliseconds(500))))
            let clock = ContinuousClock()
            let start = clock.now
            let error = await fetchError(Fetcher(configuration: testConfiguration(totalTimeout: .seconds(20))),
                                         server.url("/drip"))
            #expect(error?.kind == .timeout)
            #expect(clock.now - start < .seconds(5), "the low-speed limit, not the total timeout, should end it")
        }
    }

    @Test func oversizeBodyWithContentLength() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/big", TestResponse(body: Array(repeating: 65, count: 300_000)))
            let error = await fetchError(Fetcher(configuration: testConfiguration(maxBodyBytes: 100_000)), server.url("/big"))
            #expect(error?.kind == .tooLarge)
            #expect(error?.message.contains("100000") == true)
        }
    }

    @Test func oversizeChunkedBody() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/bigchunks", TestResponse(body: Array(repeating: 65, count: 300_000)).delivered(.chunked(chunkSize: 16_384)))
            let error = await fetchError(Fetcher(configuration: testConfiguration(maxBodyBytes: 100_000)), server.url("/bigchunks"))
            #expect(error?.kind == .tooLarge)
        }
    }

    @Test func bodyAtTheLimitIsAccepted() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/exact", TestResponse(body: Array(repeating: 65, count: 100_000)).delivered(.chunked(chunkSize: 10_000)))
            let response = try await Fetcher(configuration: testConfiguration(maxBodyBytes: 100_000))
                .fetch(FetchRequest(url: server.url("/exact")))
            #expect(response.body.count == 100_000)
        }
    }

    @Test func refusedConnection() async throws {
        // A port that was just free: bind a server, note its port, stop it.
        let server = try await LoopbackServer.start()
        let url = server.url("/")
        try await server.stop()
        let error = await fetchError(Fetcher(configuration: testConfiguration()), url)
        #expect(error?.kind == .connect)
    }

    @Test func unresolvableHost() async {
        // .invalid is reserved (RFC 6761) and never resolves.
        let error = await fetchError(Fetcher(configuration: testConfiguration()), "http://winnow-test.invalid/")
        #expect(error?.kind == .dns)
        #expect(error?.message.contains("winnow-test.invalid") == true)
    }

    @Test func tlsAgainstPlainHTTPServerFails() async throws {
        try await LoopbackServer.withServer { server in
            let error = await fetchError(Fetcher(configuration: testConfiguration()), "https://127.0.0.1:\(server.port)/")
            #expect(error?.kind == .tls)
        }
    }

    @Test(arguments: [
        ("not a url", FetchError.Kind.invalidURL),
        ("http://", .invalidURL),
        ("ftp://example.com/file", .unsupportedScheme),
        ("file:///etc/passwd", .unsupportedScheme),
        ("gopher://example.com/", .unsupportedScheme),
    ])
    func rejectedBeforeAnyRequest(url: String, kind: FetchError.Kind) async {
        let error = await fetchError(Fetcher(configuration: testConfiguration()), url)
        #expect(error?.kind == kind)
        #expect(error?.message.contains(url) == true)
    }

    @Test func kindRawValuesAreStable() {
        #expect(FetchError.Kind.allCases.map(\.rawValue).prefix(12) == [
            "dns", "connect", "timeout", "tls", "http", "too_large", "robots", "invalid_url",
            "redirect_loop", "too_many_redirects", "unsupported_scheme", "network",
        ])
    }

    @Test func cancellationAbortsTransfer() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/silent", TestResponse().delivered(.neverRespond))
            let fetcher = Fetcher(configuration: testConfiguration(totalTimeout: .seconds(30)))
            let task = Task { await fetchError(fetcher, server.url("/silent")) }
            while server.requestCount("/silent") == 0 {
                try await Task.sleep(for: .milliseconds(10))
            }
            task.cancel()
            let error = await task.value
            #expect(error?.kind == .cancelled)
        }
    }
}

@Suite("Fetcher: concurrency")
struct FetcherConcurrencyTests {
    @Test func hundredsOfConcurrentTransfers() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/n") { request, _ in .text("body of \(request.uri)").delivered(.delayed(.milliseconds(100))) }
            let fetcher = Fetcher(configuration: testConfiguration(totalTimeout: .seconds(20)))
            let count = 300
            let results = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for index in 0..<count {
                    group.addTask {
                        let response = try await fetcher.fetch(FetchRequest(url: server.url("/n?i=\(index)")))
                        return (index, response.text)
                    }
                }
                var collected: [Int: String] = [:]
                for try await (index, text) in group {
                    collected[index] = text
                }
                return collected
            }
            #expect(results.count == count)
            #expect(results[7] == "body of /n?i=7")
            // All were in flight together, which only a multi-handle event loop can do.
            #expect(server.maxConcurrentRequests > 50)
        }
    }

    @Test func sequentialRequestsReuseTheConnection() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/r", .text("again"))
            let fetcher = Fetcher(configuration: testConfiguration())
            for _ in 0..<5 {
                _ = try await fetcher.fetch(FetchRequest(url: server.url("/r")))
            }
            #expect(server.requestCount("/r") == 5)
            #expect(server.connectionCount == 1)
        }
    }

    @Test func hostOverridesReachTheLoopbackServer() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/named", .text("hi"))
            let fetcher = Fetcher(configuration: testConfiguration(hostOverrides: [
                .init(host: "site-a.test", port: server.port, address: "127.0.0.1"),
            ]))
            let response = try await fetcher.fetch(FetchRequest(url: "http://site-a.test:\(server.port)/named"))
            #expect(response.text == "hi")
            #expect(server.requests.first?.header("Host") == "site-a.test:\(server.port)")
        }
    }
}
