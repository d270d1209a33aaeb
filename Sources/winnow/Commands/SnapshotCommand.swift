import ArgumentParser

/// `winnow snapshot`: the life of a snapshot — add, refresh, accept, list.
struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Add, refresh, accept and list the saved pages in Snapshots/.",
        discussion: """
            The rule author's loop: `snapshot add URL` saves a page and what the rules make of it; \
            `validate` checks the rules offline; `snapshot refresh` re-fetches the pages and says \
            which changed and whether the rules still hold; `snapshot accept` adopts the current \
            output (and a page that refresh set aside) as expected.
            """,
        subcommands: [SnapshotAddCommand.self, SnapshotRefreshCommand.self, SnapshotAcceptCommand.self,
                      SnapshotListCommand.self]
    )
}
