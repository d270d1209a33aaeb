import Foundation

/// Runs every rule against every stored snapshot, offline, like a test suite for the rules.
public struct Validator: Sendable {
    public let cleaner: Cleaner
    public let store: SnapshotStore

    public init(cleaner: Cleaner, store: SnapshotStore) {
        self.cleaner = cleaner
        self.store = store
    }

    /// Cleans each snapshot and compares it with its expected text.
    public func validate(host: String? = nil, names: [String] = []) throws(SnapshotError) -> ValidationReport {
        let snapshots = try store.list(host: host, names: names)
        var results: [SnapshotValidation] = []
        for snapshot in snapshots {
            results.append(validate(snapshot))
        }
        let coverage = RuleCoverage.compute(ruleBook: cleaner.ruleBook, results: results, host: host)
        return ValidationReport(results: results, coverage: coverage)
    }

    /// Cleans one snapshot and compares; never throws: a broken snapshot is a failed result.
    public func validate(_ snapshot: Snapshot) -> SnapshotValidation {
        do {
            let metadata = try store.metadata(snapshot)
            let page = Page(bytes: try store.pageBytes(snapshot), url: metadata.url,
                            charsetHint: metadata.headerCharset, name: snapshot.htmlURL.path)
            let article = try cleaner.clean(page)
            guard let expected = try store.expectedText(snapshot) else {
                return SnapshotValidation(snapshot: snapshot, outcome: .failed(reason: "no expected text (\(snapshot.expectedTextURL.path)); review the output and run `winnow snapshot accept \(snapshot.id)`"),
                                          article: article)
            }
            let actual = SnapshotStore.normalizedText(article.text)
            let wanted = SnapshotStore.normalizedText(expected)
            if actual == wanted {
                return SnapshotValidation(snapshot: snapshot, outcome: .passed, article: article)
            }
            let diff = LineDiff.unified(old: wanted, new: actual, oldName: "expected \(snapshot.id).txt",
                                        newName: "actual (winnow clean)")
            return SnapshotValidation(snapshot: snapshot, outcome: .differs(diff: diff), article: article)
        } catch let error as CleanError {
            return SnapshotValidation(snapshot: snapshot, outcome: .failed(reason: error.description), article: nil)
        } catch {
            return SnapshotValidation(snapshot: snapshot, outcome: .failed(reason: "\(error)"), article: nil)
        }
    }
}

/// The result of validating one snapshot.
public struct SnapshotValidation: Sendable {
    public enum Outcome: Sendable {
        case passed
        /// The clean text differs from the expected text; `diff` is unified, expected → actual.
        case differs(diff: String)
        /// The snapshot could not be checked (missing file, unparsable page, bad metadata).
        case failed(reason: String)
    }

    public let snapshot: Snapshot
    public let outcome: Outcome
    /// The clean result, when cleaning succeeded.
    public let article: Article?

    public var passed: Bool {
        if case .passed = outcome { return true }
        return false
    }
}

/// Everything `winnow validate` reports.
public struct ValidationReport: Sendable {
    public let results: [SnapshotValidation]
    public let coverage: [RuleCoverage]

    public var passedCount: Int { results.filter(\.passed).count }
    public var failedCount: Int { results.count - passedCount }
    /// Rules that fired on none of the snapshots they apply to.
    public var unusedRules: [RuleCoverage] { coverage.filter { $0.applicableSnapshots > 0 && $0.firedOn == 0 } }
    /// Rules of files that no snapshot exercises at all.
    public var untestedRules: [RuleCoverage] { coverage.filter { $0.applicableSnapshots == 0 } }
}
