import WinnowHTML

/// Errors raised while cleaning one page. A batch reports them per page and goes on.
public enum CleanError: Error, Sendable, CustomStringConvertible {
    /// The page could not be parsed at all; `page` names it.
    case unparsable(page: String, reason: String)
    /// The bytes are not an HTML page (binary content such as an image or a PDF).
    case notHTML(page: String, reason: String)
    /// A rule failed while being applied (an XPath that libxml2 rejected at run time).
    case ruleFailed(page: String, rule: RuleID, reason: String)

    public var description: String {
        switch self {
        case .unparsable(let page, let reason):
            return "\(page): cannot parse page: \(reason)"
        case .notHTML(_, let reason):
            return reason
        case .ruleFailed(let page, let rule, let reason):
            return "\(page): rule \(rule) failed: \(reason); fix or remove the rule"
        }
    }
}
