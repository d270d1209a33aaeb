import ArgumentParser
import Foundation
import WinnowCore

/// `winnow snapshot refresh`: re-fetch stored pages and report what changed.
struct SnapshotRefreshCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Re-fetch snapshots and report which changed and whether the rules still hold.",
        discussion: """
            Each snapshot is re-fetched with its stored ETag / Last-Modified and sorted into: \
            unchanged; changed (rules still give the expected text; new page stored); \
            output-differs (new page stored, diff printed, expected .txt kept); rules-broke (content \
            selectors matched nothing, text shrank below half, or a consent wall / bot check: the \
            page is kept beside the old one as <name>.new.html); gone (404/410); failed. Exit code 1 \
            when any snapshot is not unchanged or changed.
            """
    )

    @OptionGroup var snapshots: SnapshotOptions
    @OptionGroup var rules: RuleOptions
    @OptionGroup var fetch: FetchOptions

    @Argument(help: "Only these snapshots (name or host/name).")
    var names: [String] = []

    @Option(name: .long, help: "Only snapshots fetched at least this long ago (30m, 12h, 7d, 2w).")
    var olderThan: String?

    @Option(name: .long, help: "Snapshots refreshed at once (per-host politeness limits still apply).")
    var jobs: Int = 4

    @Option(name: .long, help: "Also write a JSON report of every outcome to this file.")
    var report: String?

    func run() async throws {
        try await Self.reportingFailures {
            // Checked here rather than in validate() so a bad invocation exits 2 like every other.
            guard jobs >= 1 else { throw CLIFailure.badInput("--jobs must be at least 1") }
            if let olderThan, AgeText.parse(olderThan) == nil {
                throw CLIFailure.badInput("--older-than '\(olderThan)' is not a duration; use a number and a unit, e.g. 30m, 12h, 7d")
            }
            let refresher = SnapshotRefresher(store: snapshots.store, cleaner: Cleaner(ruleBook: try rules.loadRuleBook()),
                                              fetcher: fetch.makeFetcher())
            let result: RefreshReport
            do {
                result = try await refresher.refresh(
                    SnapshotSelection(host: snapshots.host, names: names),
                    olderThan: olderThan.flatMap(AgeText.parse), jobs: jobs,
                    onOutcome: { RefreshPrinter.write(RefreshPrinter.render($0)) })
            } catch {
                throw CLIFailure.badInput("\(error)")
            }
            if result.outcomes.isEmpty {
                RefreshPrinter.write("nothing to refresh" + (olderThan.map { " (no snapshot older than \($0))" } ?? "") + "\n")
                return
            }
            RefreshPrinter.write(RefreshPrinter.summary(result))
            if let report {
                try write(result, to: report)
            }
            if result.needsAttention {
                let count = result.outcomes.filter(\.kind.needsAttention).count
                throw CLIFailure.partial("\(count) of \(result.outcomes.count) snapshots need attention (see above)")
            }
        }
    }

    private func write(_ result: RefreshReport, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try (encoder.encode(result) + Data("\n".utf8)).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIFailure.partial("\(path): cannot write the report: \(error.localizedDescription)")
        }
    }
}
