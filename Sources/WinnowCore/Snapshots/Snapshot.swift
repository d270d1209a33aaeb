import Foundation

/// One stored page: `<directory>/<host>/<name>.html` with its `.json` metadata and `.txt`
/// expected clean text.
public struct Snapshot: Sendable {
    public let host: String
    public let name: String
    /// The folder holding the host folders (normally `Snapshots/`).
    public let root: URL

    public init(root: URL, host: String, name: String) {
        self.root = root
        self.host = host
        self.name = name
    }

    /// `host/name`, how commands and reports refer to a snapshot.
    public var id: String { "\(host)/\(name)" }

    public var htmlURL: URL { file("html") }
    public var metadataURL: URL { file("json") }
    public var expectedTextURL: URL { file("txt") }
    /// A re-fetched page that looked worse than the stored one, kept for inspection.
    public var pendingHTMLURL: URL { file("new.html") }
    public var pendingMetadataURL: URL { file("new.json") }

    private func file(_ suffix: String) -> URL {
        root.appendingPathComponent(host, isDirectory: true).appendingPathComponent("\(name).\(suffix)")
    }
}
