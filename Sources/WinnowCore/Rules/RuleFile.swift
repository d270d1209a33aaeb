import Foundation
import WinnowHTML
import Yams

/// One parsed rule file (`Selectors/<name>.yaml`) before `extends` and the global file are merged.
///
/// Parsing is strict: an unknown key, a wrong type, a selector that doesn't compile or a regular
/// expression that doesn't compile fails with `file:line: what is wrong`.
public struct RuleFile: Sendable {
    /// The keys a rule file may have. Documented in `Selectors/README.md`.
    static let knownKeys: Set<String> = [
        "hosts", "content", "remove", "title", "drop_lines", "cut_at", "cut_at_line", "extends",
        "global", "metadata", "name", "notes",
    ]
    /// Metadata fields a rule file may override with selectors.
    public static let metadataFields: Set<String> = [
        "author", "published", "modified", "site_name", "description", "language",
    ]

    /// The file name, e.g. `arabic.rt.com.yaml`.
    public let file: String
    public let hosts: [String]
    /// Files this one extends, with the line that names each.
    public let extends: [(name: String, line: Int)]
    /// False when the file opts out of `_global.yaml` (`global: false`).
    public let usesGlobal: Bool
    /// This file's own rules.
    public let rules: CompiledRules

    /// Parses rule-file text; `file` names it in errors.
    public init(yaml text: String, file: String) throws(RuleError) {
        self.file = file
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.yamlError(error, file: file)
        } catch {
            throw .invalidYAML(file: file, line: 1, reason: "\(error)")
        }
        guard let root else {
            // An empty file is a file with no rules.
            hosts = []; extends = []; usesGlobal = true
            var rules = CompiledRules()
            rules.files = [file]
            self.rules = rules
            return
        }
        guard case .mapping(let mapping) = root else {
            throw .invalidRule(file: file, line: root.mark?.line ?? 1,
                               reason: "a rule file must be a mapping of keys (hosts, content, remove, …), not \(Self.describe(root))")
        }
        let parser = RuleFileParser(file: file)
        var hosts: [String] = []
        var extends: [(String, Int)] = []
        var usesGlobal = true
        var rules = CompiledRules()
        rules.files = [file]
        for (keyNode, value) in mapping {
            let line = keyNode.mark?.line ?? 1
            guard let key = keyNode.string, Self.knownKeys.contains(key) else {
                let known = Self.knownKeys.sorted().joined(separator: ", ")
                throw .invalidRule(file: file, line: line, reason: "unknown key \"\(keyNode.string ?? "?")\" (known keys: \(known))")
            }
            switch key {
            case "hosts":
                for entry in try parser.strings(value, key: key) {
                    hosts.append(try Self.checkedHost(entry.value, file: file, line: entry.line))
                }
            case "extends": extends = try parser.strings(value, key: key).map { ($0.value, $0.line) }
            case "global":
                guard let flag = value.bool else {
                    throw .invalidRule(file: file, line: line, reason: "global must be true or false")
                }
                usesGlobal = flag
            case "content": rules.content = try parser.selectors(value, kind: .content)
            case "remove": rules.remove = try parser.selectors(value, kind: .remove)
            case "title": rules.title = try parser.selectors(value, kind: .title)
            case "cut_at": rules.cutAt = try parser.selectors(value, kind: .cutAt)
            case "drop_lines": rules.dropLines = try parser.regexes(value, kind: .dropLines)
            case "cut_at_line": rules.cutAtLine = try parser.regexes(value, kind: .cutAtLine)
            case "metadata": rules.metadata = try parser.metadata(value)
            default: _ = try parser.strings(value, key: key)  // name, notes: free text
            }
        }
        self.hosts = hosts
        self.extends = extends
        self.usesGlobal = usesGlobal
        self.rules = rules
    }

    /// Loads and parses a rule file from disk.
    public init(contentsOf url: URL) throws(RuleError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadable(file: url.path, reason: error.localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(file: url.lastPathComponent, reason: "not UTF-8 text")
        }
        try self.init(yaml: text, file: url.lastPathComponent)
    }

    private static func checkedHost(_ host: String, file: String, line: Int) throws(RuleError) -> String {
        let lowered = host.lowercased()
        let body = lowered.hasPrefix("*.") ? String(lowered.dropFirst(2)) : lowered
        let valid = !body.isEmpty && body.contains(".")
            && body.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }
        guard valid else {
            throw .invalidRule(file: file, line: line,
                               reason: "\"\(host)\" is not a host name; write e.g. arabic.rt.com or *.example.com")
        }
        return lowered
    }

    static func yamlError(_ error: YamlError, file: String) -> RuleError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return .invalidYAML(file: file, line: mark.line, reason: problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .invalidYAML(file: file, line: context.mark.line,
                                reason: "duplicate keys \(duplicates.joined(separator: ", "))")
        default:
            return .invalidYAML(file: file, line: 1, reason: "\(error)")
        }
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "the value \"\(scalar.string)\""
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }
}
