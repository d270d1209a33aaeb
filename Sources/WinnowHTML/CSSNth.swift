/// Parsing of the `an+b` argument of `:nth-child()` and its relatives (CSS Syntax §6).
extension CSSScanner {
    /// Largest |a| or |b| accepted; no page has more siblings, and it keeps the arithmetic from overflowing.
    static let nthLimit = 1_000_000_000

    /// Reads `an+b`, `odd` or `even` and the closing `)`; the cursor is just past the `(` at `open`.
    mutating func consumeNth(pseudoClass name: String, openedAt open: Int) throws(HTMLError) -> CSSNth {
        let expected = "expected an+b, 'odd' or 'even' in ':\(name)()', e.g. ':\(name)(2n+1)'"
        skipWhitespace()
        var sign = 1
        var signed = false
        if let next = peek(), next == "+" || next == "-" {
            sign = next == "-" ? -1 : 1
            signed = true
            advance()
        }
        let coefficient = try consumeNthDigits(pseudoClass: name)
        let wordStart = position
        var word = ""
        while let next = peek(), ("a"..."z").contains(next) || ("A"..."Z").contains(next) {
            word.unicodeScalars.append(next)
            advance()
        }
        word = CSSParser.asciiLowercased(word)

        let nth: CSSNth
        switch word {
        case "odd" where !signed && coefficient == nil:
            nth = CSSNth(a: 2, b: 1)
        case "even" where !signed && coefficient == nil:
            nth = CSSNth(a: 2, b: 0)
        case "n":
            // Whitespace may surround the sign of b but not separate a from n or a sign from digits.
            skipWhitespace()
            var b = 0
            if let next = peek(), next == "+" || next == "-" {
                advance()
                skipWhitespace()
                guard let digits = try consumeNthDigits(pseudoClass: name) else {
                    throw failure("\(expected): expected a number after '\(next)'")
                }
                b = next == "-" ? -digits : digits
            }
            nth = CSSNth(a: sign * (coefficient ?? 1), b: b)
        case "":
            guard let coefficient else { throw failure(expected) }
            nth = CSSNth(a: 0, b: sign * coefficient)
        default:
            throw failure(expected, at: word.isEmpty ? position : wordStart)
        }
        skipWhitespace()
        if consume(")") { return nth }
        if isAtEnd { throw failure("expected ')' to close ':\(name)(' opened at \(open)") }
        if peek() == "o" || peek() == "O" {
            throw failure("the ':\(name)(an+b of selector)' form is not supported; write the rule as an 'xpath:' selector instead")
        }
        throw failure("unexpected \(describeNext()) in ':\(name)()': \(expected)")
    }

    /// Reads decimal digits, or returns `nil` if there are none.
    private mutating func consumeNthDigits(pseudoClass name: String) throws(HTMLError) -> Int? {
        let start = position
        var value = 0
        var sawDigit = false
        while let next = peek(), Self.isDigit(next) {
            value = value * 10 + Int(next.value - 0x30)
            if value > Self.nthLimit {
                throw failure("number too large in ':\(name)()' (the limit is \(Self.nthLimit))", at: start)
            }
            sawDigit = true
            advance()
        }
        return sawDigit ? value : nil
    }
}
