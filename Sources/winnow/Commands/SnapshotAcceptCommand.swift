import ArgumentParser
import WinnowCore

/// `winnow snapshot accept`: adopt the current output as expected.
struct SnapshotAcceptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept",
        abstract: "Store what Winnow makes of a snapshot now as its expected text.",
        discussion: """
            First moves a pending <name>.new.html (and .new.json), set aside by `snapshot refresh`, \
            into place; then writes the clean text of the page as <name>.txt. Accepting every \
            snapshot at once needs --all.
            """
    )

    @OptionGroup var snapshots: SnapshotOptions
    @OptionGroup var rules: RuleOptions

    @Argument(help: "Snapshots to accept (name or host/name).")
    var names: [String] = []

    @Flag(name: .long, help: "Accept every snapshot (of --host, if given).")
    var all = false

    func run() async throws {
        try await Self.reportingFailures {
            // Checked here rather than in validate() so a bad invocation exits 2 like every other.
            if names.isEmpty && snapshots.host == nil && !all {
                throw CLIFailure.badInput("name the snapshots to accept (NAME… or --host HOST), or pass --all to accept every one")
            }
            let acceptor = SnapshotAcceptor(store: snapshots.store, cleaner: Cleaner(ruleBook: try rules.loadRuleBook()))
            let results: [Result<SnapshotAcceptor.Accepted, SnapshotLifecycleError>]
            do {
                results = try await acceptor.accept(SnapshotSelection(host: snapshots.host, names: names))
            } catch {
                throw CLIFailure.badInput("\(error)")
            }
            var failures = 0
            for result in results {
                switch result {
                case .success(let accepted):
                    var line = "accepted \(accepted.snapshot.id):"
                    if accepted.movedPendingPage { line += " moved \(accepted.snapshot.name).new.html into place;" }
                    line += accepted.textChanged ? " expected text updated" : " expected text unchanged"
                    print(line)
                    if accepted.article.extractor == .genericFallback {
                        StandardError.write("warning: \(accepted.snapshot.id): the content selectors matched nothing; the expected text is now the generic extractor's — fix the rules and accept again\n")
                    }
                case .failure(let error):
                    failures += 1
                    StandardError.write("winnow: \(error.description)\n")
                }
            }
            if failures > 0 {
                throw CLIFailure.partial("\(failures) of \(results.count) snapshots not accepted")
            }
        }
    }
}
