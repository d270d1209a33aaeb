import Foundation
import WinnowCore

/// How `snapshot refresh` shows outcomes: one block per snapshot as it finishes, then a table.
enum RefreshPrinter {
    /// Writes straight to standard output, unbuffered, so each outcome shows as soon as it is known
    /// even when the output is piped.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// `[kind] host/name (HTTP status): message`, then the diff, indented, when there is one.
    static func render(_ outcome: RefreshOutcome) -> String {
        let status = outcome.status.map { " (HTTP \($0))" } ?? ""
        var text = "[\(outcome.kind.rawValue)] \(outcome.id)\(status): \(outcome.message)\n"
        if let diff = outcome.diff, outcome.kind == .outputDiffers || outcome.kind == .rulesBroke {
            text += diff.split(separator: "\n", omittingEmptySubsequences: false).dropLast(diff.hasSuffix("\n") ? 1 : 0)
                .map { "    \($0)\n" }.joined()
        }
        return text
    }

    /// Counts per class, every class listed, and the total.
    static func summary(_ report: RefreshReport) -> String {
        let counts = report.counts
        let width = RefreshOutcome.Kind.allCases.map(\.rawValue.count).max() ?? 0
        var text = "\n" + "class".padding(toLength: width, withPad: " ", startingAt: 0) + "  count\n"
        for kind in RefreshOutcome.Kind.allCases {
            let count = String(counts[kind] ?? 0)
            text += kind.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
                + "  " + String(repeating: " ", count: max(0, 5 - count.count)) + count + "\n"
        }
        let total = String(report.outcomes.count)
        text += "total".padding(toLength: width, withPad: " ", startingAt: 0)
            + "  " + String(repeating: " ", count: max(0, 5 - total.count)) + total + "\n"
        return text
    }
}
