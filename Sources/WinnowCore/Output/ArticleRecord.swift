import Foundation

/// The JSON form of a cleaned page (`--format json`, one object per line).
public struct ArticleRecord: Codable, Sendable {
    public struct Charset: Codable, Sendable {
        public var name: String
        public var source: String
    }

    public var url: String?
    public var title: String?
    public var metadata: Metadata
    public var text: String
    public var ruleFile: String?
    public var extractor: String
    public var firedRules: [String]
    public var charset: Charset
    public var warnings: [String]?
    /// The input file, when cleaning saved pages.
    public var file: String?

    /// Page metadata as written in JSON (snake_case keys; absent facts omitted).
    public struct Metadata: Codable, Sendable, Equatable {
        public var authors: [String]?
        public var published: String?
        public var modified: String?
        public var language: String?
        public var canonicalURL: String?
        public var siteName: String?
        public var description: String?

        public init(_ metadata: ArticleMetadata) {
            authors = metadata.authors.isEmpty ? nil : metadata.authors
            published = metadata.published
            modified = metadata.modified
            language = metadata.language
            canonicalURL = metadata.canonicalURL
            siteName = metadata.siteName
            description = metadata.description
        }

        enum CodingKeys: String, CodingKey {
            case authors, published, modified, language, description
            case canonicalURL = "canonical_url"
            case siteName = "site_name"
        }
    }

    public init(article: Article, file: String? = nil) {
        url = article.url
        title = article.title
        metadata = Metadata(article.metadata)
        text = article.text
        ruleFile = article.ruleFile
        extractor = article.extractor.rawValue
        firedRules = article.firedRules.map { "\($0.kind.rawValue): \($0.pattern) (\($0.file):\($0.line))" }
        charset = Charset(name: article.charset.name, source: article.charset.source.rawValue)
        warnings = article.warnings.isEmpty ? nil : article.warnings
        self.file = file
    }

    enum CodingKeys: String, CodingKey {
        case url, title, metadata, text, extractor, charset, warnings, file
        case ruleFile = "rule_file"
        case firedRules = "fired_rules"
    }

    /// One line of JSON (no trailing newline), keys in a stable order, slashes unescaped.
    public func jsonLine() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
