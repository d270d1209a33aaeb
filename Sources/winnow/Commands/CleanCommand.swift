import ArgumentParser
import Foundation
import WinnowCore

/// `winnow clean`: saved pages → clean article text.
struct CleanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Clean saved HTML pages into article text.",
        discussion: """
            The page URL picks the site's rule file by host: --url, else a snapshot's .json beside \
            the page, else the URL listed for the page's id in --index. Pages without site rules \
            go through the generic extractor. A page that fails is reported on stderr and the \
            others are still cleaned (exit code 1).
            """
    )

    @Argument(help: "HTML files to clean ('-' reads standard input).")
    var files: [String] = []

    @Option(name: .long, help: "Also clean every *.html file in this directory.")
    var inputDir: String?

    @Option(name: .long, help: "The URL of the page(s), to pick the site's rules.")
    var url: String?

    @Option(name: .long, help: "A JSON Lines file of {\"id\", \"url\"} naming the URL of <id>.html.")
    var index: String?

    @Option(name: .long, help: "Output format: text, json or markdown.")
    var format: OutputFormatArgument = .text

    @Option(name: .long, help: "Write DIR/<name>.<txt|json|md> for each input instead of printing.")
    var outputDir: String?

    @Flag(name: .long, help: "Ignore site rule files: global rules and the generic extractor only.")
    var generic = false

    @OptionGroup var rules: RuleOptions

    func run() async throws {
        try await Self.reportingFailures {
            let ruleBook = try rules.loadRuleBook()
            let style: TextWalker.Style = format.value == .markdown ? .markdown : .plain
            let cleaner = Cleaner(ruleBook: ruleBook, options: .init(useSiteRules: !generic, style: style))
            let inputs = try PageInputs(files: files, inputDir: inputDir, url: url, index: index)
            guard !inputs.paths.isEmpty else { throw CLIFailure.badInput("no input pages: give FILE… or --input-dir DIR") }
            if let outputDir {
                try FileManager.default.createDirectory(atPath: outputDir, withIntermediateDirectories: true)
            }
            var failures = 0
            for (position, path) in inputs.paths.enumerated() {
                do {
                    let article = try cleaner.clean(try inputs.page(at: path))
                    try emit(article, path: path, isFirst: position == 0, many: inputs.paths.count > 1)
                } catch {
                    failures += 1
                    StandardError.write("winnow: \(error)\n")
                }
            }
            if failures > 0 {
                throw CLIFailure.partial("\(failures) of \(inputs.paths.count) pages failed")
            }
        }
    }

    private func emit(_ article: Article, path: String, isFirst: Bool, many: Bool) throws {
        let rendered = format.value.render(article, file: path == "-" ? nil : path)
        if let outputDir {
            let base = path == "-" ? "stdin" : URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            let target = URL(fileURLWithPath: outputDir).appendingPathComponent("\(base).\(format.value.fileExtension)")
            do {
                try Data((rendered + "\n").utf8).write(to: target)
            } catch {
                throw CLIFailure.partial("\(target.path): cannot write output: \(error.localizedDescription)")
            }
            return
        }
        if many, format.value != .json {
            print((isFirst ? "" : "\n") + "==> \(path) <==")
        }
        print(rendered)
    }
}

/// `--format` values.
struct OutputFormatArgument: ExpressibleByArgument {
    let value: OutputFormat

    init?(argument: String) {
        guard let format = OutputFormat(rawValue: argument.lowercased()) ?? (argument.lowercased() == "md" ? .markdown : nil) else {
            return nil
        }
        value = format
    }

    static let text = OutputFormatArgument(argument: "text")!
    static var allValueStrings: [String] { OutputFormat.allCases.map(\.rawValue) }
}
