import ArgumentParser
import Foundation
import WinnowCore

/// `winnow snapshot list`: what is stored, how old, and what the last refresh found.
struct SnapshotListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List snapshots per host: age, last refresh result, pending pages."
    )

    @OptionGroup var snapshots: SnapshotOptions

    func run() async throws {
        try await Self.reportingFailures {
            let statuses: [SnapshotStatus]
            do {
                statuses = try SnapshotStatus.list(SnapshotSelection(host: snapshots.host), in: snapshots.store)
            } catch {
                throw CLIFailure.badInput("\(error)")
            }
            guard !statuses.isEmpty else {
                print("no snapshots" + (snapshots.host.map { " of \($0)" } ?? ""))
                return
            }
            let width = statuses.map(\.snapshot.name.count).max() ?? 0
            var host = ""
            for status in statuses {
                if status.snapshot.host != host {
                    host = status.snapshot.host
                    print(host)
                }
                let age = status.age.map(AgeText.format) ?? "?"
                var line = "  " + status.snapshot.name.padding(toLength: width, withPad: " ", startingAt: 0)
                line += "  " + age.padding(toLength: 5, withPad: " ", startingAt: 0)
                line += "  " + (status.lastRefresh.map { "\($0) \(status.lastRefreshAt ?? "")" } ?? "never refreshed")
                if status.hasPendingPage { line += "  pending: \(status.snapshot.name).new.html" }
                if !status.hasExpectedText { line += "  no .txt" }
                if status.reconstructed { line += "  reconstructed" }
                if let problem = status.problem { line += "  (\(problem))" }
                print(line)
            }
        }
    }
}
