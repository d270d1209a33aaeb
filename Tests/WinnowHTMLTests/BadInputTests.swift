import Testing
import WinnowHTML

/// Hostile and broken pages: a clear result or best-effort text, never a crash or a hang.
@Suite("Bad input")
struct BadInputTests {
    private func text(_ bytes: [UInt8]) throws -> String {
        let document = try HTMLDocument(bytes: bytes, name: "test")
        return document.body.map { TextWalker().blocks(of: $0).plainText } ?? ""
    }

    @Test("an empty or blank page is a page with no text")
    func empty() throws {
        #expect(try text([]) == "")
        #expect(try text(Array("  \n\t ".utf8)) == "")
    }

    @Test("binary garbage is a clear error naming the input, never a crash")
    func garbage() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect {
                _ = try HTMLDocument(bytes: bytes, name: "garbage.bin")
            } throws: { error in
                guard case .notText(let input, _, _) = error as? HTMLError else { return false }
                return input == "garbage.bin"
            }
        }
    }

    @Test("a page with a few stray control characters is still a page")
    func strayControls() throws {
        let bytes = Array("<p>one\u{1}two</p>".utf8) + Array(repeating: UInt8(ascii: " "), count: 100)
        let text = try text(bytes)
        #expect(text.hasPrefix("one") && text.hasSuffix("two"))
    }

    @Test("invalid UTF-8 bytes become U+FFFD and the rest of the page survives")
    func invalidUTF8() throws {
        let bytes = Array("<meta charset=utf-8><p>caf".utf8) + [0xE9, 0xFF] + Array(" ok — fine</p>".utf8)
        #expect(try text(bytes) == "caf\u{FFFD}\u{FFFD} ok — fine")
    }

    @Test("a page nested 100,000 levels deep parses and walks without overflowing the stack")
    func deepNesting() throws {
        // libxml2 stops building the tree past its depth limit (2,048 with XML_PARSE_HUGE); the
        // text before that point survives and nothing recurses on the deep part.
        let depth = 100_000
        let html = "<p>top text</p>" + String(repeating: "<div>", count: depth) + "deep text" + String(repeating: "</div>", count: depth)
        #expect(try text(Array(html.utf8)).hasPrefix("top text"))
    }

    @Test("broken pages nested 1,500 deep (unclosed tags) keep all their text")
    func unclosedTags() throws {
        let html = String(repeating: "<div><font>x ", count: 750) + "end"
        #expect(try text(Array(html.utf8)).hasSuffix("end"))
    }

    @Test("a 50 MB page is parsed")
    func hugePage() throws {
        let paragraph = Array("<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>\n".utf8)
        var bytes: [UInt8] = Array("<html><body>".utf8)
        bytes.reserveCapacity(50 * 1024 * 1024 + 100)
        while bytes.count < 50 * 1024 * 1024 { bytes += paragraph }
        let document = try HTMLDocument(bytes: bytes, name: "huge")
        let paragraphs = try document.documentNode.select(xpath: "count(//p)")
        _ = paragraphs
        #expect(try document.documentNode.select(xpath: "//p[last()]").count == 1)
    }
}

@Suite("Charset")
struct CharsetTests {
    /// "مرحبا بالعالم" in windows-1256.
    private static let arabic1256: [UInt8] = [0xE3, 0xD1, 0xCD, 0xC8, 0xC7, 0x20, 0xC8, 0xC7, 0xE1, 0xDA, 0xC7, 0xE1, 0xE3]

    private func bodyText(_ document: HTMLDocument) -> String {
        document.body.map { TextWalker().blocks(of: $0).plainText } ?? ""
    }

    @Test("the BOM wins over the header, the header over <meta>")
    func precedence() throws {
        let meta = Array("<meta charset=\"windows-1256\"><p>".utf8) + Self.arabic1256
        let fromMeta = try HTMLDocument(bytes: meta)
        #expect(fromMeta.charset == CharsetDecision(name: "windows-1256", source: .meta))
        #expect(bodyText(fromMeta) == "مرحبا بالعالم")

        let fromHeader = try HTMLDocument(bytes: Array("<p>".utf8) + Self.arabic1256, charsetHint: "CP1256")
        #expect(fromHeader.charset == CharsetDecision(name: "windows-1256", source: .header))
        #expect(bodyText(fromHeader) == "مرحبا بالعالم")

        let bom = [0xEF, 0xBB, 0xBF] + Array("<p>naïve</p>".utf8)
        let fromBOM = try HTMLDocument(bytes: bom, charsetHint: "iso-8859-1")
        #expect(fromBOM.charset == CharsetDecision(name: "utf-8", source: .bom))
        #expect(bodyText(fromBOM) == "naïve")
    }

    @Test("http-equiv Content-Type declarations are read")
    func httpEquiv() throws {
        let bytes = Array("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1251\"><p>".utf8)
            + [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]  // "Привет"
        let document = try HTMLDocument(bytes: bytes)
        #expect(document.charset.source == .meta)
        #expect(bodyText(document) == "Привет")
    }

    @Test("undeclared windows-1256 Arabic is detected and decoded")
    func detectsArabic() throws {
        var bytes = Array("<html><body><p>".utf8)
        for _ in 0..<20 { bytes += Self.arabic1256 + [0x20] }
        bytes += Array("</p></body></html>".utf8)
        let document = try HTMLDocument(bytes: bytes)
        #expect(document.charset.source == .detected)
        #expect(bodyText(document).hasPrefix("مرحبا بالعالم مرحبا"))
    }

    @Test("an unknown declared charset falls back to UTF-8 and says so")
    func unknownCharset() throws {
        let document = try HTMLDocument(bytes: Array("<meta charset=\"x-nonsense-9\"><p>plain</p>".utf8))
        #expect(document.charset == CharsetDecision(name: "utf-8", source: .fallback))
        #expect(bodyText(document) == "plain")
    }
}
