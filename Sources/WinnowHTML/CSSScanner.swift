/// Character-level reading of CSS selector text: whitespace, identifiers, strings and escapes,
/// following the tokenization rules of CSS Syntax Level 3 closely enough for selectors.
///
/// Positions are offsets in Unicode scalars, which is what an author counts as characters in any
/// ordinary selector; they are what `HTMLError.invalidSelector` reports.
struct CSSScanner {
    /// The selector exactly as given, for error messages.
    let source: String
    private let scalars: [Unicode.Scalar]
    /// The offset of the next unread scalar.
    private(set) var position = 0

    init(_ source: String) {
        self.source = source
        // CSS preprocessing replaces U+0000 with U+FFFD; doing it up front also keeps NULs out of
        // the C strings handed to libxml2. One-for-one, so positions are unchanged.
        scalars = source.unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }
    }

    var isAtEnd: Bool { position >= scalars.count }

    /// The scalar `offset` places ahead of the cursor, or `nil` past the end.
    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let index = position + offset
        return index < scalars.count ? scalars[index] : nil
    }

    mutating func advance(_ count: Int = 1) {
        position = min(position + count, scalars.count)
    }

    /// Consumes `scalar` if it is next.
    mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
        guard peek() == scalar else { return false }
        advance()
        return true
    }

    /// The error to throw for a problem at `offset` (default: the cursor).
    func failure(_ reason: String, at offset: Int? = nil) -> HTMLError {
        .invalidSelector(selector: source, position: offset ?? position, reason: reason)
    }

    /// How to name the next scalar in an error message.
    func describeNext() -> String {
        guard let next = peek() else { return "the end of the selector" }
        return Self.describe(next)
    }

    static func describe(_ scalar: Unicode.Scalar) -> String {
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
            return "control character U+" + String(scalar.value, radix: 16, uppercase: true)
        }
        return "'\(scalar)'"
    }

    // MARK: Character classes (CSS Syntax §4.2)

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{C}"
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    static func isHexDigit(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
    }

    static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_" || scalar.value >= 0x80
    }

    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isNameStart(scalar) || isDigit(scalar) || scalar == "-"
    }

    /// Skips whitespace; returns whether there was any.
    @discardableResult
    mutating func skipWhitespace() -> Bool {
        let start = position
        while let next = peek(), Self.isWhitespace(next) { advance() }
        return position > start
    }

    /// Whether a backslash at `offset` starts an escape (a backslash before a newline does not).
    func isEscape(at offset: Int) -> Bool {
        guard peek(offset) == "\\", let escaped = peek(offset + 1) else { return false }
        return escaped != "\n" && escaped != "\r" && escaped != "\u{C}"
    }

    /// Whether an identifier starts at the cursor (`foo`, `-foo`, `--foo`, `\31 0`, but not `-1`).
    func startsIdentifier() -> Bool {
        guard let first = peek() else { return false }
        if Self.isNameStart(first) || isEscape(at: 0) { return true }
        guard first == "-", let second = peek(1) else { return false }
        return Self.isNameStart(second) || second == "-" || isEscape(at: 1)
    }

    /// Whether a name (identifier characters in any order, e.g. the `123` of `#123`) starts here.
    func startsName() -> Bool {
        guard let first = peek() else { return false }
        return Self.isNameCharacter(first) || isEscape(at: 0)
    }

    /// Reads an identifier; call only when ``startsIdentifier()`` holds.
    mutating func consumeIdentifier() throws(HTMLError) -> String {
        try consumeName()
    }

    /// Reads a run of name characters and escapes (at least one).
    mutating func consumeName() throws(HTMLError) -> String {
        let start = position
        var name = String.UnicodeScalarView()
        while let next = peek() {
            if Self.isNameCharacter(next) {
                name.append(next)
                advance()
            } else if next == "\\" {
                guard peek(1) != nil else { throw failure("a backslash at the end of the selector escapes nothing") }
                guard isEscape(at: 0) else { break }
                name.append(try consumeEscape())
            } else {
                break
            }
        }
        guard !name.isEmpty else { throw failure("expected a name, found \(describeNext())") }
        try requireXMLCharacters(name, start: start)
        return String(name)
    }

    /// Reads a backslash escape (the cursor is on the backslash): `\:` is a literal colon and
    /// `\3A ` is the code point U+003A (1–6 hex digits, then one optional whitespace).
    private mutating func consumeEscape() throws(HTMLError) -> Unicode.Scalar {
        advance()  // the backslash
        guard let first = peek() else { throw failure("a backslash at the end of the selector escapes nothing") }
        guard Self.isHexDigit(first) else {
            advance()
            return first
        }
        var value: UInt32 = 0
        var digits = 0
        while digits < 6, let next = peek(), Self.isHexDigit(next) {
            value = value * 16 + Self.hexValue(next)
            digits += 1
            advance()
        }
        if let next = peek(), Self.isWhitespace(next) { advance() }
        // Per CSS Syntax: zero, surrogates and values past U+10FFFF become U+FFFD.
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }

    /// The value of a hex digit (`0`–`9`, `a`–`f`, `A`–`F`).
    private static func hexValue(_ digit: Unicode.Scalar) -> UInt32 {
        isDigit(digit) ? digit.value - 0x30 : (digit.value | 0x20) - 0x61 + 10
    }

    /// Reads a quoted string (the cursor is on the opening quote) and returns its decoded value.
    mutating func consumeString() throws(HTMLError) -> String {
        let open = position
        guard let quote = peek() else { throw failure("expected a quoted string") }
        advance()
        var value = String.UnicodeScalarView()
        while true {
            guard let next = peek() else {
                throw failure("unclosed string: expected \(quote) to close the string opened at \(open)", at: open)
            }
            if next == quote {
                advance()
                break
            }
            if next == "\n" || next == "\r" || next == "\u{C}" {
                throw failure("unclosed string: a string cannot span lines (close the string opened at \(open), or write \\A)", at: open)
            }
            if next == "\\" {
                guard let escaped = peek(1) else {
                    throw failure("unclosed string: expected \(quote) to close the string opened at \(open)", at: open)
                }
                if escaped == "\n" || escaped == "\u{C}" || escaped == "\r" {
                    // An escaped newline continues the string on the next line and adds nothing.
                    advance(escaped == "\r" && peek(2) == "\n" ? 3 : 2)
                    continue
                }
                value.append(try consumeEscape())
                continue
            }
            value.append(next)
            advance()
        }
        try requireXMLCharacters(value, start: open)
        return String(value)
    }

    /// libxml2 rejects XPath literals holding characters XML forbids (most C0 controls), and no
    /// parsed page can contain them, so a selector that needs them is reported as invalid here.
    private func requireXMLCharacters(_ value: String.UnicodeScalarView, start: Int) throws(HTMLError) {
        for scalar in value where !Self.isXMLCharacter(scalar) {
            throw failure("\(Self.describe(scalar)) cannot occur in an HTML page", at: start)
        }
    }

    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
