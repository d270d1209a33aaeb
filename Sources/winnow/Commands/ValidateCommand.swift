import ArgumentParser
import WinnowCore

/// `winnow validate`: every rule against every stored snapshot, offline.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the cleaning rules against the stored snapshots (offline).",
        discussion: """
            Cleans each Snapshots/<host>/<name>.html with its site's rules and compares the result \
            with <name>.txt. Prints a unified diff per failure, a rule coverage report (rules that \
            fired on none of their site's snapshots), then 'N passed, N failed'. Exit code 1 when \
            any snapshot fails (or, with --strict, any rule is unused or untested).
            """
    )

    @OptionGroup var rules: RuleOptions
    @OptionGroup var snapshots: SnapshotOptions

    @Argument(help: "Only these snapshots (name or host/name).")
    var names: [String] = []

    @Flag(name: .long, help: "Treat unused and untested rules as failures.")
    var strict = false

    @Flag(name: .long, help: "Print the coverage of every rule, not only the unused ones.")
    var coverage = false

    func run() async throws {
        try await Self.reportingFailures {
            let ruleBook = try rules.loadRuleBook()
            let cleaner = Cleaner(ruleBook: ruleBook, options: .init(checksBackupSelectors: true))
            let validator = Validator(cleaner: cleaner, store: snapshots.store)
            let report: ValidationReport
            do {
                report = try validator.validate(host: snapshots.host, names: names)
            } catch {
                throw CLIFailure.badInput("\(error)")
            }
            print(ValidationPrinter.render(report, allCoverage: coverage, strict: strict), terminator: "")
            let ruleProblems = strict ? report.unusedRules.count + report.untestedRules.count : 0
            if report.results.isEmpty {
                throw CLIFailure.partial("no snapshots found")
            }
            if report.failedCount > 0 || ruleProblems > 0 {
                throw ExitCode(1)
            }
        }
    }
}
