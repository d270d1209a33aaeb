import ArgumentParser
import Logging

/// `--quiet` / `--verbose`, and the logger they configure (messages go to standard error).
struct LoggingOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Only errors on standard error; no progress line.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Log retries, robots.txt decisions and every finished URL.")
    var verbose = false

    func makeLogger(label: String) -> Logger {
        var logger = Logger(label: label) { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = quiet ? .error : (verbose ? .info : .warning)
        return logger
    }
}
