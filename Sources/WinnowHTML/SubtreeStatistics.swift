import CLibXML2

/// Text measurements for every element of a subtree, computed in one pass over the tree.
///
/// Elements are listed in document order (pre-order), so an element's descendants are the
/// contiguous range `index + 1 ..< end`. Counts are totals over the element's subtree.
/// Elements the text walk never emits (scripts, styles, form controls, hidden elements) are left
/// out together with everything inside them, so the numbers describe visible text only.
///
/// Lengths count Unicode scalars that are not whitespace: they mean the same thing for languages
/// that put spaces between words and for those that don't (Chinese, Japanese, Thai).
/// The walk is iterative and totals are summed bottom-up, so the cost is linear in the size of
/// the subtree whatever its depth.
public struct SubtreeStatistics {
    /// The measurements of one element.
    public struct Element {
        /// The element itself.
        public let node: HTMLNode
        /// Its lowercase tag name.
        public let name: String
        /// Index of the parent element in ``SubtreeStatistics/elements``; -1 for the root.
        public let parent: Int
        /// One past the index of the element's last descendant.
        public internal(set) var end: Int
        /// Whether the text walk starts a new block for this element (`p`, `div`, `li`, `h2`, `tr`…).
        public let isBlock: Bool
        /// Non-whitespace scalars of visible text.
        public internal(set) var textLength = 0
        /// Non-whitespace scalars of visible text inside `<a>` elements.
        public internal(set) var linkTextLength = 0
        /// Sentence and clause punctuation in any script (`.,;:!?`, `،؛؟`, `。，、；：！？`, `।`…).
        public internal(set) var punctuation = 0
        /// Scalars from scripts written without spaces and dense in meaning (Han, Kana, Hangul).
        public internal(set) var wideCharacters = 0
        /// ``textLength`` of the text nodes that are direct children of this element.
        public internal(set) var ownTextLength = 0
        /// ``punctuation`` of the text nodes that are direct children of this element.
        public internal(set) var ownPunctuation = 0
        /// Whether some child element is a block (see ``isBlock``).
        public internal(set) var hasBlockChild = false
        /// Paragraphs with text in the subtree, this element included: `<p>` elements, and
        /// `<div>`s (also `section`, `article`, `center`) without block children, which pages use
        /// as paragraphs.
        public internal(set) var paragraphs = 0
        /// `<img>` elements in the subtree.
        public internal(set) var images = 0
        /// `<li>` elements in the subtree.
        public internal(set) var listItems = 0

        /// ``linkTextLength`` / ``textLength``; 0 for an element without text.
        public var linkDensity: Double {
            textLength == 0 ? 0 : Double(linkTextLength) / Double(textLength)
        }
    }

    /// Every measured element, in document order; `elements[0]` is the root.
    public private(set) var elements: [Element] = []

    /// Measures `root` and its subtree. A hidden or skipped root yields no elements.
    public init(root: HTMLNode) {
        guard root.isElement else { return }
        let document = root.document
        var linkDepth = 0
        // Open elements from the root down to the current node, as indices into `elements`.
        var open: [Int] = []
        var node = root.pointer
        walk: while true {
            var descended = false
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                if let index = enter(node, document: document, parent: open.last ?? -1) {
                    open.append(index)
                    if elements[index].name == "a" { linkDepth += 1 }
                    if let child = node.pointee.children {
                        node = child
                        descended = true
                    } else {
                        close(&open, &linkDepth)
                    }
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content, let owner = open.last {
                    measure(content, into: owner, inLink: linkDepth > 0)
                }
            default:
                break
            }
            if descended { continue }
            var climber = node
            while true {
                if climber == root.pointer { break walk }
                if let next = climber.pointee.next {
                    node = next
                    break
                }
                guard let parent = climber.pointee.parent else { break walk }
                climber = parent
                close(&open, &linkDepth)
            }
        }
        while !open.isEmpty { close(&open, &linkDepth) }
    }

    /// Records an element; nil when it and its subtree are not emitted by the text walk.
    private mutating func enter(_ element: xmlNodePtr, document: HTMLDocument, parent: Int) -> Int? {
        let name = element.pointee.name.map { String(cString: $0) } ?? ""
        let category = TagCategory.of(name)
        if case .skipped = category { return nil }
        if element.pointee.properties != nil, TextWalker.isHidden(element) { return nil }
        let isBlock: Bool
        switch category {
        case .inline, .link, .emphasis, .code, .lineBreak, .tableCell, .skipped: isBlock = false
        default: isBlock = true
        }
        var entry = Element(node: HTMLNode(document: document, pointer: element), name: name, parent: parent,
                            end: elements.count + 1, isBlock: isBlock)
        switch name {
        case "img": entry.images = 1
        case "li": entry.listItems = 1
        default: break
        }
        if parent >= 0, isBlock { elements[parent].hasBlockChild = true }
        elements.append(entry)
        return elements.count - 1
    }

    /// Closes the innermost open element and adds its totals to its parent.
    private mutating func close(_ open: inout [Int], _ linkDepth: inout Int) {
        let index = open.removeLast()
        // Fields are read one by one: copying the whole element (a String and a node handle)
        // twice per element showed up as reference-counting traffic in the profile.
        elements[index].end = elements.count
        if elements[index].name == "a" { linkDepth -= 1 }
        if elements[index].textLength > 0, Self.isParagraph(elements[index]) { elements[index].paragraphs += 1 }
        let parent = elements[index].parent
        guard parent >= 0 else { return }
        elements[parent].textLength += elements[index].textLength
        elements[parent].linkTextLength += elements[index].linkTextLength
        elements[parent].punctuation += elements[index].punctuation
        elements[parent].wideCharacters += elements[index].wideCharacters
        elements[parent].paragraphs += elements[index].paragraphs
        elements[parent].images += elements[index].images
        elements[parent].listItems += elements[index].listItems
    }

    private static func isParagraph(_ element: Element) -> Bool {
        switch element.name {
        case "p": return true
        case "div", "section", "article", "center": return !element.hasBlockChild
        default: return false
        }
    }

    /// Counts a text node's scalars into element `owner` without building a String.
    private mutating func measure(_ content: UnsafePointer<xmlChar>, into owner: Int, inLink: Bool) {
        var length = 0, punctuation = 0, wide = 0
        var index = 0
        while true {
            let lead = content[index]
            if lead == 0 { break }
            var scalar = UInt32(lead)
            if lead < 0x80 {
                index += 1
            } else if lead < 0xE0 {
                scalar = (UInt32(lead & 0x1F) << 6) | UInt32(content[index + 1] & 0x3F)
                index += content[index + 1] == 0 ? 1 : 2
            } else if lead < 0xF0 {
                guard content[index + 1] != 0, content[index + 2] != 0 else { index += 1; continue }
                scalar = (UInt32(lead & 0x0F) << 12) | (UInt32(content[index + 1] & 0x3F) << 6)
                    | UInt32(content[index + 2] & 0x3F)
                index += 3
            } else {
                guard content[index + 1] != 0, content[index + 2] != 0, content[index + 3] != 0 else { index += 1; continue }
                scalar = 0x10000
                index += 4
            }
            if Self.isSpace(scalar) { continue }
            length += 1
            if Self.isPunctuation(scalar) { punctuation += 1 }
            if Self.isWide(scalar) { wide += 1 }
        }
        elements[owner].textLength += length
        elements[owner].ownTextLength += length
        elements[owner].punctuation += punctuation
        elements[owner].ownPunctuation += punctuation
        elements[owner].wideCharacters += wide
        if inLink { elements[owner].linkTextLength += length }
    }

    @inline(__always)
    static func isSpace(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09...0x0D, 0x20, 0xA0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    /// Punctuation that ends or divides sentences, in the scripts the extractor meets.
    @inline(__always)
    public static func isPunctuation(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x21, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F: return true  // ! , . : ; ?
        case 0xA1, 0xBF, 0x37E, 0x589: return true  // ¡ ¿ Greek ; Armenian full stop
        case 0x60C, 0x61B, 0x61F, 0x6D4: return true  // Arabic comma, semicolon, question mark, full stop
        case 0x964, 0x965, 0x1362: return true  // Devanagari danda, double danda, Ethiopic full stop
        case 0x2026, 0x3001, 0x3002: return true  // … 、 。
        case 0xFF01, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF61, 0xFF64: return true  // fullwidth ! , . : ; ? and halfwidth 。、
        default: return false
        }
    }

    @inline(__always)
    static func isWide(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x1100...0x11FF, 0x2E80...0x2FFF, 0x3040...0x9FFF, 0xA960...0xA97F, 0xAC00...0xD7AF, 0xF900...0xFAFF: return true
        default: return false
        }
    }
}
