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
        let sources = MetadataSources(document: document)
        let meta = MetaTags(nodes: sources.metaTags)
        let jsonLD = JSONLDReader(blocks: sources.jsonLDBlocks)
        var metadata = ArticleMetadata()

        metadata.siteName = first(meta["og:site_name"], jsonLD.publisherName, meta["application-name"],
                                  meta["twitter:site"].flatMap { $0.hasPrefix("@") ? nil : $0 })
        let rawTitle = first(jsonLD.headline, meta["og:title"], meta["twitter:title"], meta["dc.title"],
                             meta["parsely-title"], meta["sailthru.title"], meta["headline"],
                             text(of: sources.firstHeading), text(of: sources.titleElement))
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
            sources.labelledPublicationTime ?? sources.itempropPublished ?? sources.firstTimeDatetime))
        metadata.modified = DateNormalizer.normalized(first(
            jsonLD.dateModified, meta["article:modified_time"], meta["og:updated_time"], meta["datemodified"],
            meta["dcterms.modified"], meta["last-modified"], meta["article.updated"]))

        metadata.language = first(document.root?.attribute("lang"), document.root?.attribute("xml:lang"),
                                  jsonLD.language, meta["og:locale"].map { $0.replacingOccurrences(of: "_", with: "-") },
                                  meta["content-language"], meta["dc.language"], meta["language"])
        metadata.canonicalURL = first(
            sources.canonicalHref,
            meta["og:url"], jsonLD.url).map { resolve($0, against: document.url) }
        metadata.description = first(meta["og:description"], meta["description"], jsonLD.description,
                                     meta["twitter:description"], meta["dc.description"])
        return metadata
    }

    // MARK: Sources

    private static func text(of node: HTMLNode?) -> String? {
        node.flatMap { nonEmpty(collapseWhitespace($0.textContent)) }
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
                if !stripped.trimmedWhitespace.isEmpty { return stripped.trimmedWhitespace }
            }
            if lowered.hasPrefix(site + separator) {
                let stripped = String(title.dropFirst(separator.count + siteName.count))
                if !stripped.trimmedWhitespace.isEmpty { return stripped.trimmedWhitespace }
            }
        }
        return title
    }

    private static func first(_ candidates: String?...) -> String? {
        candidates.lazy.compactMap { $0.flatMap(nonEmpty) }.first
    }

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmedWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// "By Jane Doe" → "Jane Doe": bylines copied into author fields keep their lead-in.
    private static func stripByPrefix(_ name: String) -> String {
        guard name.count > 3, name.prefix(3).lowercased() == "by " else { return name }
        return String(name.dropFirst(3)).trimmedWhitespace
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

    init(nodes: [HTMLNode]) {
        for node in nodes {
            // One pass over each tag's attributes: this runs for every <meta> of every page.
            var content: String?
            var fallbackContent: String?
            var names: [String] = []
            for (name, value) in node.attributes {
                switch name {
                case "content": content = value
                case "datetime", "value": fallbackContent = fallbackContent ?? value
                case "property", "name", "itemprop", "http-equiv": names.append(value)
                default: continue
                }
            }
            guard let raw = content ?? fallbackContent else { continue }
            let trimmed = raw.trimmedWhitespace
            guard !trimmed.isEmpty else { continue }
            for name in names {
                // `property` may list several names: "og:title twitter:title".
                for part in name.lowercased().split(whereSeparator: \.isWhitespace) {
                    values[String(part), default: []].append(trimmed)
                }
            }
        }
    }

    subscript(key: String) -> String? { values[key]?.first }

    func all(_ key: String) -> [String] { values[key] ?? [] }
}
