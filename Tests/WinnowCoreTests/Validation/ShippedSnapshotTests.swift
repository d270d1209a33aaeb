import Foundation
import Testing
import WinnowCore

/// The rules and snapshots shipped in the repository are what `winnow validate` checks; these
/// tests keep them passing in `swift test` too.
@Suite("Shipped snapshots")
struct ShippedSnapshotTests {
    private func validator() throws -> Validator {
        Validator(cleaner: Cleaner(ruleBook: try RuleBook.load(directory: Repository.selectors)),
                  store: SnapshotStore(root: Repository.snapshots))
    }

    @Test("every shipped snapshot passes with the shipped rules")
    func allPass() throws {
        let report = try validator().validate()
        #expect(report.results.count >= 1)
        for result in report.results where !result.passed {
            Issue.record("\(result.snapshot.id): \(result.outcome)")
        }
    }

    @Test("the RT Arabic page comes out without the live badge, the share bar or the cookie notice")
    func rtArabicBoilerplateGone() throws {
        let validator = try validator()
        let snapshot = try #require(try validator.store.list(host: "arabic.rt.com").first)
        let metadata = try validator.store.metadata(snapshot)
        let article = try validator.cleaner.clean(Page(bytes: try validator.store.pageBytes(snapshot), url: metadata.url))
        #expect(article.ruleFile == "arabic.rt.com.yaml")
        #expect(article.text.contains("قال وزير الخارجية الروسي سيرغي لافروف"))
        #expect(article.text.contains("المصدر: وكالات"))
        for boilerplate in ["مباشر", "تابعوا RT على", "ملفات تعريف الارتباط"] {
            #expect(!article.text.contains(boilerplate), "found \(boilerplate)")
        }
        // The naive scrape's boilerplate really is in the page, so the test can fail.
        let raw = String(decoding: try validator.store.pageBytes(snapshot), as: UTF8.self)
        #expect(raw.contains("مباشر") && raw.contains("تابعوا RT على") && raw.contains("ملفات تعريف الارتباط"))
    }
}
