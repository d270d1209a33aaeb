import Foundation

/// A parsed robots.txt (RFC 9309): groups of rules, each for one or more user agents.
///
/// Parsing is lenient the way crawlers must be: unknown lines, rules before any `User-agent` line and
/// malformed values are skipped, never an error.
public struct RobotsTxt: Sendable {
    /// The rules that apply to a set of user agents.
    public struct Group: Sendable, Hashable {
        /// The `User-agent` values, lowercased (`*` for everyone).
        public let agents: [String]
        /// `Allow` / `Disallow` rules in file order.
        public let rules: [RobotsRule]
        /// `Crawl-delay` in seconds, when given.
        public let crawlDelay: Double?
    }

    /// Groups in file order.
    public let groups: [Group]
    /// `Sitemap` URLs, which belong to no group.
    public let sitemaps: [String]

    /// Parses robots.txt text.
    public init(_ text: String) {
        var groups: [Group] = []
        var sitemaps: [String] = []
        var agents: [String] = []
        var rules: [RobotsRule] = []
        var crawlDelay: Double?
        var lastLineWasAgent = false

        func closeGroup() {
            if !agents.isEmpty {
                groups.append(Group(agents: agents, rules: rules, crawlDelay: crawlDelay))
            }
            agents = []
            rules = []
            crawlDelay = nil
        }

        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") {
                line = line[..<hash]
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                .replacingOccurrences(of: "\u{FEFF}", with: "")
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)

            switch key {
            case "user-agent", "useragent", "user agent":
                // Consecutive User-agent lines share one group; one after rules starts a new group.
                if !lastLineWasAgent {
                    closeGroup()
                }
                agents.append(value.lowercased())
                lastLineWasAgent = true
            case "allow", "disallow":
                lastLineWasAgent = false
                guard !agents.isEmpty, !value.isEmpty else { continue }  // empty Disallow allows all
                rules.append(RobotsRule(allow: key == "allow", pattern: value))
            case "crawl-delay":
                lastLineWasAgent = false
                guard !agents.isEmpty, let seconds = Double(value), seconds.isFinite, seconds >= 0 else { continue }
                crawlDelay = seconds
            case "sitemap":
                if !value.isEmpty {
                    sitemaps.append(value)
                }
            default:
                continue
            }
        }
        closeGroup()
        self.groups = groups
        self.sitemaps = sitemaps
    }

    /// The rules for `userAgent` (a product token such as `Winnow`, or a full User-Agent string whose
    /// first token is used): every group naming it, combined; else every `*` group; else allow all.
    public func rules(for userAgent: String) -> RobotsRules {
        let token = Self.productToken(userAgent)
        var matching = groups.filter { group in group.agents.contains { Self.productToken($0) == token } }
        if matching.isEmpty {
            matching = groups.filter { $0.agents.contains("*") }
        }
        let delays = matching.compactMap(\.crawlDelay)
        return RobotsRules(rules: matching.flatMap(\.rules), crawlDelay: delays.max())
    }

    /// `Winnow/0.1 (+https://…)` → `winnow`.
    static func productToken(_ userAgent: String) -> String {
        let token = userAgent.prefix { $0 != "/" && $0 != " " && $0 != "\t" }
        return token.lowercased()
    }
}

/// The robots.txt rules that apply to one user agent.
public struct RobotsRules: Sendable, Hashable {
    /// `Allow` / `Disallow` rules of the matching groups.
    public let rules: [RobotsRule]
    /// `Crawl-delay` in seconds (the largest among the matching groups).
    public let crawlDelay: Double?

    public init(rules: [RobotsRule], crawlDelay: Double? = nil) {
        self.rules = rules
        self.crawlDelay = crawlDelay
    }

    /// No rules: used for missing (4xx) and unreachable robots.txt files.
    public static let allowAll = RobotsRules(rules: [])

    /// Whether `path` (path plus query, percent-encoded, starting with `/`) may be fetched: the longest
    /// matching rule decides, `Allow` wins a tie, no match allows. `/robots.txt` is always allowed.
    public func isAllowed(path: String) -> Bool {
        let normalised = RobotsRule.normalise(path.isEmpty ? "/" : path)
        if normalised == Array("/robots.txt".utf8) {
            return true
        }
        var best: RobotsRule?
        for rule in rules where rule.matches(normalised) {
            guard let current = best else {
                best = rule
                continue
            }
            if rule.specificity > current.specificity || (rule.specificity == current.specificity && rule.allow && !current.allow) {
                best = rule
            }
        }
        return best?.allow ?? true
    }
}
