import Foundation

/// All rule files of a selectors directory, indexed by host.
///
/// Loading is all-or-nothing: if any file fails to parse, ``load(directory:)`` throws and no
/// command runs on half-loaded rules.
public struct RuleBook: Sendable {
    /// The name of the file whose rules apply to every site unless a file says `global: false`.
    public static let globalFileName = "_global.yaml"

    /// Each file's own rules with its `extends` already merged in, by file name.
    public let files: [String: RuleFile]
    private let resolved: [String: CompiledRules]
    private let global: CompiledRules
    /// Exact host → file name.
    private let exactHosts: [String: String]
    /// `*.example.com` patterns as (suffix ".example.com", file), longest suffix first.
    private let wildcardHosts: [(suffix: String, file: String)]

    /// A rule book with no rules at all (every page gets only generic extraction).
    public init() {
        self.init(parsed: [])
    }

    /// Loads every `*.yaml` / `*.yml` file in `directory`.
    public static func load(directory: URL) throws(RuleError) -> RuleBook {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .missingDirectory(path: directory.path)
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .missingDirectory(path: directory.path)
        }
        var parsed: [RuleFile] = []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            parsed.append(try RuleFile(contentsOf: directory.appendingPathComponent(name)))
        }
        return try RuleBook(files: parsed)
    }

    /// Builds a rule book from parsed files (resolving `extends` and indexing hosts).
    public init(files parsed: [RuleFile]) throws(RuleError) {
        let byName = Dictionary(parsed.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        var resolved: [String: CompiledRules] = [:]
        for file in parsed {
            resolved[file.file] = try Self.resolve(file.file, in: byName, chain: [])
        }
        var exact: [String: String] = [:]
        var wildcards: [(String, String)] = []
        for file in parsed.sorted(by: { $0.file < $1.file }) {
            for host in file.hosts {
                if host.hasPrefix("*.") {
                    wildcards.append((String(host.dropFirst(1)), file.file))
                } else if let other = exact[host] {
                    throw .duplicateHost(host: host, files: [other, file.file])
                } else {
                    exact[host] = file.file
                }
            }
        }
        self.init(byName: byName, resolved: resolved, exact: exact,
                  wildcards: wildcards.sorted { $0.0.count > $1.0.count })
    }

    private init(parsed: [RuleFile]) {
        self.init(byName: [:], resolved: [:], exact: [:], wildcards: [])
    }

    private init(byName: [String: RuleFile], resolved: [String: CompiledRules], exact: [String: String],
                 wildcards: [(suffix: String, file: String)]) {
        self.files = byName
        self.resolved = resolved
        self.global = resolved[Self.globalFileName] ?? CompiledRules()
        self.exactHosts = exact
        self.wildcardHosts = wildcards
    }

    /// The rule file (name) for `host`: an exact entry, then the host without `www.`, then the
    /// longest matching `*.domain` pattern (which also matches the bare domain).
    public func siteFile(forHost host: String) -> String? {
        let host = host.lowercased()
        if let file = exactHosts[host] { return file }
        if host.hasPrefix("www."), let file = exactHosts[String(host.dropFirst(4))] { return file }
        for (suffix, file) in wildcardHosts where host.hasSuffix(suffix) || "." + host == suffix {
            return file
        }
        return nil
    }

    /// The rules for a page on `host`: its site file (if any) followed by the global rules, unless
    /// the site file opts out of them. `host` nil means global rules only.
    public func rules(forHost host: String?) -> CompiledRules {
        guard let host, let name = siteFile(forHost: host), var rules = resolved[name] else {
            return global
        }
        rules.siteFile = name
        if files[name]?.usesGlobal ?? true { rules.append(global) }
        return rules
    }

    /// The global rules alone (used when site rules are switched off).
    public var globalRules: CompiledRules { global }

    /// Every rule in every file, for coverage reports.
    public var allRuleIDs: [RuleID] {
        resolved.keys.sorted().flatMap { name in files[name]?.rules.allRuleIDs ?? [] }
    }

    /// A file's rules followed by those of the files it extends (depth first, each once).
    private static func resolve(_ name: String, in files: [String: RuleFile], chain: [String]) throws(RuleError) -> CompiledRules {
        guard let file = files[name] else { return CompiledRules() }
        if chain.contains(name) { throw .extensionCycle(chain: chain + [name]) }
        var rules = file.rules
        for (extended, line) in file.extends {
            let target = extended.hasSuffix(".yaml") || extended.hasSuffix(".yml") ? extended : extended + ".yaml"
            guard files[target] != nil else { throw .missingExtension(file: name, line: line, name: extended) }
            rules.append(try resolve(target, in: files, chain: chain + [name]))
        }
        return rules
    }
}
