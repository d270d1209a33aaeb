import Foundation

/// Reads schema.org article facts from a page's JSON-LD blocks.
///
/// Blocks may hold one object, an array of objects, or an `@graph`; an object may nest its
/// article under `mainEntity`. Authors and publishers given only as `{"@id": …}` are looked up
/// among the other nodes. Blocks that are not valid JSON are skipped.
struct JSONLDReader {
    /// schema.org types whose properties describe the article itself.
    private static let articleTypes: Set<String> = [
        "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
        "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "AskPublicNewsArticle",
        "TechArticle", "ScholarlyArticle", "SocialMediaPosting", "LiveBlogPosting", "DiscussionForumPosting",
        "Report", "SatiricalArticle", "Review", "Recipe", "VideoObject", "Blog",
    ]
    private static let pageTypes: Set<String> = ["WebPage", "ItemPage", "AboutPage", "CollectionPage", "QAPage"]

    /// Every object found in the blocks, flattened.
    private var nodes: [[String: Any]] = []

    init(blocks: [String]) {
        for block in blocks {
            guard let data = Self.cleaned(block).data(using: .utf8),
                  let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            else { continue }
            collect(json)
        }
    }

    /// Strips wrappers some CMSs put around the JSON (HTML comments, CDATA markers).
    private static func cleaned(_ block: String) -> String {
        var text = block.trimmedWhitespace
        for (prefix, suffix) in [("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")] {
            if text.hasPrefix(prefix), text.hasSuffix(suffix) {
                text = String(text.dropFirst(prefix.count).dropLast(suffix.count))
            }
        }
        return text.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ";")))
    }

    /// Flattens arrays, `@graph` and `mainEntity` without recursing on the nesting depth of
    /// untrusted input.
    private mutating func collect(_ json: Any) {
        var pending: [Any] = [json]
        var visited = 0
        while let item = pending.popLast(), visited < 10_000 {
            visited += 1
            if let array = item as? [Any] {
                pending.append(contentsOf: array.reversed())
            } else if let object = item as? [String: Any] {
                nodes.append(object)
                if let graph = object["@graph"] { pending.append(graph) }
                if let main = object["mainEntity"] ?? object["mainEntityOfPage"], main is [String: Any] {
                    pending.append(main)
                }
            }
        }
    }

    /// The article node: the first object of an article type, else of a web-page type.
    var article: [String: Any]? {
        nodes.first { !Self.types(of: $0).isDisjoint(with: Self.articleTypes) }
            ?? nodes.first { !Self.types(of: $0).isDisjoint(with: Self.pageTypes) }
    }

    var headline: String? { article.flatMap { string($0["headline"]) ?? string($0["name"]) } }
    var datePublished: String? { article.flatMap { string($0["datePublished"]) ?? string($0["dateCreated"]) } }
    var dateModified: String? { article.flatMap { string($0["dateModified"]) } }
    var description: String? { article.flatMap { string($0["description"]) } }
    var language: String? { article.flatMap { string($0["inLanguage"]) } }
    var url: String? { article.flatMap { string($0["url"]) } }

    var publisherName: String? {
        guard let article, let publisher = article["publisher"] else {
            return nodes.first { Self.types(of: $0).contains("WebSite") }.flatMap { string($0["name"]) }
        }
        return names(publisher).first
    }

    var authors: [String] {
        guard let article, let author = article["author"] ?? article["creator"] else { return [] }
        return names(author)
    }

    /// Names in a person/organisation value: a string, an object with `name` (or an `@id` that
    /// names another node), or an array of those.
    private func names(_ value: Any) -> [String] {
        var result: [String] = []
        let items = value as? [Any] ?? [value]
        for item in items.prefix(50) {
            if let name = string(item) {
                result.append(name)
            } else if let object = item as? [String: Any] {
                if let name = string(object["name"]) {
                    result.append(name)
                } else if let id = object["@id"] as? String,
                          let target = nodes.first(where: { ($0["@id"] as? String) == id && $0["name"] != nil }),
                          let name = string(target["name"]) {
                    result.append(name)
                }
            }
        }
        return result
    }

    /// A non-empty trimmed string, or the first of an array of strings.
    private func string(_ value: Any?) -> String? {
        if let text = value as? String {
            let trimmed = text.trimmedWhitespace
            return trimmed.isEmpty ? nil : trimmed
        }
        if let array = value as? [Any] { return array.lazy.compactMap { self.string($0) }.first }
        return nil
    }

    private static func types(of node: [String: Any]) -> Set<String> {
        let value = node["@type"]
        let names = (value as? [Any])?.compactMap { $0 as? String } ?? (value as? String).map { [$0] } ?? []
        // Types may be written as IRIs: "http://schema.org/NewsArticle".
        return Set(names.map { $0.split(separator: "/").last.map(String.init) ?? $0 })
    }
}
