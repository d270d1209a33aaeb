import WinnowHTML

/// Turns page bytes into an ``Article`` with the rules of the page's site.
///
/// The steps, in order: parse; take the title; select the content (the site's `content`
/// selectors, or the generic extractor); remove `remove` matches inside it; cut at the first
/// `cut_at` match; walk the text; drop `drop_lines` lines; cut at the first `cut_at_line` line.
public struct Cleaner: Sendable {
    /// Switches that change how pages are cleaned.
    public struct Options: Sendable {
        /// When false, site rule files are ignored: only the global rules and the generic extractor
        /// run (this is how the generic extractor is scored on its own).
        public var useSiteRules: Bool
        /// Plain text, or text with Markdown inline markup.
        public var style: TextWalker.Style
        /// Also evaluate the backup `content` and `title` selectors after the one that matched, so
        /// that ``Article/firedRules`` tells which of them still match (for coverage reports).
        public var checksBackupSelectors: Bool

        public init(useSiteRules: Bool = true, style: TextWalker.Style = .plain, checksBackupSelectors: Bool = false) {
            self.useSiteRules = useSiteRules
            self.style = style
            self.checksBackupSelectors = checksBackupSelectors
        }
    }

    public let ruleBook: RuleBook
    public var options: Options

    public init(ruleBook: RuleBook, options: Options = Options()) {
        self.ruleBook = ruleBook
        self.options = options
    }

    /// Cleans one page.
    /// - Throws: ``CleanError`` when the page can't be parsed or a rule fails at run time.
    public func clean(_ page: Page) throws(CleanError) -> Article {
        let document: HTMLDocument
        do {
            document = try HTMLDocument(bytes: page.bytes, charsetHint: page.charsetHint, url: page.url, name: page.name)
        } catch {
            if case .notText = error { throw .notHTML(page: page.name, reason: error.description) }
            throw .unparsable(page: page.name, reason: error.description)
        }
        return try clean(document, page: page)
    }

    /// Cleans an already parsed document (which it modifies: removed nodes are unlinked).
    public func clean(_ document: HTMLDocument, page: Page) throws(CleanError) -> Article {
        let rules = options.useSiteRules ? ruleBook.rules(forHost: page.host) : ruleBook.globalRules
        var run = RuleApplication(document: document, rules: rules, pageName: page.name,
                                  checksBackupSelectors: options.checksBackupSelectors)
        var warnings: [String] = []

        // Metadata and title come first: removal rules may take out the headline or the byline.
        var metadata = MetadataExtractor.extract(from: document)
        try run.applyMetadataRules(to: &metadata)
        if let title = try run.title() { metadata.title = title }
        var extractor = Article.Extractor.rules
        var blocks: [TextBlock]
        if let contentRoots = try run.contentRoots() {
            try run.removeBoilerplate(inside: contentRoots)
            try run.cut(inside: contentRoots)
            blocks = TextWalker(style: options.style).blocks(of: contentRoots)
        } else {
            if !rules.content.isEmpty {
                extractor = .genericFallback
                warnings.append("content selectors of \(rules.siteFile ?? "the site rules") matched nothing; fell back to generic extraction")
            } else {
                extractor = .generic
            }
            blocks = try extractWithoutContentRules(document, run: &run)
        }
        blocks = run.applyLineRules(to: blocks)
        return Article(
            url: page.url, title: metadata.title, metadata: metadata, blocks: blocks, ruleFile: rules.siteFile, extractor: extractor,
            firedRules: run.fired.sorted(), charset: document.charset, warnings: warnings)
    }

    /// Text for a page whose rules name no content (or whose content selectors matched nothing):
    /// removal rules over the whole body, then the generic extractor.
    private func extractWithoutContentRules(_ document: HTMLDocument, run: inout RuleApplication) throws(CleanError) -> [TextBlock] {
        guard let body = document.body else { return [] }
        try run.removeBoilerplate(inside: [body], protectingMostOfText: true)
        try run.cut(inside: [body])
        return GenericExtractor().extract(from: document, style: options.style).blocks
    }
}
