import Foundation

/// A URL list as users write it: one URL per line, blank lines and `#` comments skipped.
public struct URLList: Sendable {
    /// One line of the list that holds something.
    public struct Entry: Sendable, Hashable {
        /// 1-based line number in the list.
        public let line: Int
        /// The line as written (trimmed).
        public let text: String
        /// Why the line is not a usable URL; nil when it is one.
        public let problem: String?

        public var isValid: Bool { problem == nil }
    }

    public let entries: [Entry]

    /// Parses list text. Duplicate URLs are kept once (the first line wins), so every distinct URL
    /// yields exactly one record.
    public init(text: String) {
        var seen = Set<String>()
        var entries: [Entry] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty, !line.hasPrefix("#"), seen.insert(line).inserted else { continue }
            entries.append(Entry(line: index + 1, text: line, problem: Self.problem(with: line)))
        }
        self.entries = entries
    }

    /// What is wrong with `text` as a URL to fetch, or nil.
    static func problem(with text: String) -> String? {
        guard let components = URLComponents(string: text) else {
            return "not a URL (check for spaces or stray characters)"
        }
        guard let scheme = components.scheme?.lowercased() else {
            return "no scheme; write it as http://… or https://…"
        }
        guard scheme == "http" || scheme == "https" else {
            return "scheme \(scheme): only http and https URLs are fetched"
        }
        guard let host = components.host, !host.isEmpty else {
            return "no host name"
        }
        return nil
    }

    /// The entries reordered so that hosts take turns (a, b, c, a, b, c, …). Per-host politeness
    /// limits then hold back one host's queue without idling the workers on everyone else's.
    public func interleavedByHost() -> [Entry] {
        var queues: [String: [Entry]] = [:]
        var order: [String] = []
        for entry in entries {
            let host = Page.host(of: entry.text) ?? ""
            if queues[host] == nil { order.append(host) }
            queues[host, default: []].append(entry)
        }
        var result: [Entry] = []
        result.reserveCapacity(entries.count)
        var round = 0
        while result.count < entries.count {
            for host in order where round < queues[host]!.count {
                result.append(queues[host]![round])
            }
            round += 1
        }
        return result
    }
}
