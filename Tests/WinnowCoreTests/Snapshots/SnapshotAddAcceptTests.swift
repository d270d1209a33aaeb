import Foundation
import Testing
@testable import WinnowCore
import WinnowTestSupport

@Suite("Snapshot add, accept and list")
struct SnapshotAddAcceptTests {
    @Test("add stores the bytes as fetched, metadata and the clean text")
    func add() async throws {
        try await LifecycleFixture.with { fixture in
            let page = Pages.article()
            fixture.server.route("/2026/bridge-approved.html", .text(page, contentType: "text/html; charset=UTF-8",
                                                                      headers: [("ETag", "\"e1\""), ("Last-Modified", "Tue, 01 Sep 2026 10:00:00 GMT")]))
            let recorded = try await fixture.recorder.add(url: fixture.url("/2026/bridge-approved.html"))
            #expect(recorded.snapshot.id == "news.example/bridge-approved")
            #expect(recorded.article.text == Pages.expectedText)
            let snapshot = recorded.snapshot
            #expect(try fixture.bytes(snapshot.htmlURL) == Array(page.utf8))
            let metadata = try fixture.store.metadata(snapshot)
            #expect(metadata.url == fixture.url("/2026/bridge-approved.html"))
            #expect(metadata.status == 200 && metadata.finalURL == nil)
            #expect(metadata.contentType == "text/html; charset=UTF-8")
            #expect(metadata.charset == "utf-8")
            #expect(metadata.etag == "\"e1\"" && metadata.lastModified == "Tue, 01 Sep 2026 10:00:00 GMT")
            #expect(metadata.sha256 == SHA256.hex(Array(page.utf8)))
            #expect(Timestamp.date(metadata.fetchedAt) != nil)
            #expect(fixture.validator.validate(snapshot).passed)
        }
    }

    @Test("add refuses to overwrite without force, replaces with it")
    func addRefusesOverwrite() async throws {
        try await LifecycleFixture.with { fixture in
            fixture.serve("/bridge", Pages.article())
            try await fixture.add("/bridge", name: "bridge")
            let before = fixture.server.requestCount("/bridge")
            await #expect {
                try await fixture.recorder.add(url: fixture.url("/bridge"), name: "bridge")
            } throws: { error in
                guard case .snapshot(.alreadyExists(let id)) = error as? SnapshotLifecycleError else { return false }
                return id == "news.example/bridge"
            }
            #expect(fixture.server.requestCount("/bridge") == before)  // refused before fetching
            let changed = Pages.article(["Only one paragraph now, but a long enough one to read."])
            fixture.serve("/bridge", changed)
            let replaced = try await fixture.recorder.add(url: fixture.url("/bridge"), name: "bridge", force: true)
            #expect(try fixture.bytes(replaced.snapshot.htmlURL) == Array(changed.utf8))
            #expect(fixture.validator.validate(replaced.snapshot).passed)
        }
    }

    @Test("add of a 404 writes nothing")
    func addNotFound() async throws {
        try await LifecycleFixture.with { fixture in
            await #expect(throws: SnapshotLifecycleError.self) {
                try await fixture.recorder.add(url: fixture.url("/missing"))
            }
            let stored = try fixture.store.list()
            #expect(stored.isEmpty)
        }
    }

    @Test("default names are slugs of the URL path", arguments: [
        ("https://news.example/2026/09/Bridge-Approved.html", "bridge-approved"),
        ("https://news.example/news/784421-lavrov-syria/", "784421-lavrov-syria"),
        ("https://news.example/story?id=7", "story"),
        ("https://news.example/blog/index.php", "blog"),
        ("https://news.example/%D8%AE%D8%A8%D8%B1", "news-"),
        ("https://news.example/", "news-"),
    ])
    func defaultName(url: String, prefix: String) throws {
        let name = SnapshotRecorder.defaultName(for: try #require(URL(string: url)))
        #expect(name.hasPrefix(prefix))
        #expect(SnapshotRecorder.isValidName(name))
    }

    @Test func invalidNames() {
        for name in ["", ".hidden", "a/b", "page.new", "خبر"] {
            #expect(!SnapshotRecorder.isValidName(name), "\(name)")
        }
    }

    @Test("accept after a redesign: pending page moved into place, text updated, validate passes")
    func acceptPending() async throws {
        try await LifecycleFixture.with { fixture in
            fixture.serve("/bridge", Pages.article())
            try await fixture.add("/bridge", name: "bridge")
            let redesigned = Pages.article(Pages.paragraphs + ["A fourth paragraph arrived with the redesign."], articleClass: "post")
            fixture.serve("/bridge", redesigned)
            #expect(try await fixture.refresh("bridge").kind == .rulesBroke)
            let snapshot = fixture.snapshot("bridge")
            #expect(SnapshotStatus.status(of: snapshot, in: fixture.store).hasPendingPage)

            let results = try await fixture.acceptor.accept(SnapshotSelection(host: "news.example"))
            let accepted = try #require(try results.first?.get())
            #expect(accepted.movedPendingPage && accepted.textChanged)
            #expect(try fixture.bytes(snapshot.htmlURL) == Array(redesigned.utf8))
            #expect(!fixture.exists(snapshot.pendingHTMLURL) && !fixture.exists(snapshot.pendingMetadataURL))
            let metadata = try fixture.store.metadata(snapshot)
            #expect(metadata.sha256 == SHA256.hex(Array(redesigned.utf8)))
            #expect(metadata.lastRefresh == SnapshotAcceptor.acceptedMarker)
            #expect(try fixture.store.expectedText(snapshot)?.contains("A fourth paragraph") == true)
            #expect(fixture.validator.validate(snapshot).passed)
            #expect(try fixture.temporaryFiles().isEmpty)
        }
    }

    @Test("accept after output differs: the new text becomes expected")
    func acceptDiffering() async throws {
        try await LifecycleFixture.with { fixture in
            fixture.serve("/bridge", Pages.article())
            try await fixture.add("/bridge", name: "bridge")
            var edited = Pages.paragraphs
            edited[0] = "The council approved the new bridge on Wednesday."
            fixture.serve("/bridge", Pages.article(edited))
            #expect(try await fixture.refresh("bridge").kind == .outputDiffers)
            let snapshot = fixture.snapshot("bridge")
            #expect(!fixture.validator.validate(snapshot).passed)
            let accepted = try await fixture.acceptor.accept(snapshot)
            #expect(!accepted.movedPendingPage && accepted.textChanged)
            #expect(fixture.validator.validate(snapshot).passed)
            #expect(try await fixture.refresh("bridge").kind == .unchanged)
        }
    }

    @Test("list reports age, last refresh and pending pages")
    func list() async throws {
        try await LifecycleFixture.with { fixture in
            fixture.serve("/bridge", Pages.article())
            try await fixture.add("/bridge", name: "bridge")
            fixture.server.route("/bridge", .status(404))
            _ = try await fixture.refresh("bridge")
            let later = Date().addingTimeInterval(3 * 3600)
            let statuses = try SnapshotStatus.list(.all, in: fixture.store, now: later)
            let status = try #require(statuses.first)
            #expect(statuses.count == 1)
            #expect(status.lastRefresh == "gone")
            #expect(!status.hasPendingPage && status.hasExpectedText)
            #expect(AgeText.format(try #require(status.age)).hasSuffix("h"))
        }
    }
}
