import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// A parsed HTML page. Owns the libxml2 tree and frees it on deinit.
///
/// Not `Sendable`: libxml2 trees must stay on one thread at a time. Parse, query and clean a
/// document within one task. Every ``HTMLNode`` holds a strong reference to its document, so a
/// node can never outlive the tree it points into.
public final class HTMLDocument {
    let pointer: htmlDocPtr
    /// Subtrees unlinked by ``remove(_:)``: kept until deinit so that node handles into them stay valid.
    private var detached: [xmlNodePtr] = []
    /// Every attribute value of the page as parsed, separated by 0x01 and NUL-terminated (so libc's
    /// `strstr` can search it); built on first use by ``applicableXPath(for:)``.
    private lazy var attributeText: [UInt8] = collectAttributeText()

    /// The encoding the page was decoded with and where that came from.
    public let charset: CharsetDecision
    /// The page's URL if the caller knew it (used for resolving relative links).
    public let url: String?

    /// Parses page bytes.
    ///
    /// - Parameters:
    ///   - bytes: the page exactly as fetched or stored.
    ///   - charsetHint: a charset from outside the page (HTTP `Content-Type`), if any.
    ///   - url: the page URL; also used to name the page in errors.
    ///   - name: how errors name the input when there is no URL (e.g. a file path).
    /// - Throws: ``HTMLError/unparsable(input:reason:)`` when libxml2 builds no document.
    public init(bytes: [UInt8], charsetHint: String? = nil, url: String? = nil, name: String? = nil) throws(HTMLError) {
        LibXML.prepare()
        let inputName = name ?? url ?? "<input>"
        var decision = CharsetSniffer.decide(bytes, hint: charsetHint)
        let bomLength = CharsetSniffer.byteOrderMark(bytes).map { $0.name == decision.name ? $0.length : 0 } ?? 0
        let body = bytes[bomLength...]
        var utf8: [UInt8]
        if let converted = Transcoder.utf8(from: body, charset: decision.name) {
            utf8 = converted
        } else {
            // A label iconv doesn't know (a typo in a meta tag, say): read it as UTF-8 instead.
            utf8 = Transcoder.repairedUTF8(body)
            decision = CharsetDecision(name: "utf-8", source: .fallback)
        }
        let (controls, sampled) = Self.controlCharacters(in: utf8)
        if controls * 20 > sampled {
            throw .notText(input: inputName, controlCharacters: controls, sampled: sampled)
        }
        if utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            // libxml2 returns no document for blank input; an empty page is a page with no text.
            utf8 = Array("<html><body></body></html>".utf8)
        }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
                // Broken pages with unclosed tags nest deeply; HUGE raises libxml2's depth limit from 256 to 2,048.
                | XML_PARSE_HUGE.rawValue)
        let parsed: htmlDocPtr? = utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(clamping: buffer.count), url, "UTF-8", options)
            }
        }
        guard let parsed else {
            throw .unparsable(input: inputName, reason: "libxml2 returned no document (\(utf8.count) bytes after decoding)")
        }
        pointer = parsed
        charset = decision
        self.url = url
    }

    /// C0 control characters other than tab, line feed, form feed and carriage return in the first
    /// 4 KB: text (HTML) has almost none, binary data about one byte in eight. More than 5% means
    /// the bytes are not a page, and parsing them would only produce noise.
    static func controlCharacters(in bytes: [UInt8]) -> (count: Int, sampled: Int) {
        let sample = bytes.prefix(4096)
        let count = sample.reduce(0) { count, byte in
            count + ((byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D) || byte == 0x7F ? 1 : 0)
        }
        return (count, sample.count)
    }

    /// Parses a string (convenience for tests and small fragments).
    public convenience init(html: String, url: String? = nil) throws(HTMLError) {
        try self.init(bytes: Array(html.utf8), charsetHint: "utf-8", url: url)
    }

    deinit {
        for node in detached { xmlFreeNode(node) }
        xmlFreeDoc(pointer)
    }

    /// The `<html>` element.
    public var root: HTMLNode? {
        xmlDocGetRootElement(pointer).map { HTMLNode(document: self, pointer: $0) }
    }

    /// The document node itself (the parent of `<html>`): the context that selects the whole page.
    public var documentNode: HTMLNode {
        HTMLNode(document: self, pointer: UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: xmlNode.self))
    }

    /// The `<body>` element, if the page has one (libxml2 adds one to almost every page).
    public var body: HTMLNode? {
        root?.elementChildren.first { $0.name == "body" }
    }

    /// The `<head>` element, if any.
    public var head: HTMLNode? {
        root?.elementChildren.first { $0.name == "head" }
    }

    /// The XPath to evaluate for `selector` on this page: only the comma-separated alternatives
    /// that can match here (an alternative whose attribute needle occurs nowhere in the page's
    /// attribute values can't), or nil when none can. A rule book carries dozens of selectors like
    /// `[class*=cookie-banner]` that most pages can't match, and each evaluated one is a scan of
    /// the whole tree; this check costs one walk per page, then a string search per needle.
    public func applicableXPath(for selector: Selector) -> String? {
        guard selector.alternatives.contains(where: { $0.needle != nil }) else { return selector.xpath }
        let present = selector.alternatives.filter { alternative in
            alternative.needle.map { Self.contains(attributeText, $0) } ?? true
        }
        if present.isEmpty { return nil }
        if present.count == selector.alternatives.count { return selector.xpath }
        return present.map(\.xpath).joined(separator: " | ")
    }

    private func collectAttributeText() -> [UInt8] {
        var text: [UInt8] = []
        documentNode.walkPointers { node in
            var attribute = node.pointee.type == XML_ELEMENT_NODE ? node.pointee.properties : nil
            while let current = attribute {
                var child = current.pointee.children
                while let value = child {
                    if let content = value.pointee.content {
                        text.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(content)))
                    }
                    child = value.pointee.next
                }
                text.append(1)
                attribute = current.pointee.next
            }
            return true
        }
        text.append(0)
        return text
    }

    private static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        haystack.withUnsafeBufferPointer { hay in
            hay.baseAddress!.withMemoryRebound(to: CChar.self, capacity: hay.count) { strstr($0, needle) != nil }
        }
    }

    /// Unlinks `nodes` from the tree. Handles to them stay valid (they are freed with the document).
    ///
    /// Nodes are unlinked in reverse document order, so a node nested inside another one in the
    /// list is taken out of its ancestor first and nothing is detached twice.
    public func remove(_ nodes: [HTMLNode]) {
        for node in nodes.reversed() where node.document === self {
            guard node.pointer.pointee.parent != nil else { continue }
            xmlUnlinkNode(node.pointer)
            detached.append(node.pointer)
        }
    }
}
