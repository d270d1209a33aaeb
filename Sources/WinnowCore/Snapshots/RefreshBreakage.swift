/// The checks that decide whether a re-fetched page "broke" the rules, so that it is kept beside
/// the stored page instead of replacing it.
enum RefreshBreakage {
    /// New clean text shorter than this share of the expected text counts as broken.
    static let minimumLengthRatio = 0.5

    /// Why `article` (cleaned from the new page) looks broken compared with `expected`; nil when
    /// it does not.
    static func reason(article: Article, newText: String, expected: String) -> String? {
        if article.extractor == .genericFallback {
            return "the content selectors of \(article.ruleFile ?? "the site's rule file") matched nothing on the new page (the site was probably redesigned)"
        }
        // A page about cookies is not a consent wall just because its article mentions them.
        if ConsentWall.matches(expected) == nil,
           let phrases = ConsentWall.matches([article.title ?? "", newText].joined(separator: "\n")) {
            let quoted = phrases.prefix(4).map { "'\($0)'" }.joined(separator: ", ")
            return "the new page looks like a consent wall or bot check (\(quoted))"
        }
        let expectedLength = expected.count
        if expectedLength > 0, Double(newText.count) < Double(expectedLength) * minimumLengthRatio {
            let percent = Int((Double(newText.count) / Double(expectedLength) * 100).rounded())
            return "the new clean text is \(newText.count) characters, \(percent)% of the expected \(expectedLength)"
        }
        return nil
    }
}
