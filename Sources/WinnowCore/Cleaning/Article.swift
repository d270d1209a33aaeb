import WinnowHTML

/// The clean result for one page: its text, title and where everything came from.
public struct Article: Sendable, Codable {
    /// Which extractor produced the text.
    public enum Extractor: String, Sendable, Codable {
        /// The site's `content` selectors.
        case rules
        /// The generic main-content extractor (the site has no rule file, or site rules are off).
        case generic
        /// The generic extractor because the site's `content` selectors matched nothing: the site's
        /// rules have probably gone stale.
        case genericFallback = "generic-fallback"
    }

    public var url: String?
    public var title: String?
    /// Authors, dates, language, canonical URL, site name, description (site `metadata` rules win).
    public var metadata: ArticleMetadata
    public var blocks: [TextBlock]
    /// The rule file for the page's site, if there is one.
    public var ruleFile: String?
    public var extractor: Extractor
    /// Rules that matched something on this page, in rule-file order.
    public var firedRules: [RuleID]
    public var charset: CharsetDecision
    /// Things a rule author should know (e.g. content selectors that matched nothing).
    public var warnings: [String]

    /// The article text: blocks separated by blank lines.
    public var text: String { blocks.plainText }
}
