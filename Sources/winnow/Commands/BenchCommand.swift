import ArgumentParser
import Foundation
import WinnowCore

/// `winnow bench`: cleaning throughput against libxml2's parse-only rate.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure parse-only vs. full cleaning throughput on a folder of pages (one core).",
        discussion: "Build with -c release for meaningful numbers: swift run -c release winnow bench --pages DIR"
    )

    @Option(name: .long, help: "Folder of *.html pages.")
    var pages: String

    @Option(name: .long, help: "JSON Lines {\"id\", \"url\"} giving each <id>.html its URL (so site rules apply).")
    var index: String?

    @Option(name: .long, help: "How many times to go over the pages.")
    var repeats: Int = 3

    @Flag(name: .long, help: "Also time the parts of a generic clean (metadata, global rules, extractor) after parsing.")
    var components = false

    @OptionGroup var rules: RuleOptions

    func run() async throws {
        try await Self.reportingFailures {
            let inputs = try PageInputs(files: [], inputDir: pages, url: nil, index: index)
            let loaded = try inputs.paths.map { try inputs.page(at: $0) }
            guard !loaded.isEmpty else { throw CLIFailure.badInput("\(pages): no *.html pages") }
            let benchmark = CleaningBenchmark(pages: loaded, cleaner: Cleaner(ruleBook: try rules.loadRuleBook()), repeats: repeats)
            let megabytes = Double(loaded.reduce(0) { $0 + $1.bytes.count }) / 1_048_576
            print(String(format: "%d pages, %.1f MB, %d repeats", loaded.count, megabytes, repeats))
            let parse = benchmark.parseOnly()
            let stages = [
                parse,
                benchmark.clean(named: "clean (site rules)", options: .init(useSiteRules: true)),
                benchmark.clean(named: "clean (generic only)", options: .init(useSiteRules: false)),
            ] + (components ? benchmark.components() : [])
            for stage in stages {
                let label = stage.name.padding(toLength: 22, withPad: " ", startingAt: 0)
                print(label + String(format: " %8.1f pages/s %8.1f MB/s   %.2f× parse-only",
                             stage.pagesPerSecond, stage.megabytesPerSecond,
                             stage.pagesPerSecond / parse.pagesPerSecond))
            }
            print(String(format: "peak RSS %.1f MB", Double(CleaningBenchmark.peakResidentBytes()) / 1_048_576))
        }
    }
}
