/// Errors raised while loading selector rule files. Each names the file and, where known, the line.
public enum RuleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read (missing, unreadable, not UTF-8).
    case unreadable(file: String, reason: String)
    /// The file is not valid YAML; `line` is where the YAML parser gave up.
    case invalidYAML(file: String, line: Int, reason: String)
    /// The YAML is valid but a key, value or selector is wrong; the message says how to fix it.
    case invalidRule(file: String, line: Int, reason: String)
    /// `extends` names a rule file that does not exist.
    case missingExtension(file: String, line: Int, name: String)
    /// `extends` chains back to a file already being loaded.
    case extensionCycle(chain: [String])
    /// Two rule files claim the same host.
    case duplicateHost(host: String, files: [String])
    /// The selectors directory does not exist or is not a directory.
    case missingDirectory(path: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read rule file: \(reason)"
        case .invalidYAML(let file, let line, let reason):
            return "\(file):\(line): not valid YAML: \(reason)"
        case .invalidRule(let file, let line, let reason):
            return "\(file):\(line): \(reason)"
        case .missingExtension(let file, let line, let name):
            return "\(file):\(line): extends \"\(name)\", but no such rule file exists in the selectors directory"
        case .extensionCycle(let chain):
            return "rule files extend each other in a cycle: \(chain.joined(separator: " → ")); remove one of the extends entries"
        case .duplicateHost(let host, let files):
            return "host \(host) is claimed by more than one rule file: \(files.joined(separator: ", ")); keep it in one"
        case .missingDirectory(let path):
            return "\(path): selectors directory not found; pass --selectors DIR or run from the repository root"
        }
    }
}
