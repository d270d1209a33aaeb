import Foundation
@testable import WinnowCore
import WinnowHTTP
import WinnowTestSupport

/// A temporary Snapshots/ and Selectors/ pair with a rule file for `news.example`, whose pages
/// are served by a loopback server (the host is routed there with `hostOverrides`).
struct LifecycleFixture {
    let directory: URL
    let store: SnapshotStore
    let cleaner: Cleaner
    let fetcher: PoliteFetcher
    let server: LoopbackServer

    static let ruleFile = """
        hosts: [news.example]
        title: [h1]
        content: [article.story]
        remove: [.share, h1]
        """

    init(server: LoopbackServer) throws {
        self.server = server
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-life-\(UUID().uuidString)")
        let selectors = directory.appendingPathComponent("Selectors")
        let snapshots = directory.appendingPathComponent("Snapshots")
        try FileManager.default.createDirectory(at: selectors, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: snapshots, withIntermediateDirectories: true)
        try Self.ruleFile.write(to: selectors.appendingPathComponent("news.example.yaml"), atomically: true, encoding: .utf8)
        store = SnapshotStore(root: snapshots)
        cleaner = Cleaner(ruleBook: try RuleBook.load(directory: selectors))
        let configuration = FetcherConfiguration(
            connectTimeout: .seconds(2), totalTimeout: .seconds(5),
            hostOverrides: [.init(host: "news.example", port: server.port, address: "127.0.0.1")])
        // Two tries with short backoff, so "5xx after retries" takes milliseconds.
        let policy = PolitenessPolicy(maxConcurrentPerHost: 8, minDelayPerHost: .zero, maxAttempts: 2,
                                      retryBaseDelay: .milliseconds(5), retryMaxDelay: .milliseconds(10))
        fetcher = PoliteFetcher(configuration: configuration, policy: policy)
    }

    /// Runs `body` with a fresh server and fixture, removing the directory afterwards.
    static func with(_ body: (LifecycleFixture) async throws -> Void) async throws {
        try await LoopbackServer.withServer { server in
            let fixture = try LifecycleFixture(server: server)
            defer { try? FileManager.default.removeItem(at: fixture.directory) }
            try await body(fixture)
        }
    }

    var recorder: SnapshotRecorder { SnapshotRecorder(store: store, cleaner: cleaner, fetcher: fetcher) }
    var refresher: SnapshotRefresher { SnapshotRefresher(store: store, cleaner: cleaner, fetcher: fetcher) }
    var acceptor: SnapshotAcceptor { SnapshotAcceptor(store: store, cleaner: cleaner) }
    var validator: Validator { Validator(cleaner: cleaner, store: store) }

    /// `http://news.example:<port><path>`.
    func url(_ path: String) -> String { "http://news.example:\(server.port)\(path)" }

    func snapshot(_ name: String) -> Snapshot { Snapshot(root: store.root, host: "news.example", name: name) }

    /// Serves `html` at `path`, with an optional ETag, ignoring conditional headers.
    func serve(_ path: String, _ html: String, etag: String? = nil) {
        server.route(path, .text(html, headers: etag.map { [("ETag", $0)] } ?? []))
    }

    /// Adds the page now served at `path` as snapshot `name`.
    @discardableResult
    func add(_ path: String, name: String) async throws -> SnapshotRecorder.Recorded {
        try await recorder.add(url: url(path), name: name)
    }

    /// Refreshes one snapshot.
    func refresh(_ name: String, with refresher: SnapshotRefresher? = nil) async throws -> RefreshOutcome {
        let report = try await (refresher ?? self.refresher).refresh(SnapshotSelection(names: [name]))
        guard let outcome = report.outcomes.first, report.outcomes.count == 1 else {
            throw FixtureError.unexpected("expected one outcome, got \(report.outcomes.count)")
        }
        return outcome
    }

    func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

    func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    /// Every file in the host folder whose name ends in `.tmp`.
    func temporaryFiles() throws -> [String] {
        let folder = store.root.appendingPathComponent("news.example")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
    }
}

enum FixtureError: Error {
    case unexpected(String)
}

/// Article pages in the shape the fixture's rule file expects; `extra` goes outside the article.
enum Pages {
    static let paragraphs = [
        "The council approved the new bridge on Tuesday after a long debate.",
        "Construction is expected to start next spring and last two years.",
        "Residents asked for a cycle lane, which the plans now include.",
    ]

    static func article(_ paragraphs: [String] = paragraphs, extra: String = "", articleClass: String = "story") -> String {
        """
        <!doctype html><html><head><meta charset="utf-8"><title>Bridge approved</title></head><body>
        <nav>Home | World | Local</nav>\(extra)
        <article class="\(articleClass)"><h1>Bridge approved</h1><div class="share">Share this story</div>
        \(paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        </article><footer>© News Example</footer></body></html>
        """
    }

    static let expectedText = paragraphs.joined(separator: "\n\n")

    /// A cookie wall in the article's place, about as long as the article so only its wording gives it away.
    static let consentWall = article([
        "We value your privacy. We and our partners use cookies to store and access information on your device.",
        "With your consent we process personal data for personalised ads and content measurement.",
        "Accept all · Reject all · Manage preferences",
    ])
}
