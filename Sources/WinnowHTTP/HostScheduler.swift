/// Decides when a request may start: at most `maxConcurrentPerHost` in flight per host, starts to one
/// host at least the host's delay apart, at most `maxConcurrentTotal` in flight overall.
///
/// Waiters are served first come, first served. A waiting task that is cancelled still waits for its
/// turn (the fetch then fails at once); slots are never lost.
actor HostScheduler {
    private struct Host {
        var active = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
        /// The earliest start allowed for the next request; moves forward with every reservation.
        var nextStart: ContinuousClock.Instant
        var delay: Duration
    }

    private let maxPerHost: Int
    private let maxTotal: Int
    private let defaultDelay: Duration
    private let clock = ContinuousClock()
    private var hosts: [String: Host] = [:]
    private var totalActive = 0
    private var totalWaiters: [CheckedContinuation<Void, Never>] = []

    init(policy: PolitenessPolicy) {
        maxPerHost = policy.maxConcurrentPerHost
        maxTotal = policy.maxConcurrentTotal
        defaultDelay = policy.minDelayPerHost
    }

    /// Waits until a request to `host` may start; pair every call with ``release(_:)``.
    func acquire(_ host: String) async {
        var state = hosts[host] ?? Host(nextStart: clock.now, delay: defaultDelay)
        if state.active < maxPerHost {
            state.active += 1
            hosts[host] = state
        } else {
            hosts[host] = state
            // The releasing request hands its slot straight to us, so `active` stays unchanged.
            await withCheckedContinuation { hosts[host]?.waiters.append($0) }
        }

        // Reserve a start time, then sleep until it; a Retry-After may push the host back meanwhile.
        while let current = hosts[host] {
            let now = clock.now
            guard current.nextStart > now else {
                hosts[host]?.nextStart = now + current.delay
                break
            }
            try? await Task.sleep(until: current.nextStart, clock: clock)
            if Task.isCancelled {
                break
            }
        }

        if totalActive < maxTotal {
            totalActive += 1
        } else {
            await withCheckedContinuation { totalWaiters.append($0) }
        }
    }

    /// Ends a request started with ``acquire(_:)``.
    func release(_ host: String) {
        if totalWaiters.isEmpty {
            totalActive -= 1
        } else {
            totalWaiters.removeFirst().resume()
        }
        guard var state = hosts[host] else { return }
        if state.waiters.isEmpty {
            state.active -= 1
        } else {
            state.waiters.removeFirst().resume()
        }
        hosts[host] = state
    }

    /// Raises the delay between starts for `host` (never lowers it below the policy's).
    func raiseDelay(_ host: String, to delay: Duration) {
        var state = hosts[host] ?? Host(nextStart: clock.now, delay: defaultDelay)
        if delay > state.delay {
            state.nextStart = state.nextStart + (delay - state.delay)
            state.delay = delay
        }
        hosts[host] = state
    }

    /// Holds every request to `host` back for `duration` (a 429/503 `Retry-After`).
    func pause(_ host: String, for duration: Duration) {
        var state = hosts[host] ?? Host(nextStart: clock.now, delay: defaultDelay)
        state.nextStart = max(state.nextStart, clock.now + duration)
        hosts[host] = state
    }
}
