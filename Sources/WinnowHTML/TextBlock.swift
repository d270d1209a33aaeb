/// One block of article text: a paragraph, heading, list item, table row, quotation or
/// preformatted section. Line breaks inside a block (from `<br>` or `<pre>`) are kept as `\n`.
public struct TextBlock: Sendable, Equatable, Codable {
    /// What kind of block this is, as far as output formats care.
    public enum Kind: Sendable, Equatable, Codable {
        case paragraph
        /// `h1`…`h6`.
        case heading(level: Int)
        /// A list item; `depth` 1 for a top-level list; `ordinal` is its number in an `<ol>`.
        case listItem(depth: Int, ordinal: Int?)
        /// A table row; cells are separated by a tab (text) or ` | ` (Markdown).
        case tableRow(header: Bool)
        /// Text inside `<blockquote>`.
        case quote
        /// `<pre>`: whitespace kept as written.
        case preformatted
    }

    public var kind: Kind
    public var text: String

    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}

extension Array where Element == TextBlock {
    /// Plain text: blocks separated by a blank line, except that consecutive list items and table
    /// rows sit on consecutive lines.
    public var plainText: String {
        var output = ""
        var previous: TextBlock.Kind?
        for block in self {
            if let previous {
                output += Self.isTight(previous, block.kind) ? "\n" : "\n\n"
            }
            output += block.text
            previous = block.kind
        }
        return output
    }

    static func isTight(_ a: TextBlock.Kind, _ b: TextBlock.Kind) -> Bool {
        switch (a, b) {
        case (.listItem, .listItem), (.tableRow, .tableRow): return true
        default: return false
        }
    }
}
