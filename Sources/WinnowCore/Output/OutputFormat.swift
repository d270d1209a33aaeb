/// How cleaned pages are written.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// The article text alone.
    case text
    /// One JSON object per page (JSON Lines): url, title, text, rule file, fired rules, …
    case json
    /// The article as Markdown, with the title as a heading.
    case markdown

    /// The file extension used with `--output-dir`.
    public var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .json: return "json"
        case .markdown: return "md"
        }
    }

    /// The text to write for `article`.
    public func render(_ article: Article, file: String? = nil) -> String {
        switch self {
        case .text:
            return article.text
        case .json:
            return ArticleRecord(article: article, file: file).jsonLine()
        case .markdown:
            let body = MarkdownRenderer.render(article.blocks)
            guard let title = article.title, !title.isEmpty else { return body }
            return "# \(title)\n\n\(body)"
        }
    }
}
