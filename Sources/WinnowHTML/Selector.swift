/// A compiled element selector: CSS (compiled to XPath) or XPath written by hand.
///
/// Rule files write CSS by default and XPath with an `xpath:` prefix; ``init(rule:)`` understands
/// both forms. Compiling validates, so a `Selector` that exists always evaluates.
public struct Selector: Sendable, Hashable, CustomStringConvertible {
    /// The selector as written (without any `xpath:` prefix).
    public let source: String
    /// The XPath 1.0 expression that is evaluated; relative to the context node, which it includes.
    public let xpath: String
    /// Whether ``source`` was CSS (as opposed to XPath).
    public let isCSS: Bool

    /// Compiles a CSS selector.
    public init(css: String) throws(HTMLError) {
        source = css
        xpath = try CSSCompiler.compile(css)
        isCSS = true
        try XPath.validate(xpath)
    }

    /// Wraps an XPath expression after checking that it compiles.
    public init(xpath expression: String) throws(HTMLError) {
        try XPath.validate(expression)
        source = expression
        xpath = expression
        isCSS = false
    }

    /// Compiles a selector as written in a rule file: `xpath:EXPR` is XPath, anything else is CSS.
    public init(rule: String) throws(HTMLError) {
        let trimmed = rule.trimmingASCIIWhitespaceAndQuotes()
        if trimmed.hasPrefix("xpath:") {
            try self.init(xpath: String(trimmed.dropFirst("xpath:".count)).trimmingASCIIWhitespaceAndQuotes())
        } else {
            try self.init(css: rule)
        }
    }

    public var description: String { isCSS ? source : "xpath:\(source)" }
}
