import WinnowHTML
import Yams

/// Reads typed values out of a rule file's YAML nodes, with line numbers for errors.
struct RuleFileParser {
    let file: String

    /// A string or list of strings, each with its line.
    func strings(_ node: Node, key: String) throws(RuleError) -> [(value: String, line: Int)] {
        switch node {
        case .scalar(let scalar):
            return [(scalar.string, scalar.mark?.line ?? 1)]
        case .sequence(let sequence):
            var result: [(String, Int)] = []
            for item in sequence {
                guard case .scalar(let scalar) = item else {
                    throw .invalidRule(file: file, line: item.mark?.line ?? 1,
                                       reason: "\(key) must list strings, found \(RuleFile.describe(item))")
                }
                result.append((scalar.string, scalar.mark?.line ?? 1))
            }
            return result
        default:
            throw .invalidRule(file: file, line: node.mark?.line ?? 1,
                               reason: "\(key) must be a string or a list of strings, found \(RuleFile.describe(node))")
        }
    }

    func selectors(_ node: Node, kind: RuleID.Kind, key: String? = nil) throws(RuleError) -> [SelectorRule] {
        let name = key ?? kind.rawValue
        var rules: [SelectorRule] = []
        for (value, line) in try strings(node, key: name) {
            do {
                let selector = try Selector(rule: value)
                rules.append(SelectorRule(id: RuleID(file: file, line: line, kind: kind, pattern: key.map { "\($0): \(value)" } ?? value),
                                          selector: selector))
            } catch {
                throw .invalidRule(file: file, line: line, reason: "\(name): \(error)")
            }
        }
        return rules
    }

    func regexes(_ node: Node, kind: RuleID.Kind) throws(RuleError) -> [LineRule] {
        var rules: [LineRule] = []
        for (value, line) in try strings(node, key: kind.rawValue) {
            do {
                let regex = try Regex(value)
                rules.append(LineRule(id: RuleID(file: file, line: line, kind: kind, pattern: value), regex: regex))
            } catch {
                throw .invalidRule(file: file, line: line,
                                   reason: "\(kind.rawValue): invalid regular expression \"\(value)\": \(error)")
            }
        }
        return rules
    }

    func metadata(_ node: Node) throws(RuleError) -> [String: [SelectorRule]] {
        guard case .mapping(let mapping) = node else {
            throw .invalidRule(file: file, line: node.mark?.line ?? 1,
                               reason: "metadata must map fields (\(RuleFile.metadataFields.sorted().joined(separator: ", "))) to selectors")
        }
        var result: [String: [SelectorRule]] = [:]
        for (keyNode, value) in mapping {
            guard let field = keyNode.string, RuleFile.metadataFields.contains(field) else {
                throw .invalidRule(file: file, line: keyNode.mark?.line ?? 1,
                                   reason: "unknown metadata field \"\(keyNode.string ?? "?")\" (known: \(RuleFile.metadataFields.sorted().joined(separator: ", ")))")
            }
            result[field] = try selectors(value, kind: .metadata, key: field)
        }
        return result
    }
}
