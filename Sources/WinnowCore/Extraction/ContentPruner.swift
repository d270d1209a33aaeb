import WinnowHTML

/// Finds boilerplate inside the chosen article subtrees: share bars, related-link boxes,
/// bylines, link lists and image galleries that sit between the paragraphs.
struct ContentPruner {
    let scorer: ContentScorer
    private var statistics: SubtreeStatistics { scorer.statistics }

    /// Elements below `roots` to leave out of the text.
    func boilerplate(under roots: [Int]) -> Set<HTMLNode> {
        var excluded: Set<HTMLNode> = []
        for root in roots {
            let rootLength = max(statistics.elements[root].textLength, 1)
            var index = root + 1
            let end = statistics.elements[root].end
            while index < end {
                let element = statistics.elements[index]
                if isBoilerplate(index, share: Double(element.textLength) / Double(rootLength)) {
                    excluded.insert(element.node)
                    index = element.end
                } else {
                    index += 1
                }
            }
        }
        return excluded
    }

    /// Decides one element; `share` is its part of the root's text. Elements carrying most of the
    /// article are never dropped on names alone: a wrapper named `post-comments-area` may still
    /// hold the story.
    private func isBoilerplate(_ index: Int, share: Double) -> Bool {
        let element = statistics.elements[index]
        guard element.textLength > 0 || element.images > 0 else { return false }
        switch element.name {
        case "nav", "aside", "footer", "form", "menu":
            return share < 0.5
        case "header":
            return share < 0.3
        case "figure", "figcaption":
            // Captions and credits describe pictures; they are not part of the running text.
            return share < 0.3
        case "h1":
            return true
        default:
            break
        }
        let hints = scorer.hintCache.hints(for: element.node)
        if hints.isNegative, share < 0.3 { return true }
        switch element.name {
        case "div", "section", "table", "ul", "ol", "dl", "figure", "span":
            return failsConditionalCheck(index, hints: hints)
        case "p", "li", "dd":
            // A paragraph that is nearly all link text is a "read more" line or a link list item.
            return element.linkDensity > 0.6 && element.punctuation <= 2
        case "h2", "h3", "h4", "h5", "h6":
            return element.linkDensity > 0.6
        default:
            return false
        }
    }

    /// Readability-style test for containers that hold little prose: too many links, images or
    /// list items for the paragraphs they have.
    private func failsConditionalCheck(_ index: Int, hints: ClassHints) -> Bool {
        let element = statistics.elements[index]
        let weight = hints.weight
        if weight + (scorer.scores[index] ?? 0) < 0 { return true }
        guard element.punctuation < 10 else { return false }
        let paragraphs = Double(element.paragraphs)
        let images = Double(element.images)
        let isList = element.name == "ul" || element.name == "ol"
        let length = ContentScorer.effectiveLength(element)
        let linkDensity = element.linkDensity
        if images > 1, paragraphs / images < 0.5 { return true }
        if !isList, element.listItems > element.paragraphs + 1, linkDensity > 0.3 { return true }
        if length < ContentScorer.minimumParagraphLength, (images == 0 || images > 2), linkDensity > 0 { return true }
        let linkLimit = isList ? 0.5 : 0.33
        if weight < 25, linkDensity > linkLimit { return true }
        if weight >= 25, linkDensity > 0.5 { return true }
        return false
    }
}
