import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// A node in an ``HTMLDocument``: an element, text, comment or the document itself.
///
/// A value type over the libxml2 node that keeps its document alive.
public struct HTMLNode {
    /// The document that owns this node.
    public let document: HTMLDocument
    let pointer: xmlNodePtr

    init(document: HTMLDocument, pointer: xmlNodePtr) {
        self.document = document
        self.pointer = pointer
    }

    /// What kind of node this is.
    public enum Kind: Sendable, Equatable {
        case element, text, cdata, comment, document, other
    }

    public var kind: Kind {
        switch pointer.pointee.type {
        case XML_ELEMENT_NODE: return .element
        case XML_TEXT_NODE: return .text
        case XML_CDATA_SECTION_NODE: return .cdata
        case XML_COMMENT_NODE: return .comment
        case XML_HTML_DOCUMENT_NODE, XML_DOCUMENT_NODE: return .document
        default: return .other
        }
    }

    public var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }

    /// The lowercase tag name for elements (`div`), `text` for text nodes.
    public var name: String {
        guard let name = pointer.pointee.name else { return "" }
        return String(cString: name)
    }

    /// True when this is an element named `tag` (lowercase). Cheaper than comparing ``name``.
    public func isElement(_ tag: StaticString) -> Bool {
        guard pointer.pointee.type == XML_ELEMENT_NODE, let name = pointer.pointee.name else { return false }
        return strcmp(name, tag.utf8Start) == 0
    }

    /// The value of attribute `name`, or nil.
    public func attribute(_ name: String) -> String? {
        guard isElement, let value = xmlGetProp(pointer, name) else { return nil }
        defer { winnow_xml_free(value) }
        return String(cString: value)
    }

    /// True when the element has attribute `name` (whatever its value).
    public func hasAttribute(_ name: String) -> Bool {
        isElement && xmlHasProp(pointer, name) != nil
    }

    /// All attributes in source order (values read straight from the tree, one pass).
    public var attributes: [(name: String, value: String)] {
        guard isElement else { return [] }
        var result: [(String, String)] = []
        var attribute = pointer.pointee.properties
        while let current = attribute {
            let name = current.pointee.name.map { String(cString: $0) } ?? ""
            var value = ""
            var child = current.pointee.children
            while let text = child {
                if let content = text.pointee.content { value += String(cString: content) }
                child = text.pointee.next
            }
            result.append((name, value))
            attribute = current.pointee.next
        }
        return result
    }

    /// The text of a text, CDATA or comment node; empty for elements (see ``textContent``).
    public var text: String {
        guard pointer.pointee.type != XML_ELEMENT_NODE, let content = pointer.pointee.content else { return "" }
        return String(cString: content)
    }

    /// All text below this node, concatenated with no separators (libxml2's `xmlNodeGetContent`).
    /// For readable text use ``TextWalker``.
    public var textContent: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { winnow_xml_free(content) }
        return String(cString: content)
    }

    public var parent: HTMLNode? {
        pointer.pointee.parent.map { HTMLNode(document: document, pointer: $0) }
    }

    public var firstChild: HTMLNode? {
        pointer.pointee.children.map { HTMLNode(document: document, pointer: $0) }
    }

    public var nextSibling: HTMLNode? {
        pointer.pointee.next.map { HTMLNode(document: document, pointer: $0) }
    }

    public var previousSibling: HTMLNode? {
        pointer.pointee.prev.map { HTMLNode(document: document, pointer: $0) }
    }

    /// All child nodes, text included.
    public var children: [HTMLNode] {
        var result: [HTMLNode] = []
        var child = pointer.pointee.children
        while let current = child {
            result.append(HTMLNode(document: document, pointer: current))
            child = current.pointee.next
        }
        return result
    }

    /// Child elements only.
    public var elementChildren: [HTMLNode] {
        children.filter(\.isElement)
    }

    /// This node's ancestors, nearest first, up to and including the document node.
    public var ancestors: [HTMLNode] {
        var result: [HTMLNode] = []
        var current = pointer.pointee.parent
        while let node = current {
            result.append(HTMLNode(document: document, pointer: node))
            current = node.pointee.parent
        }
        return result
    }

    /// The HTML source of this node and its subtree.
    public var outerHTML: String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        htmlNodeDump(buffer, document.pointer, pointer)
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }

    /// Evaluates an XPath 1.0 expression with this node as the context node.
    public func select(xpath expression: String) throws(HTMLError) -> [HTMLNode] {
        try XPath.evaluate(expression, in: document, context: self)
    }

    /// Elements matched by a compiled selector in this node's subtree (this node included).
    public func select(_ selector: Selector) throws(HTMLError) -> [HTMLNode] {
        try XPath.evaluate(selector.xpath, in: document, context: self)
    }

    /// Depth-first, document-order walk of this subtree without recursion (pages can nest
    /// 100,000 levels deep). `visit` returns false to skip a node's children.
    public func walk(_ visit: (HTMLNode) -> Bool) {
        walkPointers { visit(HTMLNode(document: document, pointer: $0)) }
    }

    /// Elements in this subtree (this node included), in document order, whose tag is one of
    /// `names` or that carry `attribute`. One walk in which only matches become handles: the cheap
    /// way to gather a page's `<meta>`, `<script>`, `<time>`… at once.
    public func elements(named names: [StaticString], orWithAttribute attribute: StaticString? = nil) -> [HTMLNode] {
        var result: [HTMLNode] = []
        walkPointers { node in
            guard node.pointee.type == XML_ELEMENT_NODE else { return true }
            if let name = node.pointee.name,
               names.contains(where: { strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self),
                                              UnsafeRawPointer($0.utf8Start).assumingMemoryBound(to: CChar.self)) == 0 })
                || attribute.map({ xmlHasProp(node, UnsafeRawPointer($0.utf8Start).assumingMemoryBound(to: xmlChar.self)) != nil }) == true {
                result.append(HTMLNode(document: document, pointer: node))
            }
            return true
        }
        return result
    }

    /// The walk itself, on libxml2 pointers (for this module's own hot paths).
    func walkPointers(_ visit: (xmlNodePtr) -> Bool) {
        let root = pointer
        var current: xmlNodePtr? = root
        while let node = current {
            if visit(node), let child = node.pointee.children, node.pointee.type != XML_ENTITY_REF_NODE {
                current = child
                continue
            }
            current = Self.nextInWalk(after: node, root: root)
        }
    }

    /// The next node after `node`'s subtree in document order, staying within `root`.
    static func nextInWalk(after node: xmlNodePtr, root: xmlNodePtr) -> xmlNodePtr? {
        var current: xmlNodePtr? = node
        while let candidate = current, candidate != root {
            if let next = candidate.pointee.next { return next }
            current = candidate.pointee.parent
        }
        return nil
    }
}

extension HTMLNode: Equatable, Hashable {
    public static func == (lhs: HTMLNode, rhs: HTMLNode) -> Bool { lhs.pointer == rhs.pointer }
    public func hash(into hasher: inout Hasher) { hasher.combine(pointer) }
}
