/// One robots.txt lookup per origin for the life of a ``PoliteFetcher``: the first request for an
/// origin starts the download, every concurrent request for it awaits that same download.
actor RobotsCache {
    private var entries: [String: Task<RobotsRules, Never>] = [:]

    /// The rules for `origin`, loading them with `load` if nobody has yet.
    func rules(for origin: String, load: @escaping @Sendable () async -> RobotsRules) async -> RobotsRules {
        if let entry = entries[origin] {
            return await entry.value
        }
        // Unstructured, so that cancelling the first requester does not fail everyone waiting on it.
        let entry = Task { await load() }
        entries[origin] = entry
        return await entry.value
    }
}
