import Testing
@testable import WinnowHTML

/// (selector, 0-based position of the problem, a fragment of the reason)
private let errorRows: [(String, Int, String)] = [
    ("", 0, "empty selector"),
    ("   ", 3, "empty selector"),
    ("div >", 4, "dangling combinator '>'"),
    ("div > ", 4, "dangling combinator '>'"),
    ("div ~ ,p", 4, "dangling combinator '~'"),
    ("> p", 0, "cannot start with the combinator '>'"),
    ("div >> p", 5, "expected a selector, found '>'"),
    ("div,", 3, "expected a selector after ','"),
    (",div", 0, "expected a selector before ','"),
    ("a,,b", 2, "expected a selector before ','"),
    ("[href", 5, "expected ']' to close the attribute selector opened at 0"),
    ("div.a span[", 11, "expected ']' to close the attribute selector opened at 10"),
    ("a[href=x", 8, "expected ']' to close the attribute selector opened at 1"),
    ("a[href=\"x", 7, "unclosed string"),
    ("a[href='x]", 7, "unclosed string"),
    ("[a='x\nb']", 3, "cannot span lines"),
    ("[=x]", 1, "expected an attribute name"),
    ("[a=]", 3, "expected a value"),
    ("[a=", 3, "expected a value"),
    ("[a~x]", 2, "expected ']' or an operator"),
    ("[a=\"x\" q]", 7, "unknown attribute selector flag 'q'"),
    ("[a=b c]", 5, "unknown attribute selector flag 'c'"),
    ("[a=\"x\" i", 8, "expected ']' to close"),
    (":not(p", 6, "expected ')' to close ':not(' opened at 4"),
    ("p:has(> a", 9, "expected ')' to close ':has(' opened at 5"),
    (":not()", 5, "':not()' needs a selector"),
    ("a:has()", 6, "':has()' needs a selector"),
    ("p:not(::before)", 6, "pseudo-elements"),
    ("p:hover", 1, "unknown pseudo-class ':hover'"),
    ("p:HOVER", 1, "unknown pseudo-class ':hover'"),
    ("a:visited", 1, "unknown pseudo-class ':visited'"),
    ("p:frobnicate", 1, "unknown pseudo-class ':frobnicate'"),
    ("p::before", 1, "pseudo-elements such as '::before'"),
    ("p:before", 1, "':before' is a pseudo-element"),
    ("p:first-child(2)", 1, "takes no argument"),
    ("p:first-child:", 14, "expected a pseudo-class name"),
    ("li:nth-child", 2, "needs an argument"),
    ("li:nth-child()", 13, "expected an+b"),
    ("li:nth-child(2x)", 14, "expected an+b"),
    ("li:nth-child(n", 14, "expected ')' to close ':nth-child(' opened at 12"),
    ("li:nth-child(2n+)", 16, "expected a number after '+'"),
    ("li:nth-child(- n)", 14, "expected an+b"),
    ("li:nth-child(2 n)", 15, "unexpected 'n'"),
    ("li:nth-child(+odd)", 14, "expected an+b"),
    ("li:nth-child(odd 1)", 17, "unexpected '1'"),
    ("li:nth-child(nn)", 13, "expected an+b"),
    ("li:nth-child(99999999999)", 13, "number too large"),
    (":nth-child(2 of p)", 13, "of selector)' form is not supported"),
    ("div$", 3, "unexpected '$'"),
    ("div )", 4, "unexpected ')' with no matching '('"),
    ("div ! p", 4, "unexpected '!'"),
    ("#", 1, "expected an id after '#'"),
    (".", 1, "expected a class name"),
    (".1a", 1, "expected a class name"),
    ("[a]div", 3, "type selector ('div' or '*') must come first"),
    (".a*", 2, "type selector ('div' or '*') must come first"),
    ("a\\", 1, "backslash at the end"),
    ("*|p", 1, "namespace prefixes"),
    ("[xml|lang]", 4, "namespace prefixes"),
    ("\u{1}p", 0, "expected a selector, found control character U+1"),
    ("[a=\"\\1 \"]", 3, "control character U+1 cannot occur"),
    ("{}", 0, "expected a selector, found '{'"),
]

@Test(arguments: errorRows)
func invalidSelectorReportsPosition(css: String, position: Int, reason: String) {
    #expect {
        _ = try Selector(css: css)
    } throws: { error in
        guard case HTMLError.invalidSelector(let selector, let actualPosition, let actualReason) = error else {
            Issue.record("\(css): unexpected error \(error)")
            return false
        }
        #expect(selector == css)
        #expect(actualPosition == position, "\(css): \(actualReason)")
        #expect(actualReason.contains(reason), "\(css): \(actualReason)")
        return true
    }
}

@Test func pathologicalNestingIsRejectedNotCrashing() {
    let deepNot = String(repeating: ":not(", count: 1000) + "p" + String(repeating: ")", count: 1000)
    let longChain = Array(repeating: "div", count: 1000).joined(separator: " > ")
    let deepHas = String(repeating: "a:has(", count: 500)
    for css in [deepNot, longChain, deepHas, String(repeating: "[", count: 10_000)] {
        #expect(throws: HTMLError.self) { _ = try Selector(css: css) }
    }
    // Just inside the limit still compiles and evaluates.
    let deepButFine = String(repeating: ":not(", count: 30) + "p" + String(repeating: ")", count: 30)
    #expect(throws: Never.self) { _ = try selectedIDs(deepButFine) }
}

/// A small deterministic generator (SplitMix64) so fuzz failures reproduce.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private let fragments = [
    "div", "p", "li", "*", "#a", ".b", "[", "]", "(", ")", ":not(", ":is(", ":has(", ":has(>",
    ":nth-child(", ":nth-last-of-type(", ":first-of-type", ":only-child", ":empty", ":root",
    "::before", ":hover", "\"", "'", "\\", "\\31 ", ",", ">", "+", "~", " ", "=", "~=", "|=", "^=",
    "$=", "*=", " i", " s", "2n+1", "-n+3", "odd", "even", "n", "-", "1", "0", "\n", "\u{0}",
    "\u{1}", "\u{C}", "é", "😀", "|", "$", "!", "x", "data-v", "{", "@", "/", "%",
]

/// Every input either compiles to XPath libxml2 accepts and can evaluate, or throws
/// `invalidSelector` pointing inside the input.
private func checkCompilesOrRejects(_ css: String, in document: HTMLDocument) {
    do {
        let selector = try Selector(css: css)
        _ = try document.documentNode.select(selector)
    } catch {
        guard case .invalidSelector(let selector, let position, let reason) = error else {
            Issue.record("\(css.debugDescription): \(error)")
            return
        }
        #expect(selector == css)
        #expect((0...css.unicodeScalars.count).contains(position), "\(css.debugDescription): position \(position)")
        #expect(!reason.isEmpty)
    }
}

@Test func randomFragmentsCompileOrThrowInvalidSelector() throws {
    let document = try HTMLDocument(html: cssFixture)
    var random = SplitMix64(state: 0x5EED)
    for _ in 0..<3000 {
        var css = ""
        for _ in 0..<Int.random(in: 0...10, using: &random) {
            css += fragments.randomElement(using: &random)!
        }
        checkCompilesOrRejects(css, in: document)
    }
}

@Test func mutatedValidSelectorsCompileOrThrowInvalidSelector() throws {
    let document = try HTMLDocument(html: cssFixture)
    var random = SplitMix64(state: 42)
    let seeds = [
        "div.b > ul li:nth-child(2n+1) + li", "[data-v='x>y \"z\"'] ~ p:not(.a, #b)",
        "section:has(> a[href$=\".html\" i]), p:nth-last-of-type(-n+3)", "#foo\\:bar .x\\3A y",
    ]
    let printable = (0x20...0x7E).compactMap(Unicode.Scalar.init).map(String.init)
    for _ in 0..<2000 {
        var scalars = Array(seeds.randomElement(using: &random)!.unicodeScalars.map(String.init))
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let index = Int.random(in: 0...scalars.count, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0 where index < scalars.count: scalars.remove(at: index)
            case 1: scalars.insert(printable.randomElement(using: &random)!, at: index)
            default: scalars.insert(fragments.randomElement(using: &random)!, at: index)
            }
        }
        checkCompilesOrRejects(scalars.joined(), in: document)
    }
}
