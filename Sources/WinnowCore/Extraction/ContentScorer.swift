import WinnowHTML

/// Scores elements as containers of article text and picks the best one.
///
/// Each paragraph-like block earns points for its length and punctuation; the points flow to its
/// nearest ancestors, decaying with distance, so the element that directly holds most of the
/// prose wins. An element's points are then discounted by its link density (menus and link lists
/// are mostly link text) and adjusted by its tag and class/id names.
struct ContentScorer {
    let statistics: SubtreeStatistics
    let hintCache: ClassHintCache
    /// Score per element index; absent for elements no paragraph scored into.
    private(set) var scores: [Int: Double] = [:]

    /// How many ancestors receive a paragraph's points.
    private static let ancestorLevels = 5
    /// Blocks shorter than this (in effective characters) carry no signal.
    static let minimumParagraphLength = 25

    /// - Parameter skippingUnlikely: whether paragraphs inside regions whose tag or class/id names
    ///   boilerplate (comments, sidebars, footers, related links) are ignored. Comment threads
    ///   are prose too and would otherwise outscore a short article.
    init(statistics: SubtreeStatistics, skippingUnlikely: Bool = true, hintCache: ClassHintCache = ClassHintCache()) {
        self.statistics = statistics
        self.hintCache = hintCache
        scoreParagraphs(skippingUnlikely: skippingUnlikely)
    }

    /// Marks every element inside a region named as boilerplate. A region named only weakly so
    /// (`sidebar`, `widget`) that holds an element named as article text (`entry-content`
    /// inside a theme's `main-sidebar-layout`) is not boilerplate; comment threads, related
    /// links and share bars always are, whatever their parts are called.
    private func unlikelyRegions() -> [Bool] {
        let elements = statistics.elements
        // -2 certainly boilerplate, -1 named like boilerplate, 1 named like article text.
        var named = [Int8](repeating: 0, count: elements.count)
        for index in elements.indices.dropFirst() {
            switch elements[index].name {
            case "nav", "aside", "footer":
                named[index] = -2
            case "a", "p", "span", "b", "i", "em", "strong", "font", "li", "img", "br":
                continue
            default:
                let hints = hintCache.hints(for: elements[index].node)
                if hints.isNegative, !hints.isPositive { named[index] = hints.isStronglyNegative ? -2 : -1 }
                if hints.isPositive, !hints.isNegative { named[index] = 1 }
            }
        }
        var holdsArticle = [Bool](repeating: false, count: elements.count)
        for index in elements.indices.reversed() where index > 0 {
            if named[index] == 1 || holdsArticle[index] { holdsArticle[elements[index].parent] = true }
        }
        var unlikely = [Bool](repeating: false, count: elements.count)
        for index in elements.indices.dropFirst() {
            unlikely[index] = unlikely[elements[index].parent] || named[index] == -2
                || (named[index] == -1 && !holdsArticle[index])
        }
        return unlikely
    }

    /// Length in which a scalar from a script without spaces (Han, Kana, Hangul) counts three
    /// times, about the information of a letter-and-space run of the same meaning.
    static func effectiveLength(_ element: SubtreeStatistics.Element) -> Int {
        element.textLength + 2 * element.wideCharacters
    }

    private mutating func scoreParagraphs(skippingUnlikely: Bool) {
        let elements = statistics.elements
        let unlikely = skippingUnlikely ? unlikelyRegions() : []
        for index in elements.indices {
            let element = elements[index]
            guard element.textLength > 0 else { continue }
            if skippingUnlikely, unlikely[index] { continue }
            let points: Double
            if Self.isParagraph(element) {
                let length = Self.effectiveLength(element)
                guard length >= Self.minimumParagraphLength else { continue }
                points = 1 + Double(element.punctuation) + min(Double(length) / 100, 3)
                    - 2 * element.linkDensity
                addToAncestors(points, from: index)
            } else if element.hasBlockChild, element.ownTextLength >= Self.minimumParagraphLength {
                // Prose sitting directly in a container between its block children.
                points = 1 + Double(element.ownPunctuation) + min(Double(element.ownTextLength) / 100, 3)
                addScore(points, to: index)
            }
        }
    }

    /// Paragraph-like: a `<p>`, `<pre>` or table cell, or a container with no block children
    /// (a `<div>` written like a paragraph).
    static func isParagraph(_ element: SubtreeStatistics.Element) -> Bool {
        switch element.name {
        case "p", "pre", "td": return true
        case "div", "section", "article", "main", "span", "font", "center", "dd": return !element.hasBlockChild
        default: return false
        }
    }

    private mutating func addToAncestors(_ points: Double, from index: Int) {
        var ancestor = statistics.elements[index].parent
        var level = 0
        while ancestor >= 0, level < Self.ancestorLevels {
            let divider: Double = level == 0 ? 1 : (level == 1 ? 2 : Double(level) * 3)
            addScore(points / divider, to: ancestor)
            ancestor = statistics.elements[ancestor].parent
            level += 1
        }
    }

    private mutating func addScore(_ points: Double, to index: Int) {
        if let score = scores[index] {
            scores[index] = score + points
        } else {
            scores[index] = initialScore(statistics.elements[index]) + points
        }
    }

    /// The starting score of a newly scored element, from its tag and class/id names.
    func initialScore(_ element: SubtreeStatistics.Element) -> Double {
        let tag: Double
        switch element.name {
        case "article": tag = 10
        case "div", "main", "section": tag = 5
        case "pre", "td", "blockquote": tag = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form", "aside", "nav", "footer", "header": tag = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": tag = -5
        default: tag = 0
        }
        return tag + hintCache.hints(for: element.node).weight
    }

    /// Score after the link-density discount, or nil for an unscored element.
    func finalScore(_ index: Int) -> Double? {
        scores[index].map { $0 * (1 - statistics.elements[index].linkDensity) }
    }

    /// The best container, or nil when no paragraph was long enough to score.
    func topCandidate() -> Int? {
        var best: Int?
        var bestScore = -Double.infinity
        for index in scores.keys.sorted() {
            guard let score = finalScore(index), score > bestScore else { continue }
            best = index
            bestScore = score
        }
        guard var top = best else { return nil }
        top = promoteToSharedAncestor(top, score: bestScore)
        return climbSingleChildren(top)
    }

    /// When several strong candidates sit under one ancestor of the best one (an article split
    /// into sections), that ancestor holds the article.
    private func promoteToSharedAncestor(_ top: Int, score: Double) -> Int {
        let strong = scores.keys.filter { index in
            index != top && (finalScore(index) ?? 0) >= score * 0.75 && !isAncestor(index, of: top)
                && !isAncestor(top, of: index)
        }
        guard strong.count >= 2 else { return top }
        var ancestor = statistics.elements[top].parent
        while ancestor > 0 {
            let covered = strong.filter { isAncestor(ancestor, of: $0) }.count
            if covered >= 2 { return ancestor }
            ancestor = statistics.elements[ancestor].parent
        }
        return top
    }

    /// A wrapper whose only content is the candidate is the same article; taking it keeps
    /// siblings of the wrapper available for merging.
    private func climbSingleChildren(_ top: Int) -> Int {
        var current = top
        while true {
            let parent = statistics.elements[current].parent
            guard parent > 0, statistics.elements[parent].textLength == statistics.elements[current].textLength,
                  statistics.elements[parent].name != "body"
            else { return current }
            current = parent
        }
    }

    func isAncestor(_ ancestor: Int, of index: Int) -> Bool {
        ancestor < index && index < statistics.elements[ancestor].end
    }

    /// Indices of the element children of `index`.
    func children(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = index + 1
        let end = statistics.elements[index].end
        while child < end {
            result.append(child)
            child = statistics.elements[child].end
        }
        return result
    }
}
