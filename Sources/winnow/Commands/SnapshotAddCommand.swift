import ArgumentParser
import Foundation
import WinnowCore

/// `winnow snapshot add URL`: fetch a page and store it as a snapshot.
struct SnapshotAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Fetch a page and store it as a snapshot, with its current clean text as expected.",
        discussion: """
            Stores Snapshots/<host>/<name>.html (the bytes as fetched), .json (URL, status, headers, \
            charset, sha256) and .txt (the clean text, printed here for review). Fix the rules and \
            run `winnow snapshot accept <host>/<name>` until the text is right.
            """
    )

    @Argument(help: "The page URL (http or https).")
    var url: String

    @Option(name: .long, help: "Snapshot name (default: a slug of the URL path).")
    var name: String?

    @Flag(name: .long, help: "Replace an existing snapshot of that name.")
    var force = false

    @Option(name: .long, help: "Directory of snapshots.")
    var snapshots: String = "Snapshots"

    @OptionGroup var rules: RuleOptions
    @OptionGroup var fetch: FetchOptions

    func run() async throws {
        try await Self.reportingFailures {
            let ruleBook = try rules.loadRuleBook()
            let store = SnapshotStore(root: URL(fileURLWithPath: snapshots))
            let recorder = SnapshotRecorder(store: store, cleaner: Cleaner(ruleBook: ruleBook), fetcher: fetch.makeFetcher())
            let recorded: SnapshotRecorder.Recorded
            do {
                recorded = try await recorder.add(url: url, name: name, force: force)
            } catch {
                // No page to be had is a partial failure (1); a bad URL, name or rule is bad input (2).
                switch error as? SnapshotLifecycleError {
                case .fetch, .unexpectedStatus, .cancelled: throw CLIFailure.partial("\(error)")
                default: throw CLIFailure.badInput("\(error)")
                }
            }
            let article = recorded.article
            let snapshot = recorded.snapshot
            var header = "stored \(snapshot.id): \(snapshot.htmlURL.path) (\(recorded.metadata.status), \(article.charset.name), sha256 \(recorded.metadata.sha256.prefix(12))…)\n"
            header += "extractor: \(article.extractor.rawValue)" + (article.ruleFile.map { " (\($0))" } ?? "") + "\n"
            for warning in article.warnings { header += "warning: \(warning)\n" }
            if let title = article.title { header += "title: \(title)\n" }
            print(header + "----- expected text (\(snapshot.expectedTextURL.path)) -----")
            print(article.text)
            print("-----\nReview it; if it is wrong, fix Selectors/ and run `winnow snapshot accept \(snapshot.id)`.")
        }
    }
}
