/// Turns parsed selectors into one XPath 1.0 expression.
///
/// Each complex selector becomes a location path that selects its *rightmost* compound on the
/// context node's `descendant-or-self` axis, and checks the compounds to its left in predicates
/// that walk up (`ancestor::`, `parent::`) or back (`preceding-sibling::`). That gives the DOM's
/// `querySelectorAll` meaning: every result lies in the context node's subtree (the node itself
/// included), while compounds further left may match outside it. It also makes any complex
/// selector usable as a test on a single element (`self::…`), which is what `:not()` and `:is()` need.
enum CSSXPathEmitter {
    static func expression(for selectors: [CSSComplexSelector]) -> String {
        // libxml2 returns a union in document order without duplicates, as CSS groups require.
        selectors.map { "descendant-or-self::" + anchoredStep($0) }.joined(separator: " | ")
    }

    // MARK: Paths

    /// A node test plus predicates matching the rightmost compound of `selector` in its full left context.
    private static func anchoredStep(_ selector: CSSComplexSelector) -> String {
        var step = compoundStep(selector.head)
        for (combinator, compound) in selector.tail {
            step = compoundStep(compound) + "[" + backwardAxis(combinator) + step + "]"
        }
        return step
    }

    /// A path from the tested element to the elements a relative selector (`:has(> p)`) describes.
    private static func relativePath(_ selector: CSSComplexSelector) -> String {
        var path = forwardAxis(selector.leading ?? .descendant) + compoundStep(selector.head)
        for (combinator, compound) in selector.tail {
            path += "/" + forwardAxis(combinator) + compoundStep(compound)
        }
        return path
    }

    /// From an element to the element on the left of `combinator`.
    private static func backwardAxis(_ combinator: CSSCombinator) -> String {
        switch combinator {
        case .descendant: "ancestor::"
        case .child: "parent::"
        // Only the immediately preceding *element* counts, whatever it turns out to be.
        case .nextSibling: "preceding-sibling::*[1]/self::"
        case .subsequentSibling: "preceding-sibling::"
        }
    }

    /// From an element to the element on the right of `combinator`.
    private static func forwardAxis(_ combinator: CSSCombinator) -> String {
        switch combinator {
        case .descendant: "descendant::"
        case .child: "child::"
        case .nextSibling: "following-sibling::*[1]/self::"
        case .subsequentSibling: "following-sibling::"
        }
    }

    private static func compoundStep(_ compound: CSSCompound) -> String {
        var step = nodeTest(compound.typeName)
        for condition in compound.conditions {
            step += "[" + predicate(condition, typeName: compound.typeName) + "]"
        }
        return step
    }

    /// An XPath name test for an element name, falling back to comparing `name()` for names
    /// XPath can't spell (`foo:bar` would read as a namespace prefix).
    private static func nodeTest(_ name: String?) -> String {
        guard let name else { return "*" }
        return isPlainName(name) ? name : "*[name() = \(literal(name))]"
    }

    // MARK: Predicates

    private static func predicate(_ condition: CSSCondition, typeName: String?) -> String {
        switch condition {
        case .id(let id):
            "@id = \(literal(id))"
        case .className(let name):
            containsWord(name, in: "@class")
        case .attribute(let attribute):
            attributePredicate(attribute)
        case .position(let nth, let ofType, let fromEnd):
            positionPredicate(nth, ofType: ofType, fromEnd: fromEnd, typeName: typeName)
        case .empty:
            // Selectors Level 3 meaning (browsers): no child elements and no text, even blank text.
            "not(*) and not(text())"
        case .root:
            "not(parent::*)"
        case .not(let list):
            "not(" + list.map { "self::" + anchoredStep($0) }.joined(separator: " or ") + ")"
        case .isAny(let list):
            list.map { "self::" + anchoredStep($0) }.joined(separator: " or ")
        case .has(let list):
            list.map(relativePath).joined(separator: " or ")
        }
    }

    /// Whether the whitespace-separated words of `value` include `word`.
    private static func containsWord(_ word: String, in value: String) -> String {
        // A "word" containing whitespace (or nothing) can never be one of the words.
        if word.isEmpty || word.unicodeScalars.contains(where: CSSScanner.isWhitespace) { return "false()" }
        // The plain substring test first: libxml2 stops at a false left operand of `and`, and the
        // word test (three string operations per element) then only runs where the word occurs.
        return "\(value) and contains(\(value), \(literal(word))) and contains(concat(' ', normalize-space(\(value)), ' '), \(literal(" \(word) ")))"
    }

    private static func attributePredicate(_ attribute: CSSAttributeSelector) -> String {
        let node = isPlainName(attribute.name) ? "@\(attribute.name)" : "@*[name() = \(literal(attribute.name))]"
        guard let (match, rawValue) = attribute.match else { return node }
        // The `i` flag compares ASCII letters case-insensitively: lowercase both sides.
        let value = attribute.caseInsensitive ? CSSParser.asciiLowercased(rawValue) : rawValue
        let text = attribute.caseInsensitive
            ? "translate(\(node), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')" : node
        let quoted = literal(value)
        switch match {
        case .equals:
            // A node-set comparison is false when the attribute is missing; a string one is not.
            return attribute.caseInsensitive ? "\(node) and \(text) = \(quoted)" : "\(node) = \(quoted)"
        case .includesWord:
            return containsWord(value, in: text)
        case .dashPrefix:
            return "\(node) and (\(text) = \(quoted) or starts-with(\(text), \(literal(value + "-"))))"
        case .prefix, .suffix, .substring:
            // Per the spec an empty value matches nothing (not everything) for these operators.
            guard !value.isEmpty else { return "false()" }
            // `node and …`: an element without the attribute fails on the cheap existence test
            // instead of having an empty string built and searched (rule books run these over
            // every element of a page).
            if match == .prefix { return "\(node) and starts-with(\(text), \(quoted))" }
            if match == .substring { return "\(node) and contains(\(text), \(quoted))" }
            // XPath 1.0 has no ends-with().
            return "\(node) and substring(\(text), string-length(\(text)) - string-length(\(quoted)) + 1) = \(quoted)"
        }
    }

    private static func positionPredicate(_ nth: CSSNth, ofType: Bool, fromEnd: Bool, typeName: String?) -> String {
        let axis = fromEnd ? "following-sibling::" : "preceding-sibling::"
        guard ofType else { return nthTest(nth, siblings: axis + "*") }
        if let typeName { return nthTest(nth, siblings: axis + nodeTest(typeName)) }
        // "Of its own type" with no type selector: see HTMLElementNames for why this is spelled out.
        let any = nthTest(nth, siblings: axis + "*")
        if any == "true()" || any == "false()" { return any }
        let alternatives = HTMLElementNames.all.map { "(self::\($0) and \(nthTest(nth, siblings: axis + $0)))" }
        return alternatives.joined(separator: " or ")
    }

    /// Whether the element's 1-based position among `siblings` plus one is `a*n + b` for some `n >= 0`.
    /// `siblings` are the ones before it (or after it, counting from the end), so position - 1 = count.
    private static func nthTest(_ nth: CSSNth, siblings: String) -> String {
        let before = "count(\(siblings))"
        let offset = nth.b - 1  // siblings before the first match
        if nth.a == 0 {
            if offset < 0 { return "false()" }
            return offset == 0 ? "not(\(siblings))" : "\(before) = \(offset)"
        }
        // With a < 0 the positions count down from b, so b < 1 leaves none.
        if nth.a < 0 && offset < 0 { return "false()" }
        var clauses: [String] = []
        if nth.a > 0 && offset > 0 { clauses.append("\(before) >= \(offset)") }
        if nth.a < 0 { clauses.append("\(before) <= \(offset)") }
        if abs(nth.a) != 1 {
            // XPath's mod truncates like C's, so a zero remainder means divisible whatever the sign.
            let shifted = offset == 0 ? before : offset > 0 ? "(\(before) - \(offset))" : "(\(before) + \(-offset))"
            clauses.append("\(shifted) mod \(abs(nth.a)) = 0")
        }
        return clauses.isEmpty ? "true()" : clauses.joined(separator: " and ")
    }

    // MARK: Lexical helpers

    /// Names that can be written as an XPath name test as they are: ASCII letters, digits, `-`,
    /// `_`, `.`, not starting with a digit, `-` or `.`.
    private static func isPlainName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, CSSScanner.isNameStart(first), first.isASCII else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII && (CSSScanner.isNameCharacter($0) || $0 == ".")
        }
    }

    /// An XPath string literal for `value`. XPath 1.0 has no escapes, so a value with both quote
    /// kinds is built with `concat()`.
    static func literal(_ value: String) -> String {
        if !value.contains("'") { return "'\(value)'" }
        if !value.contains("\"") { return "\"\(value)\"" }
        let pieces = value.split(separator: "'", omittingEmptySubsequences: false).map { "'\($0)'" }
        return "concat(" + pieces.joined(separator: ", \"'\", ") + ")"
    }
}
