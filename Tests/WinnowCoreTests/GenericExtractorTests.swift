import Testing
import WinnowCore
import WinnowHTML

@Suite("Generic extractor")
struct GenericExtractorTests {
    private func extract(_ html: String) throws -> GenericExtraction {
        GenericExtractor().extract(from: try HTMLDocument(html: html, url: "https://example.com/news/1"))
    }

    private static let story = [
        "The city council voted on Tuesday to expand the river park, ending a debate that had lasted for almost three years.",
        "Supporters said the new paths, trees and benches would make the neighbourhood safer, greener and more pleasant for families.",
        "Opponents argued that the money, about four million dollars, should have gone to road repairs instead; they plan to appeal.",
        "Construction is expected to begin in the spring and to take about eighteen months, the mayor's office said in a statement.",
    ]

    @Test("navigation, comments, share bar and related links are left out")
    func boilerplate() throws {
        let paragraphs = Self.story.map { "<p>\($0)</p>" }.joined()
        let html = """
            <html><body>
            <header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
              <li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li></ul></nav></header>
            <div class="layout">
              <article class="story">
                <h1>Council expands the river park</h1>
                <div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
                \(paragraphs)
                <div class="related-stories"><h3>Related</h3><ul>
                  <li><a href="/a">Another story about parks and council budgets in the city</a></li>
                  <li><a href="/b">Road repairs are delayed again, says transport office</a></li></ul></div>
              </article>
              <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/c">Celebrity gossip of the week in pictures</a></li></ul></aside>
            </div>
            <section id="comments"><h3>Comments</h3>
              <div class="comment"><p>Great news, finally! I have waited for this park for years, thanks everyone.</p></div>
              <div class="comment"><p>What a waste of money, honestly. The roads are terrible and nobody cares.</p></div>
            </section>
            <footer><p>Copyright 2024 Example News. All rights reserved.</p></footer>
            </body></html>
            """
        let text = try extract(html).blocks.plainText
        #expect(text == Self.story.joined(separator: "\n\n"))
    }

    @Test("right-to-left Arabic article")
    func arabic() throws {
        let paragraphs = [
            "قال وزير الخارجية يوم الثلاثاء إن المحادثات مع الدول المجاورة حققت تقدما كبيرا، وإن الاتفاق النهائي سيوقع قريبا.",
            "وأضاف الوزير في مؤتمر صحفي أن الحكومة ستواصل العمل من أجل السلام والاستقرار في المنطقة؛ مشيرا إلى أهمية الحوار.",
            "ومن المتوقع أن يزور وفد رسمي العاصمة الأسبوع المقبل لاستكمال المفاوضات حول القضايا العالقة بين الطرفين.",
        ]
        let html = """
            <html lang="ar" dir="rtl"><body>
            <div class="menu"><a href="/">الرئيسية</a> <a href="/s">رياضة</a> <a href="/e">اقتصاد</a> <a href="/c">ثقافة</a></div>
            <div class="main-content">\(paragraphs.map { "<p>\($0)</p>" }.joined())</div>
            <div class="footer"><a href="/about">من نحن</a> <a href="/contact">اتصل بنا</a></div>
            </body></html>
            """
        #expect(try extract(html).blocks.map(\.text) == paragraphs)
    }

    @Test("Chinese article without spaces")
    func chinese() throws {
        let paragraphs = [
            "北京时间周二晚上，国家统计局发布了最新的经济数据，显示第三季度国内生产总值同比增长百分之四点九。",
            "专家表示，消费和投资的回升是经济增长的主要动力，但外部环境仍然复杂多变，需要保持政策的连续性。",
            "统计局发言人在新闻发布会上说，下一阶段将继续推动高质量发展，稳定就业和物价。",
        ]
        let html = """
            <html lang="zh-CN"><body>
            <ul class="nav"><li><a href="/">首页</a></li><li><a href="/n">新闻</a></li><li><a href="/t">科技</a></li></ul>
            <div id="text">\(paragraphs.map { "<p>\($0)</p>" }.joined())</div>
            <div class="related"><a href="/1">相关新闻：股市今日小幅上涨</a><a href="/2">相关新闻：油价下调</a></div>
            </body></html>
            """
        #expect(try extract(html).blocks.map(\.text) == paragraphs)
    }

    @Test("text only in a div soup is still found")
    func divSoup() throws {
        let html = """
            <html><body><div><div><div><a href="/">Home</a> | <a href="/about">About</a></div>
            <div><div>\(Self.story[0])</div><div>\(Self.story[1])</div><div>\(Self.story[2])</div></div>
            </div></div></body></html>
            """
        let text = try extract(html).blocks.plainText
        #expect(text == Self.story[0...2].joined(separator: "\n\n"))
    }

    @Test("a page of short fragments falls back to its visible text")
    func fallback() throws {
        let result = try extract("<html><body><span>Closed today.</span></body></html>")
        #expect(result.blocks.plainText == "Closed today.")
        #expect(result.strategy.hasPrefix("fallback"))
    }

    @Test("an empty body gives no blocks", arguments: ["", "<html><body></body></html>", "<body><script>x()</script></body>"])
    func empty(html: String) throws {
        let result = try extract(html)
        #expect(result.blocks.isEmpty)
    }

    @Test("markdown style keeps inline markup")
    func markdown() throws {
        let html = "<body><article>" + Self.story.map { "<p>\($0)</p>" }.joined()
            + "<p>Read the <a href=\"/report\">full report</a> for the details of the plan, which has several parts.</p></article></body>"
        let blocks = GenericExtractor().extract(from: try HTMLDocument(html: html, url: "https://example.com/a"), style: .markdown).blocks
        #expect(blocks.last?.text == "Read the [full report](https://example.com/report) for the details of the plan, which has several parts.")
    }
}
