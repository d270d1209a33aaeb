import Testing
import WinnowHTML

/// The per-page prefilter that skips selector alternatives whose id/class/attribute literal occurs
/// in no attribute value of the page. Skipping must never change what a selector matches.
@Suite("Selector prefilter")
struct SelectorPrefilterTests {
    private let document = try! HTMLDocument(html: """
        <body><div id="main" class="story share-buttons"><p data-role="lead">x</p>
        <form action="/newsletter/subscribe"></form></div></body>
        """)

    @Test("only alternatives whose needle occurs are evaluated, and matches are unchanged", arguments: [
        ".share-buttons, .cookie-banner, #nothing-here",
        "#main, [class*=cookie]",
        "form[action*=subscribe], [id^=sp_message]",
        "p[data-role=lead]",
        "div p, h1",
        ":not(.cookie-banner)",
    ])
    func sameMatches(css: String) throws {
        let selector = try Selector(css: css)
        let full = try document.documentNode.select(selector)
        let xpath = document.applicableXPath(for: selector)
        let filtered = try xpath.map { try document.documentNode.select(xpath: $0) } ?? []
        #expect(full == filtered)
    }

    @Test("a selector none of whose needles occur is skipped outright")
    func skipped() throws {
        #expect(document.applicableXPath(for: try Selector(css: "#onetrust-consent-sdk, .qc-cmp2-container")) == nil)
    }

    @Test("alternatives without a needle are always kept")
    func noNeedle() throws {
        let selector = try Selector(css: "h1, .absent-class")
        let xpath = try #require(document.applicableXPath(for: selector))
        #expect(!xpath.contains("absent-class"))
        #expect(document.applicableXPath(for: try Selector(xpath: "//p")) == "//p")
    }
}

@Suite("Element gathering")
struct ElementGatheringTests {
    @Test("elements(named:orWithAttribute:) finds tags and attribute holders in document order")
    func gathers() throws {
        let document = try HTMLDocument(html: """
            <html><head><meta name="a" content="1"><title>T</title></head>
            <body><div itemprop="x"><time datetime="2020-01-01">d</time></div><p>no</p><meta name="b"></body></html>
            """)
        let found = document.documentNode.elements(named: ["meta", "time"], orWithAttribute: "itemprop")
        #expect(found.map(\.name) == ["meta", "div", "time", "meta"])
        #expect(document.documentNode.elements(named: ["title"]).map(\.textContent) == ["T"])
        #expect(document.documentNode.elements(named: ["article"]).isEmpty)
    }
}
