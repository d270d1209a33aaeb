import Testing
import WinnowCore

@Suite("Cleaner")
struct CleanerTests {
    private static let page = """
        <html><head><title>Page title</title><meta property="og:title" content="OG title"></head><body>
        <nav>Home News Sport</nav>
        <div class="cookie-notice">We use cookies</div>
        <article>
          <h1 class="headline">The headline</h1>
          <div class="share-bar">Share on X</div>
          <p>First paragraph.</p>
          <p>Follow us on Telegram</p>
          <aside class="promo">Buy now</aside>
          <p>Second paragraph.</p>
          <div class="related">Related: other story</div>
          <p>After related.</p>
        </article>
        <footer>Footer</footer>
        </body></html>
        """

    private func clean(_ siteRules: String, global: String = "", html: String = page) throws -> Article {
        var files = [try RuleFile(yaml: "hosts: [example.com]\n" + siteRules, file: "example.com.yaml")]
        if !global.isEmpty { files.append(try RuleFile(yaml: global, file: "_global.yaml")) }
        let cleaner = Cleaner(ruleBook: try RuleBook(files: files))
        return try cleaner.clean(Page(bytes: Array(html.utf8), url: "https://example.com/story"))
    }

    @Test("content, remove, drop_lines and cut_at shape the text; fired rules are recorded")
    func fullPipeline() throws {
        let article = try clean("""
            title: h1.headline
            content: [main, article]
            remove: [h1, .promo, .share-bar, .unused]
            drop_lines: ["^Follow us"]
            cut_at: .related
            """)
        #expect(article.text == "First paragraph.\n\nSecond paragraph.")
        #expect(article.title == "The headline")
        #expect(article.extractor == .rules)
        #expect(article.ruleFile == "example.com.yaml")
        let fired = Set(article.firedRules.map(\.pattern))
        #expect(fired == ["h1.headline", "article", "h1", ".promo", ".share-bar", "^Follow us", ".related"])
    }

    @Test("cut_at_line drops the matching line and everything after it")
    func cutAtLine() throws {
        let article = try clean("content: article\nremove: h1\ncut_at_line: ['^Second']")
        #expect(article.text == "Share on X\n\nFirst paragraph.\n\nFollow us on Telegram\n\nBuy now")
    }

    @Test("global rules apply inside site content unless the site opts out")
    func globalRules() throws {
        let global = "remove: .share-bar\ndrop_lines: ['^Buy now$']"
        let with = try clean("content: article\nremove: h1", global: global)
        #expect(!with.text.contains("Share on X") && !with.text.contains("Buy now"))
        let without = try clean("content: article\nremove: h1\nglobal: false", global: global)
        #expect(without.text.contains("Share on X") && without.text.contains("Buy now"))
    }

    @Test("content selectors that match nothing fall back, and say so")
    func fallback() throws {
        let article = try clean("content: .no-such-thing")
        #expect(article.extractor == .genericFallback)
        #expect(article.warnings.count == 1)
        #expect(article.text.contains("First paragraph."))
    }

    @Test("default title: og:title, then h1, then <title>")
    func defaultTitle() throws {
        #expect(try clean("content: article").title == "OG title")
        let noOG = Self.page.replacingOccurrences(of: "<meta property=\"og:title\" content=\"OG title\">", with: "")
        #expect(try clean("content: article", html: noOG).title == "The headline")
        let noHeading = noOG.replacingOccurrences(of: "<h1 class=\"headline\">The headline</h1>", with: "")
        #expect(try clean("content: article", html: noHeading).title == "Page title")
    }

    @Test("a broad global rule never removes most of the page's text")
    func protectsMostOfText() throws {
        let html = "<body><div class='site has-cookie-notice'><p>\(String(repeating: "Article text. ", count: 50))</p><div class='cookie-notice'>cookies</div></div></body>"
        let files = [try RuleFile(yaml: "remove: \"[class*=cookie-notice]\"", file: "_global.yaml")]
        let article = try Cleaner(ruleBook: try RuleBook(files: files)).clean(Page(bytes: Array(html.utf8), url: "https://nosite.test/"))
        #expect(article.text.contains("Article text."))
        #expect(!article.text.contains("cookies"))
    }
}
