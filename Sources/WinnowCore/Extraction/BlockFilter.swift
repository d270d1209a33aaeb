import WinnowHTML

/// Last pass over the extracted blocks: drops stray one-word lines ("Advert", "Tags",
/// "comments") and short unpunctuated lines at the edges of the article (section labels,
/// agency credits, dates) that the DOM pass could not tell from text.
enum BlockFilter {
    /// A one-word paragraph shorter than this (in scalars) is a label, not text.
    private static let labelLength = 12
    /// Leading and trailing lines shorter than this that do not end a sentence are dropped.
    private static let edgeLength = 40

    static func filter(_ blocks: [TextBlock]) -> [TextBlock] {
        var kept = blocks.filter { !isLabel($0) }
        while kept.count > 1, let last = kept.last, isEdgeNoise(last) { kept.removeLast() }
        while kept.count > 1, let first = kept.first, isEdgeNoise(first) { kept.removeFirst() }
        return kept.isEmpty ? blocks : kept
    }

    /// A lone short word of letters only: a widget label left between paragraphs.
    private static func isLabel(_ block: TextBlock) -> Bool {
        guard case .paragraph = block.kind, block.text.unicodeScalars.count < labelLength else { return false }
        return block.text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }
    }

    private static func isEdgeNoise(_ block: TextBlock) -> Bool {
        switch block.kind {
        case .paragraph, .quote: break
        default: return false
        }
        let (length, _, endsSentence) = measure(block.text)
        return length < edgeLength && !endsSentence
    }

    /// Effective length (characters from scripts without spaces count three times), punctuation
    /// count, and whether the text ends with sentence-final punctuation (closing quotes and
    /// brackets aside).
    private static func measure(_ text: String) -> (length: Int, punctuation: Int, endsSentence: Bool) {
        var length = 0, punctuation = 0
        var lastSignificant: UInt32 = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if scalar.properties.isWhitespace { continue }
            length += isWide(value) ? 3 : 1
            if SubtreeStatistics.isPunctuation(value) { punctuation += 1 }
            if !closers.contains(value) { lastSignificant = value }
        }
        return (length, punctuation, sentenceEnds.contains(lastSignificant))
    }

    /// . ! ? … 。 ！ ？ ؟ ۔ । and their fullwidth forms.
    private static let sentenceEnds: Set<UInt32> = [0x2E, 0x21, 0x3F, 0x2026, 0x3002, 0xFF01, 0xFF1F, 0x61F, 0x6D4,
                                                   0x964, 0xFF0E, 0xFF61]
    /// Quotes and brackets that may follow the final punctuation.
    private static let closers: Set<UInt32> = [0x22, 0x27, 0x29, 0x5D, 0xBB, 0x2019, 0x201D, 0x300D, 0x300F, 0xFF09]

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x11FF, 0x2E80...0x2FFF, 0x3040...0x9FFF, 0xA960...0xA97F, 0xAC00...0xD7AF, 0xF900...0xFAFF: return true
        default: return false
        }
    }
}
