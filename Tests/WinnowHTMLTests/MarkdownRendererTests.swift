import Testing
@testable import WinnowHTML

@Suite("Markdown rendering")
struct MarkdownRendererTests {
    @Test("headings, paragraphs, quotes and code fences")
    func blocks() {
        let markdown = MarkdownRenderer.render([
            TextBlock(kind: .heading(level: 2), text: "Title"),
            TextBlock(kind: .paragraph, text: "First line\nsecond line"),
            TextBlock(kind: .quote, text: "Quoted\ntwice"),
            TextBlock(kind: .preformatted, text: "let a = 1\n  ```nested```"),
        ])
        #expect(markdown == """
            ## Title

            First line  
            second line

            > Quoted
            > twice

            ````
            let a = 1
              ```nested```
            ````
            """)
    }

    @Test("lists are tight and indent by depth")
    func lists() {
        let markdown = MarkdownRenderer.render([
            TextBlock(kind: .listItem(depth: 1, ordinal: 1), text: "one"),
            TextBlock(kind: .listItem(depth: 2, ordinal: nil), text: "inner"),
            TextBlock(kind: .listItem(depth: 1, ordinal: 2), text: "two"),
            TextBlock(kind: .paragraph, text: "after"),
        ])
        #expect(markdown == "1. one\n    - inner\n2. two\n\nafter")
    }

    @Test("tables get a separator after the first row, from either text style")
    func tables() {
        let plain = MarkdownRenderer.render([
            TextBlock(kind: .tableRow(header: true), text: "Name\tScore"),
            TextBlock(kind: .tableRow(header: false), text: "Ann\t3"),
            TextBlock(kind: .tableRow(header: false), text: "Bob"),
        ])
        #expect(plain == "| Name | Score |\n| --- | --- |\n| Ann | 3 |\n| Bob |  |")
        let styled = MarkdownRenderer.render([
            TextBlock(kind: .tableRow(header: false), text: "a | **b**"),
            TextBlock(kind: .tableRow(header: false), text: "c | d"),
        ])
        #expect(styled == "| a | **b** |\n| --- | --- |\n| c | d |")
    }

    @Test("paragraph text that looks like block syntax is escaped",
          arguments: [("# not a heading", "\\# not a heading"), ("- not a list", "\\- not a list"),
                      ("1. not a list", "1\\. not a list"), ("> no quote", "\\> no quote"),
                      ("---", "\\---"), ("-5 degrees", "-5 degrees"), ("2019. A year", "2019\\. A year"),
                      ("plain", "plain")])
    func escaping(text: String, expected: String) {
        #expect(MarkdownRenderer.render([TextBlock(kind: .paragraph, text: text)]) == expected)
    }

    @Test("walker output in Markdown style renders end to end")
    func endToEnd() throws {
        let document = try HTMLDocument(html: """
            <h1>Head</h1><p>Some <em>text</em> with <a href="https://x.org/">a link</a>.</p>
            <ul><li>a</li><li>b</li></ul><table><tr><th>k</th><th>v</th></tr><tr><td>1</td><td>2</td></tr></table>
            """)
        let blocks = TextWalker(style: .markdown).blocks(of: try #require(document.body))
        #expect(MarkdownRenderer.render(blocks) == """
            # Head

            Some *text* with [a link](https://x.org/).

            - a
            - b

            | k | v |
            | --- | --- |
            | 1 | 2 |
            """)
    }
}
