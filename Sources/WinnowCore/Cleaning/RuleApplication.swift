import WinnowHTML

/// Applies one page's compiled rules to its document and records which rules fired.
struct RuleApplication {
    let document: HTMLDocument
    let rules: CompiledRules
    let pageName: String
    /// When true, backup `content` and `title` selectors after the one that won are evaluated too,
    /// so coverage reports whether they still match (validation only; cleaning doesn't need them).
    let checksBackupSelectors: Bool
    private(set) var fired: Set<RuleID> = []

    init(document: HTMLDocument, rules: CompiledRules, pageName: String, checksBackupSelectors: Bool = false) {
        self.document = document
        self.rules = rules
        self.pageName = pageName
        self.checksBackupSelectors = checksBackupSelectors
    }

    /// Nodes `rule` matches in `context`'s subtree (context included); records the rule as fired.
    mutating func matches(_ rule: SelectorRule, in context: HTMLNode) throws(CleanError) -> [HTMLNode] {
        guard let xpath = document.applicableXPath(for: rule.selector) else { return [] }
        let nodes: [HTMLNode]
        do { nodes = try context.select(xpath: xpath) } catch {
            throw .ruleFailed(page: pageName, rule: rule.id, reason: error.description)
        }
        if !nodes.isEmpty { fired.insert(rule.id) }
        return nodes
    }

    // MARK: Title

    /// The text of the first `title` rule that yields any; nil when no rule does.
    mutating func title() throws(CleanError) -> String? {
        var title: String?
        for rule in rules.title {
            let nodes = try matches(rule, in: document.documentNode)
            if title == nil {
                title = nodes.lazy.map(Self.value).first { !$0.isEmpty }
                if title != nil, !checksBackupSelectors { break }
            }
        }
        return title
    }

    /// Replaces metadata fields that the site's `metadata` rules find on the page.
    mutating func applyMetadataRules(to metadata: inout ArticleMetadata) throws(CleanError) {
        for field in rules.metadata.keys.sorted() {
            var values: [String] = []
            for rule in rules.metadata[field] ?? [] {
                values = try matches(rule, in: document.documentNode).map(Self.value).filter { !$0.isEmpty }
                if !values.isEmpty { break }
            }
            guard let first = values.first else { continue }
            switch field {
            case "author": metadata.authors = values.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
            case "published": metadata.published = DateNormalizer.normalized(first)
            case "modified": metadata.modified = DateNormalizer.normalized(first)
            case "site_name": metadata.siteName = first
            case "description": metadata.description = first
            case "language": metadata.language = first
            default: continue
            }
        }
    }

    // MARK: Content

    /// The nodes of the first `content` rule that matches, in document order, without nodes nested
    /// inside other matched nodes; nil when there are no content rules or none matches.
    mutating func contentRoots() throws(CleanError) -> [HTMLNode]? {
        var roots: [HTMLNode]?
        for rule in rules.content {
            if roots != nil {
                guard checksBackupSelectors else { break }
                _ = try matches(rule, in: document.documentNode)
                continue
            }
            let nodes = try matches(rule, in: document.documentNode)
            guard !nodes.isEmpty else { continue }
            let set = Set(nodes)
            roots = nodes.filter { node in !node.ancestors.contains(where: set.contains) }
        }
        return roots
    }

    /// Unlinks everything `remove` rules match inside `roots`, never a root or an ancestor of one.
    ///
    /// With `protectingMostOfText` (used when the content is the whole body), a match holding more
    /// than half of the root's text is kept: a broad global rule like `[class*=cookie]` must not
    /// wipe out a page whose wrapper happens to carry a `has-cookie-bar` class.
    mutating func removeBoilerplate(inside roots: [HTMLNode], protectingMostOfText: Bool = false) throws(CleanError) {
        let rootSet = Set(roots)
        // Measured only once something matches: most pages match no removal rule at all.
        var rootTextLength: Int?
        for rule in rules.remove {
            var doomed: [HTMLNode] = []
            for root in roots {
                for node in try matchesWithoutRecording(rule, in: root) where !rootSet.contains(node) {
                    if protectingMostOfText {
                        let total = rootTextLength ?? roots.reduce(0) { $0 + $1.textContent.utf8.count }
                        rootTextLength = total
                        if node.textContent.utf8.count * 2 > total { continue }
                    }
                    doomed.append(node)
                }
            }
            if !doomed.isEmpty {
                fired.insert(rule.id)
                document.remove(doomed)
            }
        }
    }

    /// For the first `cut_at` match inside each root: removes it and everything after it in the root.
    mutating func cut(inside roots: [HTMLNode]) throws(CleanError) {
        guard !rules.cutAt.isEmpty else { return }
        for root in roots {
            var first: HTMLNode?
            for rule in rules.cutAt {
                guard let node = try matchesWithoutRecording(rule, in: root).first(where: { $0 != root }) else { continue }
                fired.insert(rule.id)
                if first == nil || Self.precedes(node, first!) { first = node }
            }
            guard let marker = first else { continue }
            var doomed = [marker]
            var current = marker
            while current != root, let parent = current.parent {
                var sibling = current.nextSibling
                while let next = sibling {
                    doomed.append(next)
                    sibling = next.nextSibling
                }
                current = parent
            }
            document.remove(doomed)
        }
    }

    private func matchesWithoutRecording(_ rule: SelectorRule, in context: HTMLNode) throws(CleanError) -> [HTMLNode] {
        guard let xpath = document.applicableXPath(for: rule.selector) else { return [] }
        do { return try context.select(xpath: xpath) } catch {
            throw .ruleFailed(page: pageName, rule: rule.id, reason: error.description)
        }
    }

    /// Whether `a` comes before `b` in document order.
    private static func precedes(_ a: HTMLNode, _ b: HTMLNode) -> Bool {
        guard let nodes = try? a.document.documentNode.select(xpath: "//node()") else { return false }
        for node in nodes {
            if node == a { return true }
            if node == b { return false }
        }
        return false
    }

    // MARK: Lines

    /// Drops lines that a `drop_lines` rule matches and everything from the first `cut_at_line` match.
    mutating func applyLineRules(to blocks: [TextBlock]) -> [TextBlock] {
        guard !rules.dropLines.isEmpty || !rules.cutAtLine.isEmpty else { return blocks }
        var result: [TextBlock] = []
        for block in blocks {
            var kept: [Substring] = []
            for line in block.text.split(separator: "\n", omittingEmptySubsequences: false) {
                if let rule = rules.cutAtLine.first(where: { $0.matches(line) }) {
                    fired.insert(rule.id)
                    if !kept.isEmpty { result.append(TextBlock(kind: block.kind, text: kept.joined(separator: "\n"))) }
                    return result
                }
                if let rule = rules.dropLines.first(where: { $0.matches(line) }) {
                    fired.insert(rule.id)
                    continue
                }
                kept.append(line)
            }
            if !kept.isEmpty { result.append(TextBlock(kind: block.kind, text: kept.joined(separator: "\n"))) }
        }
        return result
    }

    // MARK: Helpers

    /// What a matched node says: `datetime` of a `<time>`, `content` of a `<meta>`, the value of a
    /// selected attribute, else the node's text on one line.
    static func value(of node: HTMLNode) -> String {
        if node.kind != .element { return collapse(node.textContent) }
        if node.name == "time", let datetime = node.attribute("datetime") { return collapse(datetime) }
        if node.name == "meta", let content = node.attribute("content") { return collapse(content) }
        // <title> lives in <head>, which the text walk never emits, so read it directly.
        if node.name == "title" { return collapse(node.textContent) }
        return TextWalker().blocks(of: node).map(\.text).joined(separator: " ")
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
