/// Text blocks to Markdown. (Interim: the full renderer comes with the generic-extraction work.)
enum MarkdownFormatter {
    static func render(_ blocks: [TextBlock]) -> String {
        blocks.map { block in
            switch block.kind {
            case .heading(let level): return String(repeating: "#", count: min(level + 1, 6)) + " " + block.text
            case .listItem(_, let ordinal): return (ordinal.map { "\($0)." } ?? "-") + " " + block.text
            case .quote: return "> " + block.text
            case .preformatted: return "```\n\(block.text)\n```"
            default: return block.text
            }
        }.joined(separator: "\n\n")
    }
}
