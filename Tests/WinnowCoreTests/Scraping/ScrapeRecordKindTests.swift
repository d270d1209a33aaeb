import Foundation
import Testing
import WinnowCore
import WinnowHTTP
import WinnowTestSupport

/// Every failure the fetcher can meet ends up as a record with the right `error.kind`, and the
/// good pages in the same run are unaffected: one bad URL never stops a batch.
@Suite("Scrape records per failure kind (loopback)")
struct ScrapeRecordKindTests {
    private static let article = "<html><body><article><p>Body text.</p></article></body></html>"

    @Test("one run over every kind of URL gives one record each, with the right kind")
    func everyKind() async throws {
        try await LoopbackServer.withServer { server in
            let body = Array(Self.article.utf8)
            server.route("/robots.txt", .text("User-agent: *\nDisallow: /private/", contentType: "text/plain"))
            server.route("/ok", .text(Self.article))
            server.route("/gzip", TestResponse(headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                                               body: TestEncodings.gzipStored(body)))
            server.route("/brotli", TestResponse(headers: [("Content-Type", "text/html"), ("Content-Encoding", "br")],
                                                 body: TestEncodings.brotliUncompressed(body)))
            server.route("/chunked", TestResponse.text(Self.article).delivered(.chunked(chunkSize: 7)))
            server.route("/hop1", .redirect(to: "/hop2", status: 301))
            server.route("/hop2", .redirect(to: "/ok", status: 302))
            server.route("/loop-a", .redirect(to: "/loop-b"))
            server.route("/loop-b", .redirect(to: "/loop-a"))
            server.route("/to-ftp", .redirect(to: "ftp://127.0.0.1/file"))
            server.route("/missing", .status(404))
            server.route("/flaky") { _, hit in hit == 1 ? .status(500) : .text(Self.article) }
            server.route("/busy") { _, hit in hit == 1 ? .status(429, headers: [("Retry-After", "1")]) : .text(Self.article) }
            server.route("/reset", TestResponse.text(Self.article).delivered(.truncated(declaredLength: 10_000)))
            server.route("/silent", TestResponse().delivered(.neverRespond))
            server.route("/drip", TestResponse.text(String(repeating: "x", count: 200)).delivered(.drip(interval: .milliseconds(500))))
            server.route("/huge", TestResponse(headers: [("Content-Type", "text/html")], body: Array(repeating: 65, count: 300_000)))
            server.route("/private/page", .text(Self.article))

            let expected: [(path: String, kind: String?)] = [
                ("/ok", nil), ("/gzip", nil), ("/brotli", nil), ("/chunked", nil), ("/hop1", nil),
                ("/loop-a", "redirect_loop"), ("/to-ftp", "unsupported_scheme"), ("/missing", "http"),
                ("/flaky", nil), ("/busy", nil), ("/reset", "network"), ("/silent", "timeout"),
                ("/drip", "timeout"), ("/huge", "too_large"), ("/private/page", "robots"),
            ]
            let configuration = FetcherConfiguration(connectTimeout: .seconds(2), totalTimeout: .seconds(3),
                                                     lowSpeedLimit: 100, lowSpeedTime: .seconds(1), maxBodyBytes: 100_000)
            let policy = PolitenessPolicy(maxConcurrentPerHost: 32, minDelayPerHost: .zero, maxConcurrentTotal: 32,
                                          maxAttempts: 2, retryBaseDelay: .milliseconds(50), retryMaxDelay: .milliseconds(100))
            let scraper = Scraper(fetcher: PoliteFetcher(configuration: configuration, policy: policy),
                                  cleaner: Cleaner(ruleBook: RuleBook()), options: .init(jobs: 16))
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-kinds-\(UUID().uuidString).jsonl").path
            defer { try? FileManager.default.removeItem(atPath: output) }
            let list = URLList(text: expected.map { server.url($0.path) }.joined(separator: "\n") + "\nhttp://\nmailto:someone@example.com")
            _ = try await scraper.run(list.interleavedByHost(), log: try RecordLog(path: output))

            let data = try #require(FileManager.default.contents(atPath: output))
            let records = try data.split(separator: UInt8(ascii: "\n")).map { try JSONDecoder().decode(ScrapeRecord.self, from: Data($0)) }
            #expect(records.count == expected.count + 2)
            let byURL = Dictionary(uniqueKeysWithValues: records.map { ($0.url, $0) })
            for (path, kind) in expected {
                let record = try #require(byURL[server.url(path)], "no record for \(path)")
                #expect(record.error?.kind == kind, "\(path): \(record.error?.message ?? "no error")")
                if kind == nil { #expect(record.text == "Body text.", "\(path)") }
            }
            #expect(byURL[server.url("/hop1")]?.finalURL == server.url("/ok"))
            #expect(byURL["http://"]?.error?.kind == "invalid_url")
            #expect(byURL["mailto:someone@example.com"]?.error?.kind == "invalid_url")
            #expect(server.requestCount("/flaky") == 2 && server.requestCount("/missing") == 1)
            #expect(server.requestCount("/private/page") == 0)
        }
    }
}
