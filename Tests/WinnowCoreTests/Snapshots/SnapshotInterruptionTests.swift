import Foundation
import Testing
@testable import WinnowCore
import WinnowTestSupport

private struct DiskFull: Error {}

@Suite("Snapshot refresh: interruptions and concurrency")
struct SnapshotInterruptionTests {
    /// Every byte of the snapshot's files, to compare before and after.
    private func contents(_ fixture: LifecycleFixture, _ snapshot: Snapshot) throws -> [[UInt8]] {
        try [snapshot.htmlURL, snapshot.metadataURL, snapshot.expectedTextURL].map(fixture.bytes)
    }

    @Test("a write failing after staging leaves the old files and no temporary files")
    func failingWrite() async throws {
        try await LifecycleFixture.with { fixture in
            fixture.serve("/bridge", Pages.article())
            try await fixture.add("/bridge", name: "bridge")
            let snapshot = fixture.snapshot("bridge")
            let before = try contents(fixture, snapshot)
            fixture.serve("/bridge", Pages.article(extra: "<aside>new</aside>"))

            var refresher = fixture.refresher
            refresher.beforeCommit = { _ in
                // The new page and metadata are fully staged at this point.
                #expect(try !fixture.temporaryFiles().isEmpty)
                throw DiskFull()
            }
            let outcome = try await fixture.refresh("bridge", with: refresher)
            #expect(outcome.kind == .failed)
            #expect(outcome.message.contains("not saved"))
            #expect(try contents(fixture, snapshot) == before)
            #expect(try fixture.temporaryFiles().isEmpty)
            #expect(!fixture.exists(snapshot.pendingHTMLURL))
        }
    }

    @Test("a refresh cancelled before it commits leaves the old files and no temporary files")
    func cancelled() async throws {
        try await LifecycleFixture.with { fixture in
            fixture.serve("/bridge", Pages.article())
            try await fixture.add("/bridge", name: "bridge")
            let snapshot = fixture.snapshot("bridge")
            let before = try contents(fixture, snapshot)
            fixture.serve("/bridge", Pages.article(articleClass: "redesigned"))

            var refresher = fixture.refresher
            refresher.beforeCommit = { _ in withUnsafeCurrentTask { $0?.cancel() } }
            let outcome = try await fixture.refresh("bridge", with: refresher)
            #expect(outcome.kind == .failed)
            #expect(outcome.message.contains("cancelled"))
            #expect(try contents(fixture, snapshot) == before)
            #expect(try fixture.temporaryFiles().isEmpty)
            #expect(!fixture.exists(snapshot.pendingHTMLURL))
        }
    }

    @Test("a refresh task cancelled while fetching leaves the old files and no temporary files")
    func cancelledWhileFetching() async throws {
        try await LifecycleFixture.with { fixture in
            fixture.serve("/bridge", Pages.article())
            try await fixture.add("/bridge", name: "bridge")
            let snapshot = fixture.snapshot("bridge")
            let before = try contents(fixture, snapshot)
            fixture.server.route("/bridge", TestResponse.text(Pages.article(articleClass: "x")).delivered(.neverRespond))

            let refresher = fixture.refresher
            let task = Task { try await refresher.refresh(.all) }
            // Waits for the request to reach the server (a condition, not a guess at timing).
            while fixture.server.requestCount("/bridge") < 2 { try await Task.sleep(for: .milliseconds(5)) }
            task.cancel()
            let outcome = try #require(try await task.value.outcomes.first)
            #expect(outcome.kind == .failed)
            #expect(try contents(fixture, snapshot) == before)
            #expect(try fixture.temporaryFiles().isEmpty)
        }
    }

    @Test("a snapshot lock excludes a second holder until released")
    func lockExcludes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-lock-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let snapshot = Snapshot(root: root, host: "news.example", name: "bridge")
        var first = try SnapshotLock.tryAcquire(snapshot)
        #expect(first != nil)
        #expect(try SnapshotLock.tryAcquire(snapshot) == nil)
        #expect(try SnapshotLock.tryAcquire(Snapshot(root: root, host: "news.example", name: "other")) != nil)
        first = nil
        #expect(try SnapshotLock.tryAcquire(snapshot) != nil)
        #expect(SnapshotLock.lockURL(for: snapshot).lastPathComponent == ".bridge.lock")
    }

    @Test("two refreshes of the same snapshots at once leave consistent files")
    func concurrentRefreshes() async throws {
        try await LifecycleFixture.with { fixture in
            for index in 0..<4 {
                fixture.serve("/p\(index)", Pages.article())
                try await fixture.add("/p\(index)", name: "p\(index)")
            }
            // Every request gets different bytes with the same clean text.
            for index in 0..<4 {
                fixture.server.route("/p\(index)") { _, hit in .text(Pages.article(extra: "<aside>visit \(hit)</aside>")) }
            }
            async let first = fixture.refresher.refresh(.all, jobs: 4)
            async let second = fixture.refresher.refresh(.all, jobs: 4)
            let reports = try await [first, second]
            for report in reports {
                #expect(report.outcomes.count == 4)
                #expect(report.outcomes.allSatisfy { $0.kind == .changed })
            }
            for snapshot in try fixture.store.list() {
                #expect(try fixture.store.metadata(snapshot).sha256 == SHA256.hex(try fixture.store.pageBytes(snapshot)))
                #expect(fixture.validator.validate(snapshot).passed)
            }
            #expect(try fixture.temporaryFiles().isEmpty)
        }
    }

    @Test("--older-than refreshes only snapshots fetched that long ago")
    func olderThan() async throws {
        try await LifecycleFixture.with { fixture in
            fixture.serve("/old", Pages.article())
            fixture.serve("/new", Pages.article())
            try await fixture.add("/old", name: "old")
            try await fixture.add("/new", name: "new")
            let snapshot = fixture.snapshot("old")
            var metadata = try fixture.store.metadata(snapshot)
            metadata.fetchedAt = Timestamp.string(Date().addingTimeInterval(-8 * 86_400))
            try fixture.store.writeMetadata(metadata, to: snapshot.metadataURL)

            var seen: [String] = []
            let report = try await fixture.refresher.refresh(.all, olderThan: .seconds(7 * 86_400))
            seen = report.outcomes.map(\.id)
            #expect(seen == ["news.example/old"])
            #expect(fixture.server.requestCount("/new") == 1)
        }
    }

    @Test("an unknown snapshot name is an error naming it")
    func unknownName() async throws {
        try await LifecycleFixture.with { fixture in
            await #expect(throws: SnapshotError.self) {
                _ = try await fixture.refresher.refresh(SnapshotSelection(names: ["nope"]))
            }
        }
    }
}
