/// Recursive-descent parser from CSS selector text to `CSSComplexSelector`s (Selectors Level 4
/// grammar, minus the parts a static HTML page can't use: namespaces, pseudo-elements and
/// interactive pseudo-classes).
struct CSSParser {
    private var scanner: CSSScanner
    /// How deeply the generated XPath will nest predicates so far: each `:not()`/`:is()`/`:has()`
    /// argument and each extra compound in a chain adds a level. libxml2 2.9 compiles XPath
    /// recursively without a depth limit, so unbounded nesting could overflow the stack.
    private var nesting = 0
    static let maxNesting = 64

    /// Parses a selector list such as `div.a > p, #main li`.
    static func parse(_ source: String) throws(HTMLError) -> [CSSComplexSelector] {
        var parser = CSSParser(scanner: CSSScanner(source))
        return try parser.parseList(relative: false, opener: nil)
    }

    private init(scanner: CSSScanner) {
        self.scanner = scanner
    }

    // MARK: Lists and complex selectors

    /// Parses comma-separated complex selectors up to the end of the input (`opener == nil`) or
    /// up to and including the `)` closing the functional pseudo-class `opener`.
    private mutating func parseList(relative: Bool, opener: (name: String, position: Int)?) throws(HTMLError) -> [CSSComplexSelector] {
        var selectors: [CSSComplexSelector] = []
        var lastComma: Int?
        scanner.skipWhitespace()
        while true {
            let atListEnd = scanner.isAtEnd || (opener != nil && scanner.peek() == ")")
            if let lastComma, atListEnd {
                throw scanner.failure("expected a selector after ','", at: lastComma)
            }
            if atListEnd {
                if let opener {
                    throw scanner.failure("'\(opener.name)()' needs a selector inside the parentheses")
                }
                throw scanner.failure("empty selector: write at least one selector such as 'p' or '.class'")
            }
            if scanner.peek() == "," {
                throw scanner.failure("expected a selector before ','")
            }
            selectors.append(try parseComplex(relative: relative))
            scanner.skipWhitespace()
            guard scanner.peek() == "," else { break }
            lastComma = scanner.position
            scanner.advance()
            scanner.skipWhitespace()
        }
        if let opener {
            if scanner.consume(")") { return selectors }
            if scanner.isAtEnd {
                throw scanner.failure("expected ')' to close '\(opener.name)(' opened at \(opener.position)")
            }
        } else if scanner.isAtEnd {
            return selectors
        } else if scanner.peek() == ")" {
            throw scanner.failure("unexpected ')' with no matching '('")
        }
        throw scanner.failure("unexpected \(scanner.describeNext())")
    }

    /// Parses compounds joined by combinators; with `relative`, an initial combinator (`> p`) is allowed.
    private mutating func parseComplex(relative: Bool) throws(HTMLError) -> CSSComplexSelector {
        let savedNesting = nesting
        defer { nesting = savedNesting }
        var leading: CSSCombinator?
        if relative {
            leading = .descendant
            if let symbol = combinatorSymbol() {
                let position = scanner.position
                scanner.advance()
                scanner.skipWhitespace()
                leading = symbol.combinator
                let head = try parseCompound(after: (symbol.text, position))
                return try parseTail(leading: leading, head: head)
            }
        } else if let symbol = combinatorSymbol() {
            throw scanner.failure("a selector cannot start with the combinator '\(symbol.text)'; put a selector before it")
        }
        let head = try parseCompound(after: nil)
        return try parseTail(leading: leading, head: head)
    }

    private mutating func parseTail(leading: CSSCombinator?, head: CSSCompound) throws(HTMLError) -> CSSComplexSelector {
        var selector = CSSComplexSelector(leading: leading, head: head, tail: [])
        while true {
            let sawWhitespace = scanner.skipWhitespace()
            let position = scanner.position
            let combinator: CSSCombinator
            var symbolText: String?
            if let symbol = combinatorSymbol() {
                scanner.advance()
                scanner.skipWhitespace()
                combinator = symbol.combinator
                symbolText = symbol.text
            } else if sawWhitespace && startsCompound() {
                combinator = .descendant
            } else {
                return selector
            }
            try enterNesting(at: position)
            let compound = try parseCompound(after: symbolText.map { ($0, position) })
            selector.tail.append((combinator, compound))
        }
    }

    private func combinatorSymbol() -> (text: String, combinator: CSSCombinator)? {
        switch scanner.peek() {
        case ">": (">", .child)
        case "+": ("+", .nextSibling)
        case "~": ("~", .subsequentSibling)
        default: nil
        }
    }

    private func startsCompound() -> Bool {
        switch scanner.peek() {
        case "*", "#", ".", "[", ":": true
        default: scanner.startsIdentifier()
        }
    }

    private mutating func enterNesting(at position: Int) throws(HTMLError) {
        nesting += 1
        if nesting > Self.maxNesting {
            throw scanner.failure("selector is too complex: more than \(Self.maxNesting) levels of combinators and nested ':not()', ':is()' or ':has()'", at: position)
        }
    }

    // MARK: Compound selectors

    /// Parses a type selector and/or simple selectors. `combinator` is the symbol just read
    /// (and where), so that a selector ending in `>` is reported at the `>`.
    private mutating func parseCompound(after combinator: (text: String, position: Int)?) throws(HTMLError) -> CSSCompound {
        guard startsCompound() else {
            if let combinator, scanner.isAtEnd || scanner.peek() == "," || scanner.peek() == ")" {
                throw scanner.failure("dangling combinator '\(combinator.text)': expected a selector after it", at: combinator.position)
            }
            if scanner.peek() == "|" { throw namespaceFailure() }
            throw scanner.failure("expected a selector, found \(scanner.describeNext())")
        }
        var compound = CSSCompound(typeName: nil, conditions: [])
        if !scanner.consume("*"), scanner.startsIdentifier() {
            compound.typeName = Self.asciiLowercased(try scanner.consumeIdentifier())
        }
        if scanner.peek() == "|" { throw namespaceFailure() }
        while true {
            switch scanner.peek() {
            case "#":
                scanner.advance()
                guard scanner.startsName() else { throw scanner.failure("expected an id after '#'") }
                compound.conditions.append(.id(try scanner.consumeName()))
            case ".":
                scanner.advance()
                guard scanner.startsIdentifier() else {
                    throw scanner.failure("expected a class name after '.' (a class name cannot start with a digit unless escaped, e.g. '.\\31 0')")
                }
                compound.conditions.append(.className(try scanner.consumeIdentifier()))
            case "[":
                compound.conditions.append(.attribute(try parseAttribute()))
            case ":":
                compound.conditions.append(contentsOf: try parsePseudoClass())
            default:
                if scanner.peek() == "*" || scanner.startsIdentifier() {
                    throw scanner.failure("a type selector ('div' or '*') must come first in a compound selector")
                }
                return compound
            }
        }
    }

    private func namespaceFailure() -> HTMLError {
        scanner.failure("namespace prefixes ('ns|name') are not supported: HTML elements and attributes have none")
    }

    // MARK: Attribute selectors

    private mutating func parseAttribute() throws(HTMLError) -> CSSAttributeSelector {
        let open = scanner.position
        scanner.advance()
        scanner.skipWhitespace()
        let unclosed = "expected ']' to close the attribute selector opened at \(open)"
        guard scanner.startsIdentifier() else {
            if scanner.isAtEnd { throw scanner.failure(unclosed) }
            if scanner.peek() == "|" || scanner.peek() == "*" { throw namespaceFailure() }
            throw scanner.failure("expected an attribute name after '[', found \(scanner.describeNext())")
        }
        let name = Self.asciiLowercased(try scanner.consumeIdentifier())
        if scanner.peek() == "|" && scanner.peek(1) != "=" { throw namespaceFailure() }
        scanner.skipWhitespace()
        if scanner.consume("]") {
            return CSSAttributeSelector(name: name, match: nil, caseInsensitive: false)
        }
        let operatorPosition = scanner.position
        guard let (operatorText, match) = readAttributeOperator() else {
            if scanner.isAtEnd { throw scanner.failure(unclosed) }
            throw scanner.failure("expected ']' or an operator (=, ~=, |=, ^=, $=, *=) in the attribute selector opened at \(open), found \(scanner.describeNext())")
        }
        scanner.skipWhitespace()
        let value: String
        if scanner.peek() == "\"" || scanner.peek() == "'" {
            value = try scanner.consumeString()
        } else if scanner.startsName() {
            value = try scanner.consumeName()
        } else if scanner.isAtEnd {
            throw scanner.failure("expected a value after '\(operatorText)' at \(operatorPosition), and ']' to close the attribute selector opened at \(open)")
        } else {
            throw scanner.failure("expected a value (a name or a quoted string) after '\(operatorText)', found \(scanner.describeNext())")
        }
        scanner.skipWhitespace()
        var caseInsensitive = false
        if scanner.startsIdentifier() {
            let flagPosition = scanner.position
            switch Self.asciiLowercased(try scanner.consumeIdentifier()) {
            case "i": caseInsensitive = true
            case "s": caseInsensitive = false
            case let flag:
                throw scanner.failure("unknown attribute selector flag '\(flag)': use 'i' to ignore case, or quote a value that contains spaces", at: flagPosition)
            }
            scanner.skipWhitespace()
        }
        guard scanner.consume("]") else {
            if scanner.isAtEnd { throw scanner.failure(unclosed) }
            throw scanner.failure("\(unclosed), found \(scanner.describeNext())")
        }
        return CSSAttributeSelector(name: name, match: (match, value), caseInsensitive: caseInsensitive)
    }

    private mutating func readAttributeOperator() -> (String, CSSAttributeSelector.Operator)? {
        if scanner.consume("=") { return ("=", .equals) }
        let match: CSSAttributeSelector.Operator
        switch scanner.peek() {
        case "~": match = .includesWord
        case "|": match = .dashPrefix
        case "^": match = .prefix
        case "$": match = .suffix
        case "*": match = .substring
        default: return nil
        }
        guard let symbol = scanner.peek(), scanner.peek(1) == "=" else { return nil }
        scanner.advance(2)
        return ("\(symbol)=", match)
    }

    // MARK: Pseudo-classes

    private mutating func parsePseudoClass() throws(HTMLError) -> [CSSCondition] {
        let colon = scanner.position
        scanner.advance()
        if scanner.consume(":") {
            let name = scanner.startsIdentifier() ? (try? scanner.consumeIdentifier()) ?? "" : ""
            throw scanner.failure("pseudo-elements such as '::\(name)' are not elements and cannot be selected; remove '::\(name)'", at: colon)
        }
        guard scanner.startsIdentifier() else {
            throw scanner.failure("expected a pseudo-class name after ':', found \(scanner.describeNext())")
        }
        let name = Self.asciiLowercased(try scanner.consumeIdentifier())
        guard scanner.peek() == "(" else {
            if let conditions = Self.simplePseudoClass(name) { return conditions }
            if Self.functionalPseudoClasses.contains(name) {
                throw scanner.failure("':\(name)' needs an argument in parentheses, e.g. ':\(name)(\(Self.exampleArgument(name)))'", at: colon)
            }
            throw Self.unknownPseudoClass(name, scanner: scanner, at: colon)
        }
        let open = scanner.position
        scanner.advance()
        switch name {
        case "not", "is", "where", "has":
            let savedNesting = nesting
            defer { nesting = savedNesting }
            try enterNesting(at: open)
            let list = try parseList(relative: name == "has", opener: (":\(name)", open))
            switch name {
            case "not": return [.not(list)]
            case "has": return [.has(list)]
            default: return [.isAny(list)]
            }
        case "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type":
            let nth = try scanner.consumeNth(pseudoClass: name, openedAt: open)
            return [.position(nth, ofType: name.hasSuffix("of-type"), fromEnd: name.hasPrefix("nth-last"))]
        default:
            if Self.simplePseudoClass(name) != nil {
                throw scanner.failure("':\(name)' takes no argument; remove the parentheses", at: colon)
            }
            throw Self.unknownPseudoClass(name, scanner: scanner, at: colon)
        }
    }

    private static let functionalPseudoClasses: Set<String> = [
        "not", "is", "where", "has", "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type",
    ]

    private static func exampleArgument(_ name: String) -> String {
        name.hasPrefix("nth-") ? "2n+1" : name == "has" ? "> p" : ".class"
    }

    /// The conditions for a pseudo-class written without parentheses, or `nil` if there is none.
    private static func simplePseudoClass(_ name: String) -> [CSSCondition]? {
        switch name {
        case "first-child": [.position(.first, ofType: false, fromEnd: false)]
        case "last-child": [.position(.first, ofType: false, fromEnd: true)]
        case "only-child": [.position(.first, ofType: false, fromEnd: false), .position(.first, ofType: false, fromEnd: true)]
        case "first-of-type": [.position(.first, ofType: true, fromEnd: false)]
        case "last-of-type": [.position(.first, ofType: true, fromEnd: true)]
        case "only-of-type": [.position(.first, ofType: true, fromEnd: false), .position(.first, ofType: true, fromEnd: true)]
        case "empty": [.empty]
        case "root": [.root]
        default: nil
        }
    }

    private static let pseudoElements: Set<String> = ["before", "after", "first-line", "first-letter"]
    private static let interactivePseudoClasses: Set<String> = [
        "hover", "active", "focus", "focus-within", "focus-visible", "visited", "link", "any-link",
        "target", "checked", "disabled", "enabled", "read-only", "read-write", "placeholder-shown",
    ]

    private static func unknownPseudoClass(_ name: String, scanner: CSSScanner, at position: Int) -> HTMLError {
        if pseudoElements.contains(name) {
            return scanner.failure("':\(name)' is a pseudo-element, not an element, and cannot be selected; remove it", at: position)
        }
        if interactivePseudoClasses.contains(name) {
            return scanner.failure("unknown pseudo-class ':\(name)' (interactive and form-state pseudo-classes are not supported: a scraped page has no user)", at: position)
        }
        return scanner.failure("unknown pseudo-class ':\(name)'", at: position)
    }

    /// HTML names are ASCII case-insensitive; libxml2 stores them lowercased (ASCII only).
    static func asciiLowercased(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map {
            ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 0x20)! : $0
        }))
    }
}
