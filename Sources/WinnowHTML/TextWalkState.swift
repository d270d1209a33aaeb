import CLibXML2
import Foundation

/// The mutable state of one ``TextWalker`` run: the block being built and the open elements
/// that decide its kind.
struct TextWalkState {
    /// An open element that changes how text inside it is emitted.
    private enum Frame {
        case heading(Int)
        case list(ordered: Bool, count: Int)
        case listItem(ordinal: Int?)
        case tableRow(cells: Int, header: Bool)
        case quote
        case preformatted
        case markup(start: Int, prefix: String, suffix: String)
    }

    let style: TextWalker.Style
    let baseURL: URL?
    private(set) var blocks: [TextBlock] = []
    /// Elements whose subtrees are not emitted.
    var excluded: Set<xmlNodePtr> = []
    private var buffer: [UInt8] = []
    private var pendingSpace = false
    private var frames: [Frame] = []
    private var listDepth = 0
    private var preDepth = 0

    init(style: TextWalker.Style, baseURL: URL?) {
        self.style = style
        self.baseURL = baseURL
    }

    // MARK: Walking

    /// Walks `root`'s subtree in document order without recursion.
    mutating func walk(_ root: xmlNodePtr) {
        var node = root
        while true {
            var descend = false
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                descend = enter(node)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { appendText(content) }
            default:
                break
            }
            if descend, let child = node.pointee.children {
                node = child
                continue
            }
            if descend { leave(node) }
            var climber = node
            while true {
                if climber == root { return }
                if let next = climber.pointee.next {
                    node = next
                    break
                }
                guard let parent = climber.pointee.parent else { return }
                climber = parent
                leave(climber)
            }
        }
    }

    /// Handles an element's start tag; returns whether to walk its children.
    private mutating func enter(_ element: xmlNodePtr) -> Bool {
        guard let rawName = element.pointee.name else { return true }
        let category = TagCategory.of(String(cString: rawName))
        if case .skipped = category { return false }
        if element.pointee.properties != nil, TextWalker.isHidden(element) { return false }
        if !excluded.isEmpty, excluded.contains(element) { return false }
        switch category {
        case .skipped, .inline:
            break
        case .block:
            flush()
        case .heading(let level):
            flush()
            frames.append(.heading(level))
        case .list(let ordered):
            flush()
            listDepth += 1
            frames.append(.list(ordered: ordered, count: 0))
        case .listItem:
            flush()
            frames.append(.listItem(ordinal: nextOrdinal()))
        case .tableRow:
            flush()
            frames.append(.tableRow(cells: 0, header: false))
        case .tableCell:
            startCell(isHeader: element.pointee.name.map { String(cString: $0) } == "th")
        case .quote:
            flush()
            frames.append(.quote)
        case .preformatted:
            flush()
            preDepth += 1
            frames.append(.preformatted)
        case .lineBreak:
            appendLineBreak()
            return false
        case .rule:
            flush()
            return false
        case .link:
            if style == .markdown, let href = Self.attribute("href", of: element), !href.hasPrefix("javascript:") {
                openMarkup(prefix: "[", suffix: "](\(resolve(href)))")
            }
        case .emphasis(let marker):
            if style == .markdown { openMarkup(prefix: marker, suffix: marker) }
        case .code:
            if style == .markdown, preDepth == 0 { openMarkup(prefix: "`", suffix: "`") }
        }
        return true
    }

    /// Handles an element's end tag (only for elements whose children were walked).
    private mutating func leave(_ element: xmlNodePtr) {
        guard let rawName = element.pointee.name else { return }
        switch TagCategory.of(String(cString: rawName)) {
        case .skipped, .inline, .lineBreak, .rule, .tableCell:
            break
        case .block:
            flush()
        case .heading, .listItem, .tableRow, .quote:
            flush()
            frames.removeLast()
        case .list:
            flush()
            listDepth -= 1
            frames.removeLast()
        case .preformatted:
            flush()
            preDepth -= 1
            frames.removeLast()
        case .link:
            if style == .markdown, Self.attribute("href", of: element).map({ !$0.hasPrefix("javascript:") }) == true {
                closeMarkup()
            }
        case .emphasis:
            if style == .markdown { closeMarkup() }
        case .code:
            if style == .markdown, preDepth == 0 { closeMarkup() }
        }
    }

    // MARK: Text

    /// Appends a text node's UTF-8 content, collapsing whitespace outside `<pre>`.
    private mutating func appendText(_ content: UnsafePointer<xmlChar>) {
        var index = 0
        if preDepth > 0 {
            emitPendingSpace()
            while content[index] != 0 {
                let byte = content[index]
                if byte != 0x0D { buffer.append(byte) }
                index += 1
            }
            return
        }
        while true {
            let byte = content[index]
            if byte == 0 { break }
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                pendingSpace = true
            } else if byte == 0xC2, content[index + 1] == 0xA0 {
                // No-break space: collapses like a space in extracted text.
                pendingSpace = true
                index += 1
            } else {
                emitPendingSpace()
                buffer.append(byte)
            }
            index += 1
        }
    }

    private mutating func emitPendingSpace() {
        if pendingSpace, let last = buffer.last, last != 0x0A, last != 0x09 {
            buffer.append(0x20)
        }
        pendingSpace = false
    }

    private mutating func appendLineBreak() {
        trimTrailingSpaces()
        if !buffer.isEmpty, buffer.last != 0x0A { buffer.append(0x0A) }
        pendingSpace = false
    }

    private mutating func startCell(isHeader: Bool) {
        guard let index = frames.lastIndex(where: { if case .tableRow = $0 { return true } else { return false } }),
              case .tableRow(let cells, let header) = frames[index]
        else { return }
        if cells > 0 {
            trimTrailingSpaces()
            buffer.append(contentsOf: style == .markdown ? Array(" | ".utf8) : [0x09])
        }
        pendingSpace = false
        frames[index] = .tableRow(cells: cells + 1, header: header || isHeader)
    }

    // MARK: Markdown inline markup

    private mutating func openMarkup(prefix: String, suffix: String) {
        emitPendingSpace()
        frames.append(.markup(start: buffer.count, prefix: prefix, suffix: suffix))
    }

    private mutating func closeMarkup() {
        guard let index = frames.lastIndex(where: { if case .markup = $0 { return true } else { return false } }),
              case .markup(let start, let prefix, let suffix) = frames.remove(at: index)
        else { return }
        // Markup that a block boundary already flushed, or that wraps nothing, is dropped.
        guard start <= buffer.count else { return }
        trimTrailingSpaces(keepingFrom: start)
        guard buffer.count > start else { return }
        buffer.insert(contentsOf: Array(prefix.utf8), at: start)
        buffer.append(contentsOf: Array(suffix.utf8))
    }

    private func resolve(_ href: String) -> String {
        guard let baseURL, let resolved = URL(string: href, relativeTo: baseURL) else { return href }
        return resolved.absoluteString
    }

    // MARK: Blocks

    /// Ends the current block, if it has any text.
    mutating func flush() {
        trimTrailingSpaces()
        pendingSpace = false
        while buffer.last == 0x0A { buffer.removeLast() }
        // Markup still open refers to offsets in this buffer; they restart at 0 in the next block.
        for index in frames.indices {
            if case .markup(_, let prefix, let suffix) = frames[index] {
                frames[index] = .markup(start: Int.max, prefix: prefix, suffix: suffix)
            }
        }
        guard !buffer.isEmpty else { return }
        blocks.append(TextBlock(kind: currentKind(), text: Self.normalized(buffer)))
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func trimTrailingSpaces(keepingFrom floor: Int = 0) {
        while buffer.count > floor, buffer.last == 0x20 { buffer.removeLast() }
    }

    private func currentKind() -> TextBlock.Kind {
        for frame in frames.reversed() {
            switch frame {
            case .heading(let level): return .heading(level: level)
            case .preformatted: return .preformatted
            case .listItem(let ordinal): return .listItem(depth: max(listDepth, 1), ordinal: ordinal)
            case .tableRow(_, let header): return .tableRow(header: header)
            case .quote: return .quote
            case .list, .markup: continue
            }
        }
        return .paragraph
    }

    private mutating func nextOrdinal() -> Int? {
        guard let index = frames.lastIndex(where: { if case .list = $0 { return true } else { return false } }),
              case .list(let ordered, let count) = frames[index]
        else { return nil }
        frames[index] = .list(ordered: ordered, count: count + 1)
        return ordered ? count + 1 : nil
    }

    /// UTF-8 bytes to an NFC string. Text made only of scalars below U+0300 is already NFC (no
    /// lead byte ≥ 0xCC), which spares Foundation's normaliser on most Latin-script text.
    private static func normalized(_ bytes: [UInt8]) -> String {
        let string = String(decoding: bytes, as: UTF8.self)
        if !bytes.contains(where: { $0 >= 0xCC }) { return string }
        return string.precomposedStringWithCanonicalMapping
    }

    private static func attribute(_ name: String, of element: xmlNodePtr) -> String? {
        guard let value = xmlGetProp(element, name) else { return nil }
        defer { winnow_xml_free(value) }
        return String(cString: value)
    }
}
