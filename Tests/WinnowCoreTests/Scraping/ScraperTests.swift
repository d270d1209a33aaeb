import Foundation
import Testing
import WinnowCore
import WinnowHTTP
import WinnowTestSupport

@Suite("Scrape pipeline (loopback)")
struct ScraperTests {
    private static let article = "<html><head><title>T</title></head><body><nav>Menu</nav><article><p>Body text.</p></article></body></html>"

    private func scraper(saveHTML: URL? = nil) throws -> Scraper {
        let rules = try RuleBook(files: [try RuleFile(yaml: "hosts: [127.0.0.1]\ncontent: article", file: "127.0.0.1.yaml")])
        let configuration = FetcherConfiguration(connectTimeout: .seconds(2), totalTimeout: .seconds(5))
        let fetcher = PoliteFetcher(configuration: configuration, policy: .unthrottled)
        return Scraper(fetcher: fetcher, cleaner: Cleaner(ruleBook: rules), options: .init(jobs: 4, saveHTMLDirectory: saveHTML))
    }

    private func temporaryFile(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("winnow-\(UUID().uuidString)-\(name)").path
    }

    private func records(at path: String) throws -> [ScrapeRecord] {
        let data = try #require(FileManager.default.contents(atPath: path))
        return try data.split(separator: UInt8(ascii: "\n")).map { try JSONDecoder().decode(ScrapeRecord.self, from: Data($0)) }
    }

    @Test("every URL yields exactly one record, failures included")
    func oneRecordPerURL() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/ok", .text(Self.article))
            server.route("/gone", .status(404))
            let list = URLList(text: """
                # a comment, then a blank line

                \(server.url("/ok"))
                \(server.url("/gone"))
                ftp://example.com/file
                not a url
                \(server.url("/ok"))
                """)
            #expect(list.entries.count == 4)  // the duplicate /ok counts once
            let output = temporaryFile("out.jsonl")
            defer { try? FileManager.default.removeItem(atPath: output) }
            let progress = try await scraper().run(list.interleavedByHost(), log: try RecordLog(path: output))
            #expect(progress.done == 4 && progress.failed == 3)
            let byURL = Dictionary(uniqueKeysWithValues: try records(at: output).map { ($0.url, $0) })
            #expect(byURL.count == 4)
            let ok = try #require(byURL[server.url("/ok")])
            #expect(ok.text == "Body text." && ok.title == "T" && ok.status == 200 && ok.ruleFile == "127.0.0.1.yaml")
            #expect(ok.charset?.name == "utf-8" && ok.charset?.source == "header")
            #expect(byURL[server.url("/gone")]?.error?.kind == "http")
            #expect(byURL[server.url("/gone")]?.status == 404)
            #expect(byURL["ftp://example.com/file"]?.error?.kind == "invalid_url")
            #expect(byURL["not a url"]?.error?.message.contains("line 6") == true)
        }
    }

    @Test("a run killed half-way resumes: recorded URLs are skipped, a cut-off last line is dropped")
    func resume() async throws {
        try await LoopbackServer.withServer { server in
            for index in 0..<6 { server.route("/p\(index)", .text(Self.article)) }
            let all = URLList(text: (0..<6).map { server.url("/p\($0)") }.joined(separator: "\n"))
            let output = temporaryFile("resume.jsonl")
            defer { try? FileManager.default.removeItem(atPath: output) }
            // First run: half the list, then a record cut off mid-write, as a killed process leaves it.
            _ = try await scraper().run(Array(all.entries.prefix(3)), log: try RecordLog(path: output))
            let handle = try #require(FileHandle(forWritingAtPath: output))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(#"{"url":"\#(server.url("/p3"))","tex"#.utf8))
            try handle.close()

            let recorded = RecordLog.recordedURLs(at: output, retryingFailures: false)
            #expect(recorded.count == 3)
            let remaining = all.entries.filter { !recorded.contains($0.text) }
            _ = try await scraper().run(remaining, log: try RecordLog(path: output))

            let urls = try records(at: output).map(\.url)
            #expect(urls.count == 6 && Set(urls).count == 6)
            for index in 0..<6 { #expect(server.requestCount("/p\(index)") == 1) }
        }
    }

    @Test("--retry-failed drops old failure records so a retried URL keeps one record")
    func retryFailed() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/flaky") { _, hit in hit == 1 ? .status(404) : .text(Self.article) }
            let list = URLList(text: server.url("/flaky"))
            let output = temporaryFile("retry.jsonl")
            defer { try? FileManager.default.removeItem(atPath: output) }
            _ = try await scraper().run(list.entries, log: try RecordLog(path: output))
            #expect(RecordLog.recordedURLs(at: output, retryingFailures: true).isEmpty)
            try RecordLog.removeFailures(at: output)
            _ = try await scraper().run(list.entries, log: try RecordLog(path: output))
            let all = try records(at: output)
            #expect(all.count == 1 && all[0].succeeded)
        }
    }

    /// The first sentence of the RT Arabic seed article in windows-1256, with no declaration anywhere.
    private static let arabicSentence1256: [UInt8] = [
        0xDE, 0xC7, 0xE1, 0x20, 0xE6, 0xD2, 0xED, 0xD1, 0x20, 0xC7, 0xE1, 0xCE, 0xC7, 0xD1, 0xCC, 0xED,
        0xC9, 0x20, 0xC7, 0xE1, 0xD1, 0xE6, 0xD3, 0xED, 0x20, 0xD3, 0xED, 0xD1, 0xDB, 0xED, 0x20, 0xE1,
        0xC7, 0xDD, 0xD1, 0xE6, 0xDD, 0x20, 0xC5, 0xE4, 0x20, 0xE3, 0xE6, 0xD3, 0xDF, 0xE6, 0x20, 0xCA,
        0xD5, 0xD1, 0x20, 0xDA, 0xE1, 0xEC, 0x20, 0xC5, 0xDA, 0xC7, 0xCF, 0xC9, 0x20, 0xC5, 0xD8, 0xE1,
        0xC7, 0xDE, 0x20, 0xC7, 0xE1, 0xDA, 0xE3, 0xE1, 0xED, 0xC9, 0x20, 0xC7, 0xE1, 0xD3, 0xED, 0xC7,
        0xD3, 0xED, 0xC9, 0x20, 0xE1, 0xE1, 0xCA, 0xD3, 0xE6, 0xED, 0xC9, 0x20, 0xDD, 0xED, 0x20, 0xD3,
        0xE6, 0xD1, 0xED, 0xC7, 0x20, 0xDD, 0xED, 0x20, 0xC3, 0xDE, 0xD1, 0xC8, 0x20, 0xE6, 0xDE, 0xCA, 0x2E,
    ]

    @Test("an undeclared windows-1256 Arabic page comes out as correct UTF-8 text")
    func windows1256() async throws {
        try await LoopbackServer.withServer { server in
            let body = Array("<html><body><article><p>".utf8) + Self.arabicSentence1256 + Array("</p></article></body></html>".utf8)
            server.route("/ar", TestResponse(headers: [("Content-Type", "text/html")], body: body))
            let output = temporaryFile("ar.jsonl")
            defer { try? FileManager.default.removeItem(atPath: output) }
            _ = try await scraper().run(URLList(text: server.url("/ar")).entries, log: try RecordLog(path: output))
            let record = try #require(try records(at: output).first)
            #expect(record.text == "قال وزير الخارجية الروسي سيرغي لافروف إن موسكو تصر على إعادة إطلاق العملية السياسية للتسوية في سوريا في أقرب وقت.")
            #expect(record.charset?.name == "windows-1256" && record.charset?.source == "detected")
        }
    }

    @Test("--save-html keeps the page bytes and metadata in the snapshot layout")
    func saveHTML() async throws {
        try await LoopbackServer.withServer { server in
            server.route("/news/story-1", .text(Self.article, headers: [("ETag", "\"v1\"")]))
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-save-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let output = temporaryFile("save.jsonl")
            defer { try? FileManager.default.removeItem(atPath: output) }
            _ = try await scraper(saveHTML: directory).run(URLList(text: server.url("/news/story-1")).entries,
                                                          log: try RecordLog(path: output))
            let store = SnapshotStore(root: directory)
            let snapshot = try #require(try store.list(host: "127.0.0.1").first)
            #expect(snapshot.name.hasPrefix("news-story-1-"))
            #expect(try store.pageBytes(snapshot) == Array(Self.article.utf8))
            let metadata = try store.metadata(snapshot)
            #expect(metadata.etag == "\"v1\"" && metadata.status == 200)
            #expect(metadata.sha256 == SHA256.hex(Array(Self.article.utf8)))
        }
    }

    @Test("a URL that serves binary content gets a not_html record, not noise text")
    func binaryContent() async throws {
        try await LoopbackServer.withServer { server in
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 7) }
            server.route("/image", TestResponse(headers: [("Content-Type", "image/png")], body: png))
            let output = temporaryFile("binary.jsonl")
            defer { try? FileManager.default.removeItem(atPath: output) }
            _ = try await scraper().run(URLList(text: server.url("/image")).entries, log: try RecordLog(path: output))
            let record = try #require(try records(at: output).first)
            #expect(record.error?.kind == "not_html")
            #expect(record.error?.message.contains(server.url("/image")) == true)
            #expect(record.text == nil && record.status == 200)
        }
    }
}
