import CCurl
import Foundation

/// Runs libcurl's multi interface on a dedicated thread and completes transfers through callbacks.
///
/// `curl_multi_poll` blocks, so it must not run on Swift's cooperative pool (it would starve other
/// tasks); the loop gets its own `Thread`. Tasks hand transfers over through a locked inbox and wake the
/// thread with `curl_multi_wakeup`.
final class CurlEventLoop: @unchecked Sendable {
    // @unchecked: `inbox` is locked; `multi` and `pending` are touched only by the loop thread
    // (apart from `multi.wakeup()`, which is thread-safe).

    typealias Completion = @Sendable (Result<HopResponse, FetchError>) -> Void

    private struct Submission {
        let easy: CurlEasy
        let completion: Completion
    }

    private struct Inbox {
        var submissions: [Submission] = []
        var cancellationRequested = false
        var stopping = false
    }

    private let inbox = Locked(Inbox())
    private let multi: CurlMulti
    private var pending: [ObjectIdentifier: Submission] = [:]

    /// Longest sleep in `curl_multi_poll`; libcurl shortens it to its own next timeout anyway.
    private static let pollMilliseconds: Int32 = 1000

    init(maxCachedConnections: Int) {
        multi = CurlMulti(maxCachedConnections: maxCachedConnections)
        // The thread keeps the loop alive until `shutdown()` makes `run()` return.
        let thread = Thread { [self] in run() }
        thread.name = "winnow-curl"
        thread.start()
    }

    /// Starts a transfer; `completion` runs exactly once, on the loop thread.
    func submit(_ easy: CurlEasy, completion: @escaping Completion) {
        let accepted = inbox.withLock { inbox in
            guard !inbox.stopping else { return false }
            inbox.submissions.append(Submission(easy: easy, completion: completion))
            return true
        }
        guard accepted else {
            completion(.failure(Self.cancelledError(easy.url, reason: "the fetcher was shut down")))
            return
        }
        multi.wakeup()
    }

    /// Asks the loop to drop every transfer whose `cancellation` flag is set.
    func requestCancellation() {
        inbox.withLock { $0.cancellationRequested = true }
        multi.wakeup()
    }

    /// Fails all transfers as cancelled and ends the thread.
    func shutdown() {
        inbox.withLock { $0.stopping = true }
        multi.wakeup()
    }

    private func run() {
        while true {
            let (submissions, cancellationRequested, stopping) = inbox.withLock { inbox in
                defer {
                    inbox.submissions = []
                    inbox.cancellationRequested = false
                }
                return (inbox.submissions, inbox.cancellationRequested, inbox.stopping)
            }
            for submission in submissions {
                start(submission)
            }
            if cancellationRequested {
                for submission in pending.values where submission.easy.cancellation.withLock({ $0 }) {
                    finish(submission, with: .failure(Self.cancelledError(submission.easy.url, reason: "the task was cancelled")))
                }
            }
            if stopping {
                for submission in pending.values {
                    finish(submission, with: .failure(Self.cancelledError(submission.easy.url, reason: "the fetcher was shut down")))
                }
                return
            }
            multi.perform()
            for (easy, code) in multi.finishedTransfers() {
                guard let submission = pending[ObjectIdentifier(easy)] else { continue }
                finish(submission, with: easy.result(code: code))
            }
            multi.poll(milliseconds: Self.pollMilliseconds)
        }
    }

    private func start(_ submission: Submission) {
        let easy = submission.easy
        if easy.cancellation.withLock({ $0 }) {
            submission.completion(.failure(Self.cancelledError(easy.url, reason: "the task was cancelled")))
            return
        }
        if let reason = multi.add(easy) {
            submission.completion(.failure(FetchError(
                kind: .other, url: easy.url,
                message: "libcurl refused to start the transfer of \(easy.url): \(reason); retry later")))
            return
        }
        pending[ObjectIdentifier(easy)] = submission
    }

    private func finish(_ submission: Submission, with result: Result<HopResponse, FetchError>) {
        pending[ObjectIdentifier(submission.easy)] = nil
        multi.remove(submission.easy)
        submission.completion(result)
    }

    private static func cancelledError(_ url: String, reason: String) -> FetchError {
        FetchError(kind: .cancelled, url: url, message: "fetching \(url) stopped: \(reason)")
    }
}
