import ArgumentParser
import Foundation
import WinnowCore

/// Where the selector rule files are.
struct RuleOptions: ParsableArguments {
    @Option(name: .long, help: "Directory of selector rule files.")
    var selectors: String = "Selectors"

    /// Loads every rule file, or fails with the file and line of the first problem.
    func loadRuleBook() throws -> RuleBook {
        do {
            return try RuleBook.load(directory: URL(fileURLWithPath: selectors))
        } catch {
            throw CLIFailure.badInput("\(error)")
        }
    }
}
