import Testing
@testable import WinnowHTML

@Suite("Subtree statistics")
struct SubtreeStatisticsTests {
    @Test("lengths, link text and punctuation add up bottom-up; hidden and scripts are skipped")
    func totals() throws {
        let document = try HTMLDocument(html: """
            <div id="a"><p>Hello, world.</p><p>See <a href="/x">this link</a>!</p>
            <script>var ignored = "text, text.";</script><div hidden>secret</div></div>
            """)
        let statistics = SubtreeStatistics(root: try #require(document.body))
        let names = statistics.elements.map(\.name)
        #expect(names == ["body", "div", "p", "p", "a"])
        let div = statistics.elements[1]
        #expect(div.textLength == "Hello,world.Seethislink!".count)
        #expect(div.linkTextLength == "thislink".count)
        #expect(div.punctuation == 3)
        #expect(div.paragraphs == 2)
        #expect(div.hasBlockChild)
        #expect(div.end == 5)
        #expect(statistics.elements[2].parent == 1 && statistics.elements[4].parent == 3)
    }

    @Test("scripts without spaces: every character counts, CJK and Arabic punctuation too")
    func scripts() throws {
        let document = try HTMLDocument(html: "<p>北京是中国的首都，也是一座历史名城。</p><p>قال، ثم؛ مضى؟</p>")
        let statistics = SubtreeStatistics(root: try #require(document.body))
        let chinese = statistics.elements[1]
        #expect(chinese.textLength == 18)
        #expect(chinese.punctuation == 2)
        #expect(chinese.wideCharacters == 16)
        let arabic = statistics.elements[2]
        #expect(arabic.punctuation == 3)
        #expect(arabic.wideCharacters == 0)
    }

    // libxml2 2.9 stops parsing below depth 256 unless HTML_PARSE_HUGE is set, so this can only
    // check the deepest tree the parser builds today; the walk itself keeps no per-level stack frames.
    @Test("deeply nested text is measured")
    func deep() throws {
        let depth = 250
        let html = String(repeating: "<div>", count: depth) + "deep text" + String(repeating: "</div>", count: depth)
        let document = try HTMLDocument(html: html)
        let statistics = SubtreeStatistics(root: try #require(document.body))
        #expect(statistics.elements.first?.textLength == 8)
        #expect(statistics.elements.count == depth + 1)
    }

    @Test("excluded subtrees are left out of the text walk")
    func excluding() throws {
        let document = try HTMLDocument(html: "<p>keep</p><div class=x><p>drop</p></div><p>also</p>")
        let drop = try #require(try document.documentNode.select(xpath: "//div").first)
        let blocks = TextWalker().blocks(of: [try #require(document.body)], excluding: [drop])
        #expect(blocks.plainText == "keep\n\nalso")
    }
}
