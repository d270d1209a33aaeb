import WinnowHTML

/// Finds the main article text of a page that has no site rules.
///
/// The extractor measures every element once (text length, link text, punctuation, paragraphs),
/// scores paragraph-like blocks by length and punctuation and lets the scores flow to their
/// containers, picks the container with the best link-discounted score, adds sibling blocks that
/// belong to the same article, and leaves out boilerplate inside it (share bars, related links,
/// bylines, link lists). It uses no site- or language-specific knowledge: lengths count
/// characters, not space-separated words, and punctuation includes Arabic and CJK marks.
///
/// When nothing scores, the visible text of the page is returned, so the result is empty only
/// for a page without visible text.
public struct GenericExtractor: Sendable {
    /// Siblings whose score reaches this share of the best score join the article.
    private static let siblingScoreShare = 0.2
    /// Siblings never join below this score.
    private static let siblingMinimumScore = 10.0
    /// A sibling paragraph longer than this joins when it has few links.
    private static let siblingParagraphLength = 80
    private static let siblingLinkDensity = 0.25

    public init() {}

    /// Extracts the article text of `document`.
    ///
    /// - Parameters:
    ///   - document: the page; it is not modified.
    ///   - style: plain text, or text with Markdown inline markup.
    public func extract(from document: HTMLDocument, style: TextWalker.Style = .plain) -> GenericExtraction {
        guard let body = document.body ?? document.root else {
            return GenericExtraction(blocks: [], strategy: "empty: no document element")
        }
        let walker = TextWalker(style: style)
        let statistics = SubtreeStatistics(root: body)
        guard let bodyStatistics = statistics.elements.first, bodyStatistics.textLength > 0 else {
            return GenericExtraction(blocks: [], strategy: "empty: no visible text")
        }
        let hintCache = ClassHintCache()
        var scorer = ContentScorer(statistics: statistics, hintCache: hintCache)
        var top = scorer.topCandidate()
        if top == nil {
            // Everything with prose sits in regions named like boilerplate (a theme that calls its
            // main column "sidebar-layout", say): score them after all.
            scorer = ContentScorer(statistics: statistics, skippingUnlikely: false, hintCache: hintCache)
            top = scorer.topCandidate()
        }
        let pruner = ContentPruner(scorer: scorer)
        if let top {
            let roots = articleParts(around: top, scorer: scorer)
            let excluded = pruner.boilerplate(under: roots)
            let blocks = BlockFilter.filter(
                walker.blocks(of: roots.map { statistics.elements[$0].node }, excluding: excluded))
            if !blocks.isEmpty {
                let description = Self.describe(statistics.elements[top])
                return GenericExtraction(
                    blocks: blocks,
                    strategy: "scored: \(description) +\(roots.count - 1) siblings, \(excluded.count) pruned")
            }
        }
        // Nothing scored (only short fragments) or everything was pruned: the page's text, less
        // the obvious boilerplate if that leaves anything.
        let pruned = walker.blocks(of: [body], excluding: pruner.boilerplate(under: [0]))
        if !pruned.isEmpty {
            return GenericExtraction(blocks: pruned, strategy: "fallback: body, pruned")
        }
        return GenericExtraction(blocks: walker.blocks(of: body), strategy: "fallback: body")
    }

    /// The top candidate plus the siblings that continue the same article, in document order.
    private func articleParts(around top: Int, scorer: ContentScorer) -> [Int] {
        let elements = scorer.statistics.elements
        let parent = elements[top].parent
        guard parent >= 0, let topScore = scorer.finalScore(top) else { return [top] }
        let threshold = max(Self.siblingMinimumScore, topScore * Self.siblingScoreShare)
        let topClass = elements[top].node.attribute("class") ?? ""
        var parts: [Int] = []
        for sibling in scorer.children(of: parent) {
            if sibling == top {
                parts.append(sibling)
                continue
            }
            let element = elements[sibling]
            guard element.textLength > 0 else { continue }
            let hints = scorer.hintCache.hints(for: element.node)
            if hints.isNegative && !hints.isPositive { continue }
            var bonus = 0.0
            if !topClass.isEmpty, element.node.attribute("class") == topClass { bonus = topScore * 0.2 }
            if let score = scorer.finalScore(sibling), score + bonus >= threshold {
                parts.append(sibling)
            } else if ContentScorer.isParagraph(element) {
                let length = ContentScorer.effectiveLength(element)
                if length > Self.siblingParagraphLength, element.linkDensity < Self.siblingLinkDensity {
                    parts.append(sibling)
                } else if length > 0, element.linkTextLength == 0, element.punctuation > 0 {
                    parts.append(sibling)
                }
            }
        }
        return parts
    }

    private static func describe(_ element: SubtreeStatistics.Element) -> String {
        var text = element.name
        if let id = element.node.attribute("id"), !id.isEmpty { text += "#" + id }
        if let classes = element.node.attribute("class"), !classes.isEmpty {
            text += "." + classes.split(separator: " ").joined(separator: ".")
        }
        return text
    }
}
