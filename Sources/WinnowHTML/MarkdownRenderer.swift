/// Renders text blocks as Markdown (CommonMark with GitHub tables).
///
/// Block structure comes from the block kinds; inline markup (links, emphasis, code) is expected
/// in the text already, as ``TextWalker`` writes it with ``TextWalker/Style/markdown``. Plain-style
/// blocks render too: their table cells are tab-separated and their text has no markup.
public enum MarkdownRenderer {
    /// Spaces per list nesting level: enough to nest under both `- ` and `99. ` markers.
    private static let listIndent = "    "

    /// The Markdown document for `blocks`.
    public static func render(_ blocks: [TextBlock]) -> String {
        var output: [String] = []
        var previous: TextBlock.Kind?
        var tableColumns = 0
        for block in blocks {
            let continuesTable: Bool
            if case .tableRow = block.kind, case .tableRow? = previous { continuesTable = true } else { continuesTable = false }
            let continuesList: Bool
            if case .listItem = block.kind, case .listItem? = previous { continuesList = true } else { continuesList = false }
            if previous != nil {
                output.append(continuesTable || continuesList ? "\n" : "\n\n")
            }
            switch block.kind {
            case .paragraph:
                output.append(block.text.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { escapeBlockStart(String($0)) }.joined(separator: "  \n"))
            case .heading(let level):
                output.append(String(repeating: "#", count: min(max(level, 1), 6)) + " " + oneLine(block.text))
            case .listItem(let depth, let ordinal):
                let indent = String(repeating: listIndent, count: max(depth - 1, 0))
                let marker = ordinal.map { "\($0). " } ?? "- "
                let continuation = "\n" + indent + String(repeating: " ", count: marker.count)
                let lines = block.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                output.append(indent + marker + lines.joined(separator: "  " + continuation))
            case .quote:
                output.append(block.text.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n"))
            case .preformatted:
                let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: block.text) + 1))
                output.append(fence + "\n" + block.text + "\n" + fence)
            case .tableRow:
                var cells = tableCells(block.text)
                if continuesTable {
                    if cells.count < tableColumns {
                        cells += Array(repeating: "", count: tableColumns - cells.count)
                    }
                    output.append(row(cells))
                } else {
                    tableColumns = cells.count
                    output.append(row(cells) + "\n" + row(Array(repeating: "---", count: cells.count)))
                }
            }
            previous = block.kind
        }
        return output.joined()
    }

    private static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    /// Cells of a table row: tab-separated (plain style) or ` | `-separated (Markdown style).
    private static func tableCells(_ text: String) -> [String] {
        let parts: [String]
        if text.contains("\t") {
            parts = text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        } else {
            parts = text.components(separatedBy: " | ")
        }
        return parts.map { oneLine($0).replacingOccurrences(of: "|", with: "\\|") }
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Backslash-escapes text at the start of a paragraph line that Markdown would read as a
    /// heading, quote, list item or rule.
    static func escapeBlockStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        switch first {
        case "#", ">":
            return "\\" + line
        case "-", "+", "*", "=", "_":
            let rest = line.dropFirst()
            if rest.isEmpty || rest.first == " " || rest.allSatisfy({ $0 == first || $0 == " " }) {
                return "\\" + line
            }
            return line
        default:
            let digits = line.prefix(while: \.isASCIIDigit)
            guard !digits.isEmpty, digits.count <= 9 else { return line }
            let after = line.dropFirst(digits.count)
            if let marker = after.first, marker == "." || marker == ")",
               after.dropFirst().isEmpty || after.dropFirst().first == " " {
                return digits + "\\" + after
            }
            return line
        }
    }

    private static func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0, current = 0
        for scalar in text {
            current = scalar == character ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
