/// A unified diff of two texts, line by line (what `diff -u` prints).
public enum LineDiff {
    private enum Edit: Equatable {
        case same(Substring), removed(Substring), added(Substring)
    }

    /// The unified diff from `old` to `new` with `context` lines around each change; empty when equal.
    public static func unified(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false)
        let edits = diff(a, b)
        guard edits.contains(where: { if case .same = $0 { return false } else { return true } }) else { return "" }
        var output = "--- \(oldName)\n+++ \(newName)\n"
        // Indexes of changed edits, grouped into hunks whose context overlaps.
        let changed = edits.indices.filter { if case .same = edits[$0] { return false } else { return true } }
        var hunks: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(edits.count - 1, index + context)
            if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
                hunks[hunks.count - 1] = last.lowerBound...range.upperBound
            } else {
                hunks.append(range)
            }
        }
        for hunk in hunks {
            var oldStart = 1, newStart = 1
            for edit in edits[..<hunk.lowerBound] {
                switch edit {
                case .same: oldStart += 1; newStart += 1
                case .removed: oldStart += 1
                case .added: newStart += 1
                }
            }
            var oldCount = 0, newCount = 0, body = ""
            for edit in edits[hunk] {
                switch edit {
                case .same(let line): oldCount += 1; newCount += 1; body += " \(line)\n"
                case .removed(let line): oldCount += 1; body += "-\(line)\n"
                case .added(let line): newCount += 1; body += "+\(line)\n"
                }
            }
            output += "@@ -\(oldCount == 0 ? oldStart - 1 : oldStart),\(oldCount) +\(newCount == 0 ? newStart - 1 : newStart),\(newCount) @@\n" + body
        }
        return output
    }

    /// Longest-common-subsequence edit script. Common prefix and suffix are peeled off first so the
    /// quadratic table only covers the changed middle; a middle too large for the table is
    /// reported as all-removed then all-added, which is still a correct (if coarse) diff.
    private static func diff(_ a: [Substring], _ b: [Substring]) -> [Edit] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])
        var edits = a[..<prefix].map(Edit.same)
        if middleA.count * middleB.count > 4_000_000 {
            edits += middleA.map(Edit.removed) + middleB.map(Edit.added)
        } else {
            edits += lcsEdits(middleA, middleB)
        }
        edits += a[(a.count - suffix)...].map(Edit.same)
        return edits
    }

    private static func lcsEdits(_ a: [Substring], _ b: [Substring]) -> [Edit] {
        let n = a.count, m = b.count
        // lengths[i][j]: LCS length of a[i...] and b[j...], flattened.
        var lengths = [Int](repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i * (m + 1) + j] = a[i] == b[j]
                    ? lengths[(i + 1) * (m + 1) + j + 1] + 1
                    : max(lengths[(i + 1) * (m + 1) + j], lengths[i * (m + 1) + j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                edits.append(.same(a[i])); i += 1; j += 1
            } else if i < n, j == m || lengths[(i + 1) * (m + 1) + j] >= lengths[i * (m + 1) + j + 1] {
                // Removals before additions, as diff -u prints them.
                edits.append(.removed(a[i])); i += 1
            } else {
                edits.append(.added(b[j])); j += 1
            }
        }
        return edits
    }
}
