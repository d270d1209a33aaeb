import ArgumentParser
import WinnowHTTP

/// `winnow`: scrape web pages and clean them into article text.
@main
struct Winnow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "winnow",
        abstract: "Scrape web pages and clean them into article text.",
        discussion: """
            Exit codes: 0 success; 1 some pages or snapshots failed (the others were still \
            processed); 2 bad rules or bad arguments (nothing was processed).
            """,
        version: FetcherConfiguration.winnowVersion,
        subcommands: [CleanCommand.self, ScrapeCommand.self, ValidateCommand.self, SnapshotCommand.self, BenchCommand.self]
    )
}
