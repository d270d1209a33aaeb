import ArgumentParser
import Foundation
import WinnowCore

/// `winnow scrape`: a URL list → one JSON Lines record per URL.
struct ScrapeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scrape",
        abstract: "Fetch and clean a list of URLs into JSON Lines, politely and resumably.",
        discussion: """
            URLS is a file with one URL per line (blank lines and # comments skipped) or '-' for \
            standard input. Every distinct URL yields exactly one record: url, final_url, status, \
            fetched_at, content_type, charset, title, text, rule_file, extractor, elapsed_ms — or \
            an error {kind, message}. Records are written as they finish; running again with the \
            same --output skips URLs already recorded (use --force to start over, --retry-failed \
            to try failed URLs again). robots.txt is obeyed and hosts are rate-limited by default.

            Exit codes: 0 every URL was scraped; 1 some URLs failed (their records say why); \
            2 nothing was scraped (unreadable URL list or output, bad rules or arguments).
            """
    )

    @Argument(help: "File of URLs, or '-' for standard input.")
    var urls: String

    @Option(name: .shortAndLong, help: "Output JSON Lines file (default: standard output, no resume).")
    var output: String?

    @Option(name: .long, help: "Keep the raw pages as DIR/<host>/<name>.html with .json metadata (the snapshot layout).")
    var saveHTML: String?

    @Option(name: .long, help: "Style of the records' text: text or markdown.")
    var format: OutputFormatArgument = .text

    @Flag(name: .long, help: "Ignore an existing --output file and start over.")
    var force = false

    @Flag(name: .long, help: "When resuming, try URLs whose earlier record is an error again.")
    var retryFailed = false

    @Flag(name: .long, help: "Ignore site rule files: global rules and the generic extractor only.")
    var generic = false

    @Option(name: .long, help: "Transfers in flight at once, over all hosts.")
    var jobs: Int = 32

    @OptionGroup var fetch: FetchOptions
    @OptionGroup var logging: LoggingOptions
    @OptionGroup var rules: RuleOptions

    func run() async throws {
        try await Self.reportingFailures {
            let logger = logging.makeLogger(label: "winnow.scrape")
            let style: TextWalker.Style = format.value == .markdown ? .markdown : .plain
            let cleaner = Cleaner(ruleBook: try rules.loadRuleBook(), options: .init(useSiteRules: !generic, style: style))
            let list = URLList(text: try readList())
            var entries = list.interleavedByHost()
            if let output {
                if force {
                    try? FileManager.default.removeItem(atPath: output)
                } else {
                    if retryFailed { try RecordLog.removeFailures(at: output) }
                    let recorded = RecordLog.recordedURLs(at: output, retryingFailures: retryFailed)
                    let before = entries.count
                    entries.removeAll { recorded.contains($0.text) }
                    if before > entries.count {
                        logger.notice("resuming: \(before - entries.count) URLs already recorded in \(output)")
                        if !logging.quiet { StandardError.write("resuming: \(before - entries.count) of \(before) URLs already in \(output)\n") }
                    }
                }
            }
            let log = try RecordLog(path: output)
            let scraper = Scraper(fetcher: fetch.makeFetcher(maxConcurrent: jobs, logger: logger), cleaner: cleaner,
                                  options: .init(jobs: jobs, saveHTMLDirectory: saveHTML.map { URL(fileURLWithPath: $0) }))
            let meter = ProgressLine(enabled: !logging.quiet && isatty(STDERR_FILENO) == 1)
            let result = try await scraper.run(entries, log: log) { meter.update($0) }
            meter.finish(result)
            if result.failed > 0 {
                throw CLIFailure.partial("\(result.failed) of \(result.total) URLs failed (see the error field of their records)")
            }
        }
    }

    private func readList() throws -> String {
        if urls == "-" {
            return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        guard let data = FileManager.default.contents(atPath: urls) else {
            throw CLIFailure.badInput(ScrapeError.urlList(path: urls, reason: "no such file or not readable").description)
        }
        return String(decoding: data, as: UTF8.self)
    }
}
