/// What `snapshot refresh` found for one snapshot: the class, and everything a report needs.
public struct RefreshOutcome: Sendable, Codable, Equatable {
    /// The classes of refresh result. The raw values appear in reports and in `last_refresh`.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// 304 Not Modified, or the same bytes: only `fetched_at` and `last_refresh*` were updated.
        case unchanged
        /// The page changed and the rules still produce the expected text; the new page was stored.
        case changed
        /// The page changed and the clean text differs from the expected text; the new page was
        /// stored, the expected `.txt` kept; review the diff and `accept` or fix the rules.
        case outputDiffers = "output-differs"
        /// The new page looks broken for the rules (content selectors matched nothing, the text
        /// shrank below half, or it is a consent wall or bot check); it was stored beside the old
        /// one as `.new.html`, never in its place.
        case rulesBroke = "rules-broke"
        /// 404 or 410: the page is gone. Nothing stored but `last_refresh`.
        case gone
        /// The fetch failed (network, 5xx after retries, robots.txt) or the update could not be
        /// written. Nothing stored but `last_refresh`, when possible.
        case failed

        /// Whether a person should look at this snapshot.
        public var needsAttention: Bool {
            switch self {
            case .unchanged, .changed: return false
            case .outputDiffers, .rulesBroke, .gone, .failed: return true
            }
        }
    }

    /// `host/name`.
    public var id: String
    /// The class of result.
    public var kind: Kind
    /// The HTTP status of the re-fetch, when there was an answer.
    public var status: Int?
    /// What happened, for people: what was stored where, or why nothing was.
    public var message: String
    /// Unified diff, expected text → new clean text (for ``Kind/outputDiffers`` and ``Kind/rulesBroke``).
    public var diff: String?
    /// The `.new.html` written beside the snapshot, for ``Kind/rulesBroke``.
    public var pendingPage: String?
    /// When the refresh of this snapshot finished (ISO 8601).
    public var refreshedAt: String

    /// An outcome; `refreshedAt` is ISO 8601.
    public init(id: String, kind: Kind, status: Int? = nil, message: String, diff: String? = nil,
                pendingPage: String? = nil, refreshedAt: String) {
        self.id = id
        self.kind = kind
        self.status = status
        self.message = message
        self.diff = diff
        self.pendingPage = pendingPage
        self.refreshedAt = refreshedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, status, message, diff
        case pendingPage = "pending_page"
        case refreshedAt = "refreshed_at"
    }
}

/// The outcomes of one `snapshot refresh` run, as written by `--report`.
public struct RefreshReport: Sendable, Codable, Equatable {
    /// When the run started and finished (ISO 8601).
    public var startedAt: String
    public var finishedAt: String
    /// Outcomes sorted by snapshot id.
    public var outcomes: [RefreshOutcome]

    /// A report; the outcomes are sorted by id.
    public init(startedAt: String, finishedAt: String, outcomes: [RefreshOutcome]) {
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.outcomes = outcomes.sorted { $0.id < $1.id }
    }

    /// How many outcomes fell in each class (every class present, zero included).
    public var counts: [RefreshOutcome.Kind: Int] {
        var counts = Dictionary(uniqueKeysWithValues: RefreshOutcome.Kind.allCases.map { ($0, 0) })
        for outcome in outcomes { counts[outcome.kind, default: 0] += 1 }
        return counts
    }

    /// Whether any snapshot broke, differs, is gone or failed.
    public var needsAttention: Bool { outcomes.contains { $0.kind.needsAttention } }

    enum CodingKeys: String, CodingKey {
        case outcomes, counts
        case startedAt = "started_at"
        case finishedAt = "finished_at"
    }

    /// Reads a report written by ``encode(to:)`` (`counts` is derived, so it is not read).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(startedAt: try container.decode(String.self, forKey: .startedAt),
                  finishedAt: try container.decode(String.self, forKey: .finishedAt),
                  outcomes: try container.decode([RefreshOutcome].self, forKey: .outcomes))
    }

    /// Writes `started_at`, `finished_at`, `counts` (by class name) and `outcomes`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(finishedAt, forKey: .finishedAt)
        // Counts go out keyed by class name so the report reads without knowing the enum.
        let named = Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })
        try container.encode(named, forKey: .counts)
        try container.encode(outcomes, forKey: .outcomes)
    }
}
