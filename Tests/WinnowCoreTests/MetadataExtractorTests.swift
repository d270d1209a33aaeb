import Testing
import WinnowCore
import WinnowHTML

@Suite("Metadata")
struct MetadataExtractorTests {
    private func metadata(_ html: String, url: String? = "https://example.com/news/story") throws -> ArticleMetadata {
        MetadataExtractor.extract(from: try HTMLDocument(html: html, url: url))
    }

    @Test("JSON-LD @graph with an author referenced by @id")
    func graph() throws {
        let html = """
            <html lang="en"><head><title>Ignored | Example</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","@id":"https://example.com/#site","name":"Example Site"},
              {"@type":"Person","@id":"https://example.com/#jane","name":"Jane Doe"},
              {"@type":["NewsArticle"],"headline":"Graph headline","author":{"@id":"https://example.com/#jane"},
               "datePublished":"2019-11-19T10:30:00-05:00","dateModified":"2019-11-19 16:00:00",
               "publisher":{"@type":"Organization","name":"Example News"}}]}</script>
            </head><body><h1>Body title</h1></body></html>
            """
        let result = try metadata(html)
        #expect(result.title == "Graph headline")
        #expect(result.authors == ["Jane Doe"])
        #expect(result.published == "2019-11-19T10:30:00-05:00")
        #expect(result.modified == "2019-11-19T16:00:00")
        #expect(result.siteName == "Example News")
        #expect(result.language == "en")
    }

    @Test("JSON-LD arrays: several blocks, author arrays of strings and objects")
    func arrays() throws {
        let html = """
            <head><script type="application/ld+json">[{"@type":"BreadcrumbList"},
              {"@type":"ReportageNewsArticle","headline":["First"],"author":["Ann Lee",{"@type":"Person","name":"Bo Chen"}],
               "datePublished":"20191119"}]</script></head>
            """
        let result = try metadata(html)
        #expect(result.title == "First")
        #expect(result.authors == ["Ann Lee", "Bo Chen"])
        #expect(result.published == "2019-11-19")
    }

    @Test("malformed JSON-LD is skipped, other sources still read")
    func malformed() throws {
        let html = """
            <head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Broken",</script>
            <script type="application/ld+json">[[[[[[</script>
            <meta property="og:title" content="From OpenGraph"></head>
            """
        let result = try metadata(html)
        #expect(result.title == "From OpenGraph")
    }

    @Test("OpenGraph only")
    func openGraph() throws {
        let html = """
            <head><meta property="og:title" content="OG title"><meta property="og:site_name" content="OG Site">
            <meta property="og:description" content="  A description. "><meta property="og:locale" content="en_GB">
            <meta property="og:url" content="/canonical/path">
            <meta property="article:published_time" content="2020-01-02T03:04:05Z">
            <meta property="article:modified_time" content="2020-01-03T03:04:05+0000">
            <meta property="article:author" content="https://facebook.com/someone">
            <meta property="article:author" content="Sam Writer"></head>
            """
        let result = try metadata(html)
        #expect(result == ArticleMetadata(
            title: "OG title", authors: ["Sam Writer"], published: "2020-01-02T03:04:05Z",
            modified: "2020-01-03T03:04:05Z", language: "en-GB", canonicalURL: "https://example.com/canonical/path",
            siteName: "OG Site", description: "A description."))
    }

    @Test("plain meta tags, title suffix stripped when the site name is known")
    func metaOnly() throws {
        let html = """
            <html><head><title>Rain expected all week | Daily Paper</title>
            <meta name="application-name" content="Daily Paper">
            <meta name="author" content="By Kim Park"><meta name="description" content="Weather news.">
            <meta name="parsely-pub-date" content="Tue, 19 Nov 2019 10:30:00 GMT">
            <meta http-equiv="content-language" content="de">
            <link rel="Canonical" href="https://example.com/rain"></head></html>
            """
        let result = try metadata(html)
        #expect(result.title == "Rain expected all week")
        #expect(result.authors == ["Kim Park"])
        #expect(result.description == "Weather news.")
        #expect(result.published == "2019-11-19T10:30:00Z")
        #expect(result.language == "de")
        #expect(result.canonicalURL == "https://example.com/rain")
    }

    @Test("time element and h1 fallbacks; unparseable dates are kept as written")
    func fallbacks() throws {
        let result = try metadata("""
            <body><h1> The  headline </h1><time datetime="2018-05-06T07:08">May 6</time>
            <meta itemprop="dateModified" content="last Tuesday"></body>
            """)
        #expect(result.title == "The headline")
        #expect(result.published == "2018-05-06T07:08:00")
        #expect(result.modified == "last Tuesday")
        #expect(result.authors.isEmpty)
    }

    @Test("metadata round-trips through JSON")
    func codable() throws {
        let value = ArticleMetadata(title: "T", authors: ["A"], published: "2020-01-01")
        let data = try JSONEncoder().encode(value)
        #expect(try JSONDecoder().decode(ArticleMetadata.self, from: data) == value)
    }
}

import Foundation
