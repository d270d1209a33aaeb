import Testing
@testable import WinnowHTML

private let allLis = ["li1", "li2", "li3", "li4", "li5", "li6", "only"]

/// (selector, ids of the elements it matches in document order); see `cssFixture`.
private let matchRows: [(String, [String])] = [
    // Type, universal, case-insensitive names.
    ("p", ["p1", "p2", "p3", "p4"]),
    ("P", ["p1", "p2", "p3", "p4"]),
    ("section *", ["a1", "in1", "in2", "foo:bar", "i1"]),
    ("*#p2", ["p2"]),
    ("h1", []),
    // Id and class (ids and classes are case-sensitive).
    ("#p2", ["p2"]),
    ("#P2", []),
    ("#foo\\:bar", ["foo:bar"]),
    ("#foo\\3A bar", ["foo:bar"]),
    ("b#foo\\:bar", ["foo:bar"]),
    (".a", ["d1", "p2", "p3"]),
    (".ab", ["p1"]),
    (".a.c", ["p3"]),
    (".c.a.b", []),
    ("p.a", ["p2", "p3"]),
    (".b", ["d1", "d2"]),
    (".x\\:y", ["i1"]),
    (".A", []),
    // Attributes.
    ("[lang]", ["root", "d1", "d2"]),
    ("[ data-v ]", ["p4"]),
    ("[LANG=en]", ["root"]),
    ("[lang='en']", ["root"]),
    ("[lang|=en]", ["root", "d1"]),
    ("[lang|=\"en-GB\"]", ["d1"]),
    ("[lang|=eng]", []),
    ("[lang^=en]", ["root", "d1", "d2"]),
    ("[lang^=\"\"]", []),
    ("[lang$=GB]", ["d1"]),
    ("[lang$=gb]", []),
    ("[lang$=gb i]", ["d1"]),
    ("[href$=\".html\"]", ["a1"]),
    ("[href$=\"xhtml\"]", []),
    ("[lang*=gl]", ["d2"]),
    ("[lang*='']", []),
    ("[rel~=noopener]", ["a1"]),
    ("[rel~=noop]", []),
    ("[rel~=\"nofollow noopener\"]", []),
    ("[class~=a]", ["d1", "p2", "p3"]),
    ("[class=a]", ["p2"]),
    ("[data-list=\"one, two [three]\"]", ["d1"]),
    ("[data-list*=\",\"]", ["d1"]),
    ("div[data-list*=\"[three]\"], p", ["d1", "p1", "p2", "p3", "p4"]),
    ("[data-v='x>y \"z\"']", ["p4"]),
    ("[data-v=\"x>y \\\"z\\\"\"]", ["p4"]),
    ("[title=\"say \\\"hi\\\"\"]", ["s1"]),
    ("[data-q=\"it's\"]", ["s1"]),
    ("[data-q='it\\'s']", ["s1"]),
    ("[data-mixed=\"a'b\\\"c\"]", ["sec"]),
    ("[data-mixed*='\\'b\"']", ["sec"]),
    ("[type=text]", ["in2"]),
    ("[type=\"text\" i]", ["in1", "in2"]),
    ("[type=TEXT s]", ["in1"]),
    ("[TYPE=\"text\"]", ["in2"]),
    ("[type=TEXT I]", ["in1", "in2"]),
    ("[hreflang=en][rel]", ["a1"]),
    ("[id=\"foo:bar\"]", ["foo:bar"]),
    // Negation and matches-any, including complex selectors inside.
    ("#d1 > :not(p)", ["s1", "e1"]),
    ("#d1 > :not(.a, .ab)", ["s1", "e1", "p4"]),
    ("p:not(.a)", ["p1", "p4"]),
    ("p:not(.a):not([data-v])", ["p1"]),
    ("li:not(ul > li)", ["only"]),
    ("p:not(div p)", []),
    ("#d1 :not(:not(span))", ["s1"]),
    (":is(#p1, #li1)", ["p1", "li1"]),
    ("#d2 :where(ol, ul) > li:last-child", ["li6", "only"]),
    // Child-indexed pseudo-classes: only elements count, not text.
    ("li:first-child", ["li1", "only"]),
    ("li:last-child", ["li6", "only"]),
    ("li:only-child", ["only"]),
    (":only-child", ["root", "title", "only"]),
    ("#d1 > :first-child", ["p1"]),
    ("#d1 > :last-child", ["p4"]),
    ("li:nth-child(2)", ["li2"]),
    ("li:nth-child(odd)", ["li1", "li3", "li5", "only"]),
    ("li:nth-child(EVEN)", ["li2", "li4", "li6"]),
    ("li:nth-child(2n+1)", ["li1", "li3", "li5", "only"]),
    ("li:nth-child( 2n + 1 )", ["li1", "li3", "li5", "only"]),
    ("li:nth-child(2n-1)", ["li1", "li3", "li5", "only"]),
    ("li:nth-child(2n+0)", ["li2", "li4", "li6"]),
    ("li:nth-child(-n+3)", ["li1", "li2", "li3", "only"]),
    ("li:nth-child(-2n+5)", ["li1", "li3", "li5", "only"]),
    ("li:nth-child(-3n+10)", ["li1", "li4", "only"]),
    ("li:nth-child(-n+0)", []),
    ("li:nth-child(-n-1)", []),
    ("li:nth-child(n)", allLis),
    ("li:nth-child(+n)", allLis),
    ("li:nth-child(n+5)", ["li5", "li6"]),
    ("li:nth-child(n-2)", allLis),
    ("li:nth-child(3n)", ["li3", "li6"]),
    ("li:nth-child(3n-1)", ["li2", "li5"]),
    ("li:nth-child(3N+3)", ["li3", "li6"]),
    ("li:nth-child(0n+4)", ["li4"]),
    ("li:nth-child(+3)", ["li3"]),
    ("li:nth-child(0)", []),
    ("li:nth-child(-2)", []),
    ("li:nth-child(7)", []),
    ("li:nth-last-child(2)", ["li5"]),
    ("li:nth-last-child(-n+2)", ["li5", "li6", "only"]),
    ("li:nth-last-child(odd)", ["li2", "li4", "li6", "only"]),
    // Type-indexed pseudo-classes; #d1's children are p1 p2 s1 p3 e1 p4.
    ("#d1 > p:nth-of-type(3)", ["p3"]),
    ("p:nth-of-type(2n)", ["p2", "p4"]),
    ("p:first-of-type", ["p1"]),
    ("p:last-of-type", ["p4"]),
    ("#d1 > p:nth-last-of-type(2)", ["p3"]),
    ("#d1 > p:nth-last-of-type(n+2)", ["p1", "p2", "p3"]),
    ("span:only-of-type", ["s1"]),
    ("#d1 > :first-of-type", ["p1", "s1", "e1"]),
    ("#d1 > :last-of-type", ["s1", "e1", "p4"]),
    ("#d1 > :nth-of-type(2)", ["p2"]),
    ("#d1 > :nth-last-of-type(3)", ["p2"]),
    ("#d1 > :nth-of-type(n)", ["p1", "p2", "s1", "p3", "e1", "p4"]),
    ("#d1 > .a:first-of-type", []),
    ("#d1 > .ab:first-of-type", ["p1"]),
    ("section > :only-of-type", ["a1", "foo:bar", "i1"]),
    ("input:first-of-type", ["in1"]),
    // :empty (whitespace text counts as content) and :root.
    (":empty", ["e1", "in1", "in2"]),
    (":root", ["root"]),
    (":root > body", ["body"]),
    // Combinators, alone and chained.
    ("div p", ["p1", "p2", "p3", "p4"]),
    ("body > div > p", ["p1", "p2", "p3", "p4"]),
    ("html div", ["d1", "d2"]),
    ("ul > li", ["li1", "li2", "li3", "li4", "li5", "li6"]),
    ("div li", allLis),
    ("div > li", []),
    ("p + span", ["s1"]),
    ("p + p", ["p2"]),
    ("p ~ p", ["p2", "p3", "p4"]),
    ("span ~ *", ["p3", "e1", "p4"]),
    ("#p1 ~ p + em", ["e1"]),
    ("h1 + p", []),
    ("em+p", ["p4"]),
    ("body>div~section a", ["a1"]),
    ("body > div ~ section a", ["a1"]),
    ("div.b > ul li:nth-child(2) + li", ["li3"]),
    ("div\n>\tul\r\n li:last-child", ["li6"]),
    ("  div  >  p  ", ["p1", "p2", "p3", "p4"]),
    ("div div", []),
    ("#d2 ul ~ ol li", ["only"]),
    // Groups: document order, no duplicates.
    ("#p3, #p1, p.a", ["p1", "p2", "p3"]),
    ("li, ul", ["ul1", "li1", "li2", "li3", "li4", "li5", "li6", "only"]),
    ("em , em,em", ["e1"]),
    // :has() with relative selectors.
    ("div:has(> ul)", ["d2"]),
    ("div:has(em)", ["d1"]),
    ("p:has(+ span)", ["p2"]),
    ("li:has(~ li:last-child)", ["li1", "li2", "li3", "li4", "li5"]),
    (":has(> #only)", ["ol1"]),
    ("section:has(a, em)", ["sec"]),
    ("div:has(> ul > li + li)", ["d2"]),
    ("body > :has(li:only-child)", ["d2"]),
    ("div:not(:has(p))", ["d2"]),
]

@Test(arguments: matchRows)
func cssSelectsExpectedElements(css: String, expected: [String]) throws {
    #expect(try selectedIDs(css) == expected, "\(css)")
}

/// Results stay inside the context node's subtree (the node itself included), while compounds
/// left of a combinator may match above it, as with `querySelectorAll`.
@Test func selectionIsScopedToTheContextSubtree() throws {
    #expect(try selectedIDs("div", from: "d1") == ["d1"])
    #expect(try selectedIDs("div p", from: "d1") == ["p1", "p2", "p3", "p4"])
    #expect(try selectedIDs("body p", from: "p1") == ["p1"])
    #expect(try selectedIDs("p + p", from: "p1") == [])
    #expect(try selectedIDs("p + p", from: "p2") == ["p2"])
    #expect(try selectedIDs("li:nth-child(2)", from: "li2") == ["li2"])
}

@Test func literalsWithBothQuoteKindsUseConcat() {
    #expect(CSSXPathEmitter.literal("plain") == "'plain'")
    #expect(CSSXPathEmitter.literal("it's") == "\"it's\"")
    #expect(CSSXPathEmitter.literal("a'b\"c") == "concat('a', \"'\", 'b\"c')")
    #expect(CSSXPathEmitter.literal("'\"") == "concat('', \"'\", '\"')")
}
