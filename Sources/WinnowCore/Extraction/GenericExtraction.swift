import WinnowHTML

/// The article text found by ``GenericExtractor``, with a note on how it was found.
public struct GenericExtraction: Sendable, Equatable {
    /// The article's text blocks in document order; empty only when the page has no visible text.
    public var blocks: [TextBlock]
    /// A short diagnostic: which strategy produced the blocks and the main container,
    /// e.g. `scored: div.article-body +2 siblings, 5 pruned` or `fallback: body`.
    public var strategy: String

    public init(blocks: [TextBlock], strategy: String) {
        self.blocks = blocks
        self.strategy = strategy
    }
}
