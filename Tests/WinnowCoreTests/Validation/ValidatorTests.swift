import Foundation
import Testing
import WinnowCore

@Suite("Validator")
struct ValidatorTests {
    /// A snapshots folder with one passing, one differing and one broken snapshot.
    private func fixture() throws -> (Validator, URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-validate-\(UUID().uuidString)")
        let store = SnapshotStore(root: root)
        func add(_ name: String, html: String, expected: String?, metadata: Bool = true) throws {
            let snapshot = Snapshot(root: root, host: "example.com", name: name)
            try store.writePage(Array(html.utf8), to: snapshot.htmlURL)
            if metadata {
                try store.writeMetadata(SnapshotMetadata(url: "https://example.com/\(name)", fetchedAt: "2026-01-01T00:00:00Z",
                                                         status: 200, sha256: ""), to: snapshot.metadataURL)
            }
            if let expected { try store.writeExpectedText(expected, for: snapshot) }
        }
        try add("good", html: "<article><p>One.</p><p class='ad'>Ad</p><p>Two.</p></article>", expected: "One.\n\nTwo.")
        try add("changed", html: "<article><p>One.</p><p>Three.</p></article>", expected: "One.\n\nTwo.")
        try add("broken", html: "<p>x</p>", expected: "x", metadata: false)
        let rules = try RuleBook(files: [try RuleFile(yaml: "hosts: [example.com]\ncontent: article\nremove: [.ad, .never]", file: "example.com.yaml")])
        return (Validator(cleaner: Cleaner(ruleBook: rules), store: store), root)
    }

    @Test("passes, diffs and broken snapshots are each reported")
    func outcomes() throws {
        let (validator, root) = try fixture()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try validator.validate()
        #expect(report.passedCount == 1)
        #expect(report.failedCount == 2)
        let byName = Dictionary(uniqueKeysWithValues: report.results.map { ($0.snapshot.name, $0.outcome) })
        guard case .differs(let diff) = byName["changed"] else { Issue.record("expected a diff"); return }
        #expect(diff.contains("-Two.\n+Three."))
        guard case .failed(let reason) = byName["broken"] else { Issue.record("expected a failure"); return }
        #expect(reason.contains("broken.json"))
    }

    @Test("rule coverage lists rules that fired on no snapshot")
    func coverage() throws {
        let (validator, root) = try fixture()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try validator.validate()
        #expect(report.unusedRules.map(\.rule.pattern) == [".never"])
        let ad = try #require(report.coverage.first { $0.rule.pattern == ".ad" })
        #expect(ad.firedOn == 1 && ad.applicableSnapshots == 2)
    }

    @Test("backup content selectors count as fired when they still match, only when asked")
    func backupSelectors() throws {
        let rules = try RuleBook(files: [try RuleFile(yaml: "hosts: [example.com]\ncontent: [article, .body, .gone]", file: "example.com.yaml")])
        let page = Page(bytes: Array("<article class='body'><p>x</p></article>".utf8), url: "https://example.com/a")
        let plain = try Cleaner(ruleBook: rules).clean(page).firedRules.map(\.pattern)
        #expect(plain == ["article"])
        let checking = try Cleaner(ruleBook: rules, options: .init(checksBackupSelectors: true)).clean(page)
        #expect(Set(checking.firedRules.map(\.pattern)) == ["article", ".body"])
        #expect(checking.text == "x")
    }

    @Test("a missing snapshots directory is an error naming it")
    func missingDirectory() {
        let store = SnapshotStore(root: URL(fileURLWithPath: "/nonexistent/snapshots"))
        let validator = Validator(cleaner: Cleaner(ruleBook: RuleBook()), store: store)
        #expect(throws: SnapshotError.self) { _ = try validator.validate() }
    }
}
