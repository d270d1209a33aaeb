import Foundation
import Synchronization
import WinnowCore

/// The one-line progress display on a terminal's standard error: done/total, rate, errors, ETA.
/// Redrawn at most ten times a second; silent when standard error is not a terminal.
final class ProgressLine: Sendable {
    private let enabled: Bool
    private let lastDraw = Mutex<ContinuousClock.Instant?>(nil)

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func update(_ progress: ScrapeProgress) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let due = lastDraw.withLock { last -> Bool in
            if let last, now - last < .milliseconds(100), progress.done < progress.total { return false }
            last = now
            return true
        }
        if due { StandardError.write("\r\u{1B}[K" + Self.describe(progress)) }
    }

    func finish(_ progress: ScrapeProgress) {
        guard enabled else { return }
        StandardError.write("\r\u{1B}[K" + Self.describe(progress) + "\n")
    }

    static func describe(_ progress: ScrapeProgress) -> String {
        var line = String(format: "%d/%d done, %.1f/s, %d errors", progress.done, progress.total, progress.rate, progress.failed)
        if let remaining = progress.secondsRemaining, progress.done < progress.total {
            let seconds = Int(remaining.rounded())
            line += String(format: ", ETA %d:%02d", seconds / 60, seconds % 60)
        }
        return line
    }
}
