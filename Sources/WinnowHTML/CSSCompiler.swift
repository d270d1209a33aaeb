/// Compiles CSS selectors to XPath 1.0. (Being written; see the CSS selector task.)
enum CSSCompiler {
    static func compile(_ selector: String) throws(HTMLError) -> String {
        // Interim: type selectors only, so the rest of the package builds.
        let trimmed = selector.trimmingASCIIWhitespaceAndQuotes()
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isLetter || $0.isNumber }) else {
            throw .invalidSelector(selector: selector, position: 0, reason: "not supported yet")
        }
        return "descendant-or-self::\(trimmed.lowercased())"
    }
}
