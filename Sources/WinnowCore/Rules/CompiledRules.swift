import WinnowHTML

/// A selector from a rule file, with where it came from.
public struct SelectorRule: Sendable {
    public let id: RuleID
    public let selector: Selector
}

/// A line rule (a regular expression matched against output lines), with where it came from.
public struct LineRule: @unchecked Sendable {
    // `Regex<AnyRegexOutput>` is immutable once built; matching from several threads is safe.
    public let id: RuleID
    public let regex: Regex<AnyRegexOutput>

    /// True when the regex matches anywhere in `line`.
    public func matches(_ line: Substring) -> Bool {
        (try? regex.firstMatch(in: line)) != nil
    }
}

/// The rules that apply to one page: a site's own file merged with the files it extends and,
/// unless it opts out, `_global.yaml`.
public struct CompiledRules: Sendable {
    /// The site's rule file name (nil when only the global rules apply).
    public var siteFile: String?
    /// Every file that contributed, site file first.
    public var files: [String] = []
    public var content: [SelectorRule] = []
    public var remove: [SelectorRule] = []
    public var title: [SelectorRule] = []
    public var cutAt: [SelectorRule] = []
    public var dropLines: [LineRule] = []
    public var cutAtLine: [LineRule] = []
    /// Selectors that override metadata fields (`author`, `published`, …), by field.
    public var metadata: [String: [SelectorRule]] = [:]

    public init() {}

    /// Every rule, for coverage reports.
    public var allRuleIDs: [RuleID] {
        (content + remove + title + cutAt).map(\.id) + (dropLines + cutAtLine).map(\.id)
            + metadata.values.flatMap { $0.map(\.id) }
    }

    /// Appends `other`'s rules after this one's (used to layer extends and the global file).
    mutating func append(_ other: CompiledRules) {
        files += other.files.filter { !files.contains($0) }
        content += other.content
        remove += other.remove
        title += other.title
        cutAt += other.cutAt
        dropLines += other.dropLines
        cutAtLine += other.cutAtLine
        for (field, rules) in other.metadata { metadata[field, default: []] += rules }
    }
}
