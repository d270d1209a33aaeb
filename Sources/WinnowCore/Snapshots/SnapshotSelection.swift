/// Which stored snapshots a command works on: all of them, one host's, or named ones.
public struct SnapshotSelection: Sendable, Equatable {
    /// Only snapshots of this host (case-insensitive).
    public var host: String?
    /// Only these snapshots, each `name` or `host/name`; empty means every snapshot (of ``host``).
    public var names: [String]

    /// A selection; no arguments selects everything.
    public init(host: String? = nil, names: [String] = []) {
        self.host = host
        self.names = names
    }

    /// Every snapshot.
    public static let all = SnapshotSelection()

    /// Whether nothing narrows the selection.
    public var isEverything: Bool { host == nil && names.isEmpty }

    /// The selected snapshots, sorted by host and name.
    /// - Throws: ``SnapshotError/missingDirectory(path:)``, or ``SnapshotError/notFound(selection:)``
    ///   naming every requested name that matched nothing.
    public func resolve(in store: SnapshotStore) throws(SnapshotError) -> [Snapshot] {
        let snapshots = try store.list(host: host, names: names)
        let missing = names.filter { name in !snapshots.contains { $0.name == name || $0.id == name } }
        if !missing.isEmpty {
            let scope = host.map { " of host \($0)" } ?? ""
            throw .notFound(selection: missing.joined(separator: ", ") + scope)
        }
        return snapshots
    }
}
