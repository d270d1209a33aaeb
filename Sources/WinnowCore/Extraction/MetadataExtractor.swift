import Foundation
import WinnowHTML

/// Reads an article's metadata from the page markup.
///
/// Sources, most trusted first: schema.org JSON-LD, OpenGraph (`og:*`, `article:*`), other
/// `<meta>` tags (`author`, `description`, Dublin Core `dc.*`, Parse.ly `parsely-*`, Sailthru
/// `sailthru.*`, `itemprop`), then the document itself (`<time datetime>`, `<link rel=canonical>`,
/// `<html lang>`, `<title>`, the first `<h1>`).
public enum MetadataExtractor {
    /// Separators between an article title and a site name in `<title>` and `og:title`.
    private static let titleSeparators = [" | ", " - ", " – ", " — ", " · ", " : ", " :: ", " » ", " / ", " || "]

    /// The metadata of `document`; absent facts are nil.
    public static func extract(from document: HTMLDocument) -> ArticleMetadata {
        let meta = MetaTags(document: document)
        let jsonLD = JSONLDReader(blocks: scripts(in: document))
        var metadata = ArticleMetadata()

        metadata.siteName = first(meta["og:site_name"], jsonLD.publisherName, meta["application-name"],
                                  meta["twitter:site"].flatMap { $0.hasPrefix("@") ? nil : $0 })
        let rawTitle = first(jsonLD.headline, meta["og:title"], meta["twitter:title"], meta["dc.title"],
                             meta["parsely-title"], meta["sailthru.title"], meta["headline"],
                             firstText(document, xpath: "//h1"), titleElement(document))
        metadata.title = rawTitle.map { stripSiteName(from: $0, siteName: metadata.siteName) }

        var authors = jsonLD.authors
        if authors.isEmpty {
            let fromMeta = meta.all("author") + meta.all("article:author") + meta.all("parsely-author")
                + meta.all("sailthru.author") + meta.all("dc.creator") + meta.all("dcterms.creator")
            authors = fromMeta.filter { !$0.hasPrefix("http://") && !$0.hasPrefix("https://") }
        }
        metadata.authors = unique(authors.map { stripByPrefix(collapseWhitespace($0)) })

        metadata.published = DateNormalizer.normalized(first(
            jsonLD.datePublished, meta["article:published_time"], meta["og:published_time"],
            meta["datepublished"], meta["date"], meta["pubdate"], meta["publishdate"], meta["publish-date"],
            meta["dc.date.issued"], meta["dc.date"], meta["dcterms.issued"], meta["dcterms.created"],
            meta["parsely-pub-date"], meta["sailthru.date"], meta["article.published"],
            publicationTime(document)))
        metadata.modified = DateNormalizer.normalized(first(
            jsonLD.dateModified, meta["article:modified_time"], meta["og:updated_time"], meta["datemodified"],
            meta["dcterms.modified"], meta["last-modified"], meta["article.updated"]))

        metadata.language = first(document.root?.attribute("lang"), document.root?.attribute("xml:lang"),
                                  jsonLD.language, meta["og:locale"].map { $0.replacingOccurrences(of: "_", with: "-") },
                                  meta["content-language"], meta["dc.language"], meta["language"])
        metadata.canonicalURL = first(
            firstAttribute(document, xpath: "//link[translate(@rel, 'CANONICAL', 'canonical')='canonical']/@href"),
            meta["og:url"], jsonLD.url).map { resolve($0, against: document.url) }
        metadata.description = first(meta["og:description"], meta["description"], jsonLD.description,
                                     meta["twitter:description"], meta["dc.description"])
        return metadata
    }

    // MARK: Sources

    private static func scripts(in document: HTMLDocument) -> [String] {
        let nodes = (try? document.documentNode.select(
            xpath: "//script[contains(translate(@type, 'JSONLD', 'jsonld'), 'ld+json')]")) ?? []
        return nodes.map(\.textContent)
    }

    private static func titleElement(_ document: HTMLDocument) -> String? {
        firstText(document, xpath: "//head/title | //title")
    }

    /// The `<time>` that marks publication: one labelled so, else the first with a `datetime`.
    private static func publicationTime(_ document: HTMLDocument) -> String? {
        firstAttribute(document, xpath: "//time[@itemprop='datePublished' or @pubdate]/@datetime")
            ?? firstAttribute(document, xpath: "//*[@itemprop='datePublished']/@content")
            ?? firstAttribute(document, xpath: "//time[@datetime]/@datetime")
    }

    private static func firstText(_ document: HTMLDocument, xpath: String) -> String? {
        guard let node = (try? document.documentNode.select(xpath: xpath))?.first else { return nil }
        return nonEmpty(collapseWhitespace(node.textContent))
    }

    private static func firstAttribute(_ document: HTMLDocument, xpath: String) -> String? {
        guard let nodes = try? document.documentNode.select(xpath: xpath) else { return nil }
        return nodes.lazy.compactMap { nonEmpty($0.textContent.trimmingCharacters(in: .whitespacesAndNewlines)) }.first
    }

    // MARK: Helpers

    /// Removes a leading or trailing site name (`Title | Site`, `Site - Title`).
    static func stripSiteName(from title: String, siteName: String?) -> String {
        guard let siteName, !siteName.isEmpty else { return title }
        let site = siteName.lowercased()
        for separator in titleSeparators {
            let lowered = title.lowercased()
            if lowered.hasSuffix(separator + site) {
                let stripped = String(title.dropLast(separator.count + siteName.count))
                if !stripped.trimmingCharacters(in: .whitespaces).isEmpty { return stripped.trimmingCharacters(in: .whitespaces) }
            }
            if lowered.hasPrefix(site + separator) {
                let stripped = String(title.dropFirst(separator.count + siteName.count))
                if !stripped.trimmingCharacters(in: .whitespaces).isEmpty { return stripped.trimmingCharacters(in: .whitespaces) }
            }
        }
        return title
    }

    private static func first(_ candidates: String?...) -> String? {
        candidates.lazy.compactMap { $0.flatMap(nonEmpty) }.first
    }

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// "By Jane Doe" → "Jane Doe": bylines copied into author fields keep their lead-in.
    private static func stripByPrefix(_ name: String) -> String {
        guard name.count > 3, name.prefix(3).lowercased() == "by " else { return name }
        return String(name.dropFirst(3)).trimmingCharacters(in: .whitespaces)
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    private static func resolve(_ link: String, against base: String?) -> String {
        guard let base, let baseURL = URL(string: base), let url = URL(string: link, relativeTo: baseURL) else {
            return link
        }
        return url.absoluteString
    }
}

/// The page's `<meta>` tags by lowercase key (`property`, `name`, `itemprop` or `http-equiv`).
private struct MetaTags {
    private var values: [String: [String]] = [:]

    init(document: HTMLDocument) {
        let nodes = (try? document.documentNode.select(xpath: "//meta")) ?? []
        for node in nodes {
            guard let content = node.attribute("content") ?? node.attribute("datetime") ?? node.attribute("value")
            else { continue }
            let trimmed = content.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            for key in ["property", "name", "itemprop", "http-equiv"] {
                guard let name = node.attribute(key)?.trimmingCharacters(in: .whitespaces).lowercased(),
                      !name.isEmpty else { continue }
                // `property` may list several names: "og:title twitter:title".
                for part in name.split(separator: " ") { values[String(part), default: []].append(trimmed) }
            }
        }
    }

    subscript(key: String) -> String? { values[key]?.first }

    func all(_ key: String) -> [String] { values[key] ?? [] }
}
