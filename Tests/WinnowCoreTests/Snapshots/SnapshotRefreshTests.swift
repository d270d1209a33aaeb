import Foundation
import Testing
@testable import WinnowCore
import WinnowHTTP
import WinnowTestSupport

@Suite("Snapshot refresh")
struct SnapshotRefreshTests {
    @Test("304: conditional request sent, page untouched, fetched_at and last_refresh updated")
    func notModified() async throws {
        try await LifecycleFixture.with { fixture in
            let page = Pages.article()
            fixture.server.route("/bridge") { request, _ in
                request.header("If-None-Match") == "\"v1\""
                    ? .status(304, headers: [("ETag", "\"v1\"")])
                    : .text(page, headers: [("ETag", "\"v1\"")])
            }
            let added = try await fixture.add("/bridge", name: "bridge")
            #expect(added.metadata.etag == "\"v1\"")
            let snapshot = fixture.snapshot("bridge")
            var old = try fixture.store.metadata(snapshot)
            old.fetchedAt = "2020-01-01T00:00:00Z"
            try fixture.store.writeMetadata(old, to: snapshot.metadataURL)
            let htmlBefore = try fixture.bytes(snapshot.htmlURL)

            let outcome = try await fixture.refresh("bridge")
            #expect(outcome.kind == .unchanged)
            #expect(outcome.status == 304)
            #expect(fixture.server.requests(to: "/bridge").last?.header("If-None-Match") == "\"v1\"")
            #expect(try fixture.bytes(snapshot.htmlURL) == htmlBefore)
            let metadata = try fixture.store.metadata(snapshot)
            #expect(metadata.fetchedAt != "2020-01-01T00:00:00Z")
            #expect(metadata.lastRefresh == "unchanged")
            #expect(metadata.lastRefreshAt != nil)
            #expect(metadata.sha256 == old.sha256 && metadata.etag == old.etag)
        }
    }

    @Test("same bytes from a server that ignores conditionals is unchanged")
    func sameBytes() async throws {
        try await LifecycleFixture.with { fixture in
            fixture.serve("/bridge", Pages.article(), etag: "\"v1\"")
            try await fixture.add("/bridge", name: "bridge")
            let outcome = try await fixture.refresh("bridge")
            #expect(outcome.kind == .unchanged)
            #expect(outcome.status == 200)
            #expect(outcome.message.contains("same bytes"))
        }
    }

    @Test("changed page whose clean text is the same: stored in place")
    func changedRulesPass() async throws {
        try await LifecycleFixture.with { fixture in
            fixture.serve("/bridge", Pages.article())
            try await fixture.add("/bridge", name: "bridge")
            let newPage = Pages.article(extra: "<aside>Weather: sunny</aside>")
            fixture.serve("/bridge", newPage)

            let outcome = try await fixture.refresh("bridge")
            #expect(outcome.kind == .changed)
            #expect(outcome.diff == nil)
            let snapshot = fixture.snapshot("bridge")
            #expect(try fixture.bytes(snapshot.htmlURL) == Array(newPage.utf8))
            let metadata = try fixture.store.metadata(snapshot)
            #expect(metadata.sha256 == SHA256.hex(Array(newPage.utf8)))
            #expect(metadata.lastRefresh == "changed")
            #expect(try fixture.store.expectedText(snapshot) == Pages.expectedText + "\n")
            #expect(fixture.validator.validate(snapshot).passed)
        }
    }

    @Test("changed page with different clean text: stored, diff reported, expected text kept")
    func outputDiffers() async throws {
        try await LifecycleFixture.with { fixture in
            fixture.serve("/bridge", Pages.article())
            try await fixture.add("/bridge", name: "bridge")
            var edited = Pages.paragraphs
            edited[1] = "Construction is now expected to start in the autumn."
            fixture.serve("/bridge", Pages.article(edited))

            let outcome = try await fixture.refresh("bridge")
            #expect(outcome.kind == .outputDiffers)
            let diff = try #require(outcome.diff)
            #expect(diff.contains("-Construction is expected to start next spring and last two years."))
            #expect(diff.contains("+Construction is now expected to start in the autumn."))
            let snapshot = fixture.snapshot("bridge")
            #expect(try fixture.store.expectedText(snapshot) == Pages.expectedText + "\n")
            #expect(try fixture.bytes(snapshot.htmlURL) == Array(Pages.article(edited).utf8))
            #expect(!fixture.validator.validate(snapshot).passed)
        }
    }

    @Test("redesign: content selector matches nothing, new page kept beside the old one")
    func redesignBreaksRules() async throws {
        try await LifecycleFixture.with { fixture in
            fixture.serve("/bridge", Pages.article())
            try await fixture.add("/bridge", name: "bridge")
            let snapshot = fixture.snapshot("bridge")
            let htmlBefore = try fixture.bytes(snapshot.htmlURL)
            let shaBefore = try fixture.store.metadata(snapshot).sha256
            let redesigned = Pages.article(articleClass: "post-body")
            fixture.serve("/bridge", redesigned)

            let outcome = try await fixture.refresh("bridge")
            #expect(outcome.kind == .rulesBroke)
            #expect(outcome.message.contains("matched nothing"))
            #expect(outcome.pendingPage == snapshot.pendingHTMLURL.path)
            #expect(try fixture.bytes(snapshot.htmlURL) == htmlBefore)
            #expect(try fixture.bytes(snapshot.pendingHTMLURL) == Array(redesigned.utf8))
            let old = try fixture.store.metadata(snapshot)
            #expect(old.sha256 == shaBefore && old.lastRefresh == "rules-broke")
            let pending = try JSONDecoder().decode(SnapshotMetadata.self, from: Data(contentsOf: snapshot.pendingMetadataURL))
            #expect(pending.sha256 == SHA256.hex(Array(redesigned.utf8)))
            #expect(fixture.validator.validate(snapshot).passed)
            #expect(try fixture.store.list().map(\.name) == ["bridge"])
        }
    }

    @Test("a cookie-consent wall in place of the article: rules broke")
    func consentWall() async throws {
        try await LifecycleFixture.with { fixture in
            fixture.serve("/bridge", Pages.article())
            try await fixture.add("/bridge", name: "bridge")
            let snapshot = fixture.snapshot("bridge")
            let htmlBefore = try fixture.bytes(snapshot.htmlURL)
            fixture.serve("/bridge", Pages.consentWall)

            let outcome = try await fixture.refresh("bridge")
            #expect(outcome.kind == .rulesBroke)
            #expect(outcome.message.contains("consent wall"))
            #expect(try fixture.bytes(snapshot.htmlURL) == htmlBefore)
            #expect(fixture.exists(snapshot.pendingHTMLURL))
        }
    }

    @Test("text shrunk below half of the expected: rules broke")
    func shrunkText() async throws {
        try await LifecycleFixture.with { fixture in
            fixture.serve("/bridge", Pages.article())
            try await fixture.add("/bridge", name: "bridge")
            fixture.serve("/bridge", Pages.article(["The council met."]))
            let outcome = try await fixture.refresh("bridge")
            #expect(outcome.kind == .rulesBroke)
            #expect(outcome.message.contains("% of the expected"))
        }
    }

    @Test("a reconstructed page is never replaced by the live one: it goes beside")
    func reconstructed() async throws {
        try await LifecycleFixture.with { fixture in
            fixture.serve("/bridge", Pages.article())
            try await fixture.add("/bridge", name: "bridge")
            let snapshot = fixture.snapshot("bridge")
            var metadata = try fixture.store.metadata(snapshot)
            metadata.reconstructed = true
            try fixture.store.writeMetadata(metadata, to: snapshot.metadataURL)
            let htmlBefore = try fixture.bytes(snapshot.htmlURL)
            fixture.serve("/bridge", Pages.article(extra: "<aside>live</aside>"))

            let outcome = try await fixture.refresh("bridge")
            #expect(outcome.kind == .changed)
            #expect(outcome.message.contains("reconstructed"))
            #expect(try fixture.bytes(snapshot.htmlURL) == htmlBefore)
            #expect(fixture.exists(snapshot.pendingHTMLURL))
            #expect(try fixture.store.metadata(snapshot).reconstructed == true)
        }
    }

    @Test("404 and 410 are gone; the page stays, last_refresh records it", arguments: [404, 410])
    func gone(status: Int) async throws {
        try await LifecycleFixture.with { fixture in
            fixture.serve("/bridge", Pages.article())
            try await fixture.add("/bridge", name: "bridge")
            let snapshot = fixture.snapshot("bridge")
            let htmlBefore = try fixture.bytes(snapshot.htmlURL)
            fixture.server.route("/bridge", .text("Not here", status: status))

            let outcome = try await fixture.refresh("bridge")
            #expect(outcome.kind == .gone)
            #expect(outcome.status == status)
            #expect(try fixture.bytes(snapshot.htmlURL) == htmlBefore)
            #expect(try fixture.store.metadata(snapshot).lastRefresh == "gone")
            #expect(!fixture.exists(snapshot.pendingHTMLURL))
        }
    }

    @Test("5xx after retries fails; the page stays")
    func serverError() async throws {
        try await LifecycleFixture.with { fixture in
            fixture.serve("/bridge", Pages.article())
            try await fixture.add("/bridge", name: "bridge")
            fixture.server.route("/bridge", .text("oops", status: 500))
            let outcome = try await fixture.refresh("bridge")
            #expect(outcome.kind == .failed)
            #expect(outcome.status == 500)
            #expect(fixture.server.requestCount("/bridge") == 3)  // add, then two tries
            #expect(try fixture.store.metadata(fixture.snapshot("bridge")).lastRefresh == "failed")
        }
    }

    @Test("server down (closed port) fails; the page stays")
    func serverDown() async throws {
        try await LifecycleFixture.with { fixture in
            // Port 1 on loopback: nothing listens there, so the connection is refused at once.
            let snapshot = Snapshot(root: fixture.store.root, host: "127.0.0.1", name: "down")
            let html = Array(Pages.article().utf8)
            try fixture.store.writePage(html, to: snapshot.htmlURL)
            try fixture.store.writeMetadata(
                SnapshotMetadata(url: "http://127.0.0.1:1/down", fetchedAt: "2026-01-01T00:00:00Z", status: 200, sha256: SHA256.hex(html)),
                to: snapshot.metadataURL)
            let outcome = try await fixture.refresh("down")
            #expect(outcome.kind == .failed)
            #expect(outcome.message.contains("127.0.0.1:1"))
            #expect(try fixture.bytes(snapshot.htmlURL) == html)
            #expect(try fixture.store.metadata(snapshot).lastRefresh == "failed")
        }
    }

    @Test("robots.txt disallowing the page fails")
    func robotsDisallow() async throws {
        try await LifecycleFixture.with { fixture in
            fixture.serve("/bridge", Pages.article())
            try await fixture.add("/bridge", name: "bridge")
            fixture.server.route("/robots.txt", .text("User-agent: *\nDisallow: /\n", contentType: "text/plain"))
            // A new fetcher: the first one cached the earlier (missing) robots.txt.
            let fetcher = PoliteFetcher(configuration: fixture.fetcher.fetcher.configuration, policy: fixture.fetcher.policy)
            let refresher = SnapshotRefresher(store: fixture.store, cleaner: fixture.cleaner, fetcher: fetcher)
            let outcome = try await fixture.refresh("bridge", with: refresher)
            #expect(outcome.kind == .failed)
            #expect(outcome.message.contains("robots.txt"))
        }
    }
}
