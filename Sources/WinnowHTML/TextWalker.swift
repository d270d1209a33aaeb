import CLibXML2
import Foundation

/// Turns a DOM subtree into readable text blocks.
///
/// Block elements (paragraphs, headings, list items, table rows, `<pre>`…) start new blocks;
/// inline elements don't break lines; `<br>` is a line break inside a block; whitespace is
/// collapsed except in `<pre>`. Scripts, styles, form controls and hidden elements (`hidden`,
/// `aria-hidden="true"`, inline `display:none` / `visibility:hidden`) are never emitted. Text comes
/// out in Unicode NFC; right-to-left text is passed through untouched.
///
/// The walk is iterative, so a page nested 100,000 levels deep costs time, not stack.
public struct TextWalker: Sendable {
    /// Plain text, or text with Markdown inline markup (links, emphasis, code).
    public enum Style: Sendable { case plain, markdown }

    public var style: Style

    public init(style: Style = .plain) {
        self.style = style
    }

    /// The text blocks of `node`'s subtree.
    public func blocks(of node: HTMLNode) -> [TextBlock] {
        blocks(of: [node])
    }

    /// The text blocks of several subtrees, in the order given (callers pass document order).
    public func blocks(of nodes: [HTMLNode]) -> [TextBlock] {
        blocks(of: nodes, excluding: [])
    }

    /// The text blocks of several subtrees, leaving out the subtrees rooted at `excluded`
    /// (boilerplate found inside an article, say) without changing the document.
    public func blocks(of nodes: [HTMLNode], excluding excluded: Set<HTMLNode>) -> [TextBlock] {
        var state = TextWalkState(style: style, baseURL: nodes.first?.document.url.flatMap { URL(string: $0) })
        state.excluded = Set(excluded.map(\.pointer))
        for node in nodes {
            state.walk(node.pointer)
            state.flush()
        }
        return state.blocks
    }

    /// True when an element is hidden by markup: `hidden`, `aria-hidden="true"`, or an inline style
    /// with `display:none` or `visibility:hidden`.
    public static func isHidden(_ node: HTMLNode) -> Bool {
        isHidden(node.pointer)
    }

    static func isHidden(_ element: xmlNodePtr) -> Bool {
        var attribute = element.pointee.properties
        while let current = attribute {
            defer { attribute = current.pointee.next }
            guard let rawName = current.pointee.name else { continue }
            // Compare names as C strings: this runs for every element with attributes, and
            // building Swift strings for each name was a measurable share of extraction time.
            if strcmp(rawName, "hidden") == 0 { return true }
            if strcmp(rawName, "aria-hidden") == 0 {
                if attributeValue(current).lowercased() == "true" { return true }
            } else if strcmp(rawName, "style") == 0 {
                let style = attributeValue(current).lowercased().filter { !$0.isWhitespace }
                if style.contains("display:none") || style.contains("visibility:hidden") { return true }
            }
        }
        return false
    }

    private static func attributeValue(_ attribute: xmlAttrPtr) -> String {
        guard let text = attribute.pointee.children, let content = text.pointee.content else { return "" }
        return String(cString: content)
    }
}
