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
}
