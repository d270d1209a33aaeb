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
    /// One comma-separated part of a CSS selector list.
    public struct Alternative: Sendable, Hashable {
        /// The XPath of this part alone.
        public let xpath: String
        /// A string that must occur in some attribute value of the page for this part to match
        /// anything (an id, class or attribute value it tests); nil when there is none.
        public let needle: String?
    }

    /// The comma-separated parts of a CSS selector (empty for XPath), so a page is only searched
    /// for the parts that can match it (see ``HTMLDocument/applicableXPath(for:)``).
    public let alternatives: [Alternative]

    /// Compiles a CSS selector.
    ///
    /// Supported: type selectors and `*`; `#id`; `.class`; attribute selectors `[a]`, `[a=v]`,
    /// `~=`, `|=`, `^=`, `$=`, `*=` with bare or quoted values and the `i` (ignore case) flag; the
    /// combinators whitespace, `>`, `+`, `~`; comma groups; `:not()`, `:is()`, `:where()` and
    /// `:has()` (with relative selectors such as `:has(> img)`); `:nth-child()`,
    /// `:nth-last-child()`, `:nth-of-type()`, `:nth-last-of-type()` (`an+b`, `odd`, `even`);
    /// `:first-`, `:last-` and `:only-child`/`-of-type`; `:empty`; `:root`. Element and attribute
    /// names are case-insensitive, ids, classes and values case-sensitive, as in HTML.
    ///
    /// Matching follows the DOM's `querySelectorAll`: ``HTMLNode/select(_:)`` returns the matching
    /// elements in the node's subtree, the node included, in document order, and compounds left of
    /// a combinator may match outside that subtree.
    ///
    /// - Throws: ``HTMLError/invalidSelector(selector:position:reason:)`` with the 0-based offset
    ///   (in Unicode scalars) of the problem, for empty selectors, dangling combinators, unclosed
    ///   brackets, parentheses or strings, unknown pseudo-classes, pseudo-elements and bad `an+b`.
    public init(css: String) throws(HTMLError) {
        source = css
        (xpath, alternatives) = try CSSCompiler.compileWithNeedles(css)
        isCSS = true
        try XPath.validate(xpath)
    }

    /// Wraps an XPath expression after checking that it compiles.
    public init(xpath expression: String) throws(HTMLError) {
        try XPath.validate(expression)
        source = expression
        xpath = expression
        isCSS = false
        alternatives = []
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
