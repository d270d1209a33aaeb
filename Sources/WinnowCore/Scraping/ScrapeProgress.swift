import Foundation

/// Counters of a running scrape, for the progress line and the final summary.
public struct ScrapeProgress: Sendable {
    public let total: Int
    public private(set) var done = 0
    public private(set) var failed = 0
    /// Failures by kind (`timeout`, `http`, …).
    public private(set) var failuresByKind: [String: Int] = [:]
    public let startedAt = ContinuousClock.now

    public init(total: Int) {
        self.total = total
    }

    mutating func record(_ record: ScrapeRecord) {
        done += 1
        if let error = record.error {
            failed += 1
            failuresByKind[error.kind, default: 0] += 1
        }
    }

    /// Records per second so far.
    public var rate: Double {
        let seconds = Double((ContinuousClock.now - startedAt) / .milliseconds(1)) / 1000
        return seconds > 0 ? Double(done) / seconds : 0
    }

    /// Estimated seconds to go, once the rate is known.
    public var secondsRemaining: Double? {
        rate > 0 ? Double(total - done) / rate : nil
    }
}
