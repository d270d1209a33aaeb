/// Names one rule in one rule file, for provenance ("which rules fired") and coverage reports.
public struct RuleID: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The kind of rule, named as its key in the rule file.
    public enum Kind: String, Sendable, Codable, Comparable, CaseIterable {
        case content, remove, title, cutAt = "cut_at", dropLines = "drop_lines", cutAtLine = "cut_at_line"
        case metadata

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The rule file's name without directory, e.g. `arabic.rt.com.yaml`.
    public let file: String
    /// 1-based line of the rule in its file.
    public let line: Int
    public let kind: Kind
    /// The selector or regular expression as written (for metadata, `field: selector`).
    public let pattern: String

    public init(file: String, line: Int, kind: Kind, pattern: String) {
        self.file = file
        self.line = line
        self.kind = kind
        self.pattern = pattern
    }

    public var description: String { "\(file):\(line) \(kind.rawValue): \(pattern)" }

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool {
        (lhs.file, lhs.line, lhs.pattern) < (rhs.file, rhs.line, rhs.pattern)
    }
}
