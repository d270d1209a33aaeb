/// How the text walk treats an element, by tag name.
enum TagCategory {
    /// Never emitted, nor anything inside it (scripts, styles, form controls, embedded media).
    case skipped
    /// Starts and ends a block of text.
    case block
    case heading(Int)
    case list(ordered: Bool)
    case listItem
    case tableRow
    case tableCell
    case quote
    case preformatted
    case lineBreak
    /// A horizontal rule: ends the current block.
    case rule
    case link
    /// Inline emphasis, with its Markdown marker.
    case emphasis(String)
    case code
    /// Everything else (span, font, unknown tags): inline, no line breaks.
    case inline

    private static let table: [String: TagCategory] = {
        var table: [String: TagCategory] = [:]
        for tag in ["script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed",
                    "svg", "canvas", "select", "option", "textarea", "input", "button", "audio", "video",
                    "map", "datalist", "dialog", "frameset", "frame", "applet"] {
            table[tag] = .skipped
        }
        for tag in ["p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "address",
                    "body", "html", "center", "dl", "dt", "dd", "details", "summary", "fieldset", "legend",
                    "figure", "figcaption", "form", "hgroup", "table", "thead", "tbody", "tfoot", "caption",
                    "menu", "dir", "picture", "output", "noframes"] {
            table[tag] = .block
        }
        for level in 1...6 { table["h\(level)"] = .heading(level) }
        table["ul"] = .list(ordered: false)
        table["ol"] = .list(ordered: true)
        table["li"] = .listItem
        table["tr"] = .tableRow
        table["td"] = .tableCell
        table["th"] = .tableCell
        table["blockquote"] = .quote
        table["pre"] = .preformatted
        table["listing"] = .preformatted
        table["xmp"] = .preformatted
        table["br"] = .lineBreak
        table["hr"] = .rule
        table["a"] = .link
        for tag in ["b", "strong"] { table[tag] = .emphasis("**") }
        for tag in ["i", "em", "cite"] { table[tag] = .emphasis("*") }
        for tag in ["code", "kbd", "samp", "tt"] { table[tag] = .code }
        return table
    }()

    static func of(_ tag: String) -> TagCategory { table[tag] ?? .inline }
}
