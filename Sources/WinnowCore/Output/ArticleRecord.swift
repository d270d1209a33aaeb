import Foundation

/// The JSON form of a cleaned page (`--format json`, one object per line).
public struct ArticleRecord: Codable, Sendable {
    public struct Charset: Codable, Sendable {
        public var name: String
        public var source: String
    }

    public var url: String?
    public var title: String?
    /// Authors, dates, language, canonical URL, site name, description (title is its own key).
    public var metadata: ArticleMetadata
    public var text: String
    public var ruleFile: String?
    public var extractor: String
    public var firedRules: [String]
    public var charset: Charset
    public var warnings: [String]?
    /// The input file, when cleaning saved pages.
    public var file: String?

    public init(article: Article, file: String? = nil) {
        url = article.url
        title = article.title
        metadata = article.metadata
        metadata.title = nil
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
