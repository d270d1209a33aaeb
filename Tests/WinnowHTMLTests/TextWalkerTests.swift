import Testing
@testable import WinnowHTML

@Suite("Text walk")
struct TextWalkerTests {
    private func text(_ html: String, style: TextWalker.Style = .plain) throws -> String {
        let document = try HTMLDocument(html: html)
        return TextWalker(style: style).blocks(of: try #require(document.body)).plainText
    }

    @Test("blocks keep line structure, inline elements don't break lines",
          arguments: [
            ("<p>Hello <b>big</b> world</p><p>Second</p>", "Hello big world\n\nSecond"),
            ("<div>a<div>b</div>c</div>", "a\n\nb\n\nc"),
            ("<h2>Title</h2><p>x</p>", "Title\n\nx"),
            ("<ul><li>one</li><li>two</li></ul>", "one\ntwo"),
            ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>", "a\tb\nc\td"),
            ("<p>line one<br>line two</p>", "line one\nline two"),
            ("<pre>  keep\n    this  </pre>", "  keep\n    this"),
            ("<p>  lots   of\n\t space&nbsp;here </p>", "lots of space here"),
            ("<p>un<span>broken</span>word</p>", "unbrokenword"),
          ])
    func structure(html: String, expected: String) throws {
        #expect(try text(html) == expected)
    }

    @Test("scripts, styles and hidden elements are never emitted",
          arguments: [
            "<p>keep</p><script>var x = 1;</script>",
            "<p>keep</p><style>p { color: red }</style>",
            "<p>keep</p><noscript>enable js</noscript>",
            "<p>keep</p><template><p>tpl</p></template>",
            "<p>keep</p><div hidden>secret</div>",
            "<p>keep</p><div aria-hidden=\"true\">secret</div>",
            "<p>keep</p><div style=\"color: red; display : none\">secret</div>",
            "<p>keep</p><span style=\"visibility:hidden\">secret</span>",
          ])
    func hidden(html: String) throws {
        #expect(try text(html) == "keep")
    }

    @Test("text comes out in NFC, right-to-left text untouched")
    func unicode() throws {
        // "e" + combining acute accent becomes the single scalar U+00E9.
        #expect(try text("<p>cafe\u{301}</p>").unicodeScalars.map(\.value) == "café".unicodeScalars.map(\.value))
        let arabic = "قال وزير الخارجية الروسي سيرغي لافروف"
        #expect(try text("<p dir=\"rtl\">\(arabic)</p>") == arabic)
    }

    @Test("markdown style keeps links, emphasis and code inline")
    func markdownInline() throws {
        let html = "<p>See <a href=\"/x\">the <em>docs</em></a> and <code>run()</code>.</p>"
        let document = try HTMLDocument(html: html, url: "https://example.com/a/b")
        let blocks = TextWalker(style: .markdown).blocks(of: try #require(document.body))
        #expect(blocks.map(\.text) == ["See [the *docs*](https://example.com/x) and `run()`."])
    }

    @Test("block kinds are reported")
    func kinds() throws {
        let document = try HTMLDocument(html: "<h3>H</h3><ol><li>a</li><li>b<ul><li>c</li></ul></li></ol><blockquote>q</blockquote><pre>p</pre>")
        let kinds = TextWalker().blocks(of: try #require(document.body)).map(\.kind)
        #expect(kinds == [
            .heading(level: 3), .listItem(depth: 1, ordinal: 1), .listItem(depth: 1, ordinal: 2),
            .listItem(depth: 2, ordinal: nil), .quote, .preformatted,
        ])
    }
}
