import WinnowHTML

/// Everything metadata is read from, gathered in one walk over the page (instead of one XPath
/// scan per source, which cost more than the rest of metadata extraction together).
struct MetadataSources {
    private(set) var metaTags: [HTMLNode] = []
    private(set) var jsonLDBlocks: [String] = []
    private(set) var firstHeading: HTMLNode?
    private(set) var titleElement: HTMLNode?
    private(set) var canonicalHref: String?
    /// `<time itemprop=datePublished>` or `<time pubdate>`: its `datetime`.
    private(set) var labelledPublicationTime: String?
    /// `content` of any element with `itemprop=datePublished`.
    private(set) var itempropPublished: String?
    /// `datetime` of the first `<time datetime>`.
    private(set) var firstTimeDatetime: String?

    init(document: HTMLDocument) {
        let candidates = document.documentNode.elements(
            named: ["meta", "script", "h1", "title", "link", "time"], orWithAttribute: "itemprop")
        for node in candidates {
            if node.isElement("meta") {
                metaTags.append(node)
            } else if node.isElement("script") {
                if let type = node.attribute("type"), type.lowercased().contains("ld+json") {
                    jsonLDBlocks.append(node.textContent)
                }
            } else if node.isElement("h1") {
                if firstHeading == nil { firstHeading = node }
            } else if node.isElement("title") {
                if titleElement == nil { titleElement = node }
            } else if node.isElement("link") {
                if canonicalHref == nil, node.attribute("rel")?.lowercased() == "canonical",
                   let href = Self.nonBlank(node.attribute("href")) {
                    canonicalHref = href
                }
            } else if node.isElement("time") {
                let datetime = Self.nonBlank(node.attribute("datetime"))
                if firstTimeDatetime == nil { firstTimeDatetime = datetime }
                if labelledPublicationTime == nil, node.attribute("itemprop") == "datePublished" || node.hasAttribute("pubdate") {
                    labelledPublicationTime = datetime
                }
            }
            if itempropPublished == nil, node.hasAttribute("itemprop"), node.attribute("itemprop") == "datePublished" {
                itempropPublished = Self.nonBlank(node.attribute("content"))
            }
        }
    }

    private static func nonBlank(_ text: String?) -> String? {
        guard let trimmed = text?.trimmedWhitespace, !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
