/// Errors raised reading or writing stored snapshots. Each names the file involved.
public enum SnapshotError: Error, Sendable, CustomStringConvertible {
    /// The snapshots directory does not exist.
    case missingDirectory(path: String)
    /// A snapshot file is missing or unreadable (e.g. an `.html` with no `.json` beside it).
    case unreadable(path: String, reason: String)
    /// A `.json` metadata file is not valid snapshot metadata.
    case invalidMetadata(path: String, reason: String)
    /// Writing failed; nothing was replaced.
    case writeFailed(path: String, reason: String)
    /// The snapshot exists and overwriting was not asked for.
    case alreadyExists(id: String)
    /// No snapshot matches the given host or name.
    case notFound(selection: String)

    public var description: String {
        switch self {
        case .missingDirectory(let path):
            return "\(path): snapshots directory not found; pass --snapshots DIR or run from the repository root"
        case .unreadable(let path, let reason):
            return "\(path): cannot read snapshot file: \(reason)"
        case .invalidMetadata(let path, let reason):
            return "\(path): invalid snapshot metadata: \(reason); compare with Snapshots/README.md"
        case .writeFailed(let path, let reason):
            return "\(path): cannot write snapshot file: \(reason); the previous version is untouched"
        case .alreadyExists(let id):
            return "snapshot \(id) already exists; pass --force to replace it, or choose another --name"
        case .notFound(let selection):
            return "no snapshot matches \(selection); run `winnow snapshot list` to see what is stored"
        }
    }
}
