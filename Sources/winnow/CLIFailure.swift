import ArgumentParser

/// How a command ends unsuccessfully; each case maps to a documented exit code.
enum CLIFailure: Error, CustomStringConvertible {
    /// Some inputs failed; the rest were processed. Exit code 1.
    case partial(String)
    /// Nothing could be processed (bad rules, bad arguments, missing directories). Exit code 2.
    case badInput(String)

    var description: String {
        switch self {
        case .partial(let message), .badInput(let message): return message
        }
    }

    var exitCode: ExitCode {
        switch self {
        case .partial: return ExitCode(1)
        case .badInput: return ExitCode(2)
        }
    }
}

extension ParsableCommand {
    /// Runs `body`, turning a ``CLIFailure`` into its message on stderr and its exit code.
    static func reportingFailures(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let failure as CLIFailure {
            StandardError.write("winnow: \(failure.description)\n")
            throw failure.exitCode
        }
    }
}
