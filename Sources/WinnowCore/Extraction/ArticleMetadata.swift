/// Facts about an article page: who wrote it, when, in which language, under which URL.
///
/// Every field is optional (``authors`` may be empty): pages publish some of these, rarely all.
/// Dates are ISO 8601 strings — `2019-11-19T10:30:00-05:00`, `2019-11-19T15:30:00Z`, or
/// `2019-11-19` for a bare date — whenever the page's value could be parsed; otherwise the
/// page's own text, trimmed.
public struct ArticleMetadata: Codable, Sendable, Equatable {
    public var title: String?
    public var authors: [String]
    /// When the article was first published.
    public var published: String?
    /// When the article was last changed.
    public var modified: String?
    /// A BCP 47 language tag as the page states it (`en`, `en-US`, `ar`, `zh-CN`).
    public var language: String?
    public var canonicalURL: String?
    public var siteName: String?
    public var description: String?

    public init(title: String? = nil, authors: [String] = [], published: String? = nil, modified: String? = nil,
                language: String? = nil, canonicalURL: String? = nil, siteName: String? = nil,
                description: String? = nil) {
        self.title = title
        self.authors = authors
        self.published = published
        self.modified = modified
        self.language = language
        self.canonicalURL = canonicalURL
        self.siteName = siteName
        self.description = description
    }

    enum CodingKeys: String, CodingKey {
        case title, authors, published, modified, language, description
        case canonicalURL = "canonical_url"
        case siteName = "site_name"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            title: try container.decodeIfPresent(String.self, forKey: .title),
            authors: try container.decodeIfPresent([String].self, forKey: .authors) ?? [],
            published: try container.decodeIfPresent(String.self, forKey: .published),
            modified: try container.decodeIfPresent(String.self, forKey: .modified),
            language: try container.decodeIfPresent(String.self, forKey: .language),
            canonicalURL: try container.decodeIfPresent(String.self, forKey: .canonicalURL),
            siteName: try container.decodeIfPresent(String.self, forKey: .siteName),
            description: try container.decodeIfPresent(String.self, forKey: .description))
    }

    /// snake_case keys; absent facts (and an empty author list) are left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(title, forKey: .title)
        if !authors.isEmpty { try container.encode(authors, forKey: .authors) }
        try container.encodeIfPresent(published, forKey: .published)
        try container.encodeIfPresent(modified, forKey: .modified)
        try container.encodeIfPresent(language, forKey: .language)
        try container.encodeIfPresent(canonicalURL, forKey: .canonicalURL)
        try container.encodeIfPresent(siteName, forKey: .siteName)
        try container.encodeIfPresent(description, forKey: .description)
    }
}
