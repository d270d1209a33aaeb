import Foundation

/// Reads and writes snapshots under one directory, laid out as `<host>/<name>.{html,json,txt}`.
///
/// Every write goes to a temporary file in the same folder and is renamed into place, so an
/// interrupted write never leaves a half-written snapshot file.
public struct SnapshotStore: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// Every snapshot (every `.html` that is not a pending `.new.html`), sorted by host and name.
    public func list(host: String? = nil, names: [String] = []) throws(SnapshotError) -> [Snapshot] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .missingDirectory(path: root.path)
        }
        let hosts = ((try? manager.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
        var result: [Snapshot] = []
        for candidate in hosts where host == nil || candidate == host!.lowercased() {
            let folder = root.appendingPathComponent(candidate, isDirectory: true)
            guard manager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let files = ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            for file in files where file.hasSuffix(".html") && !file.hasSuffix(".new.html") {
                let name = String(file.dropLast(".html".count))
                if names.isEmpty || names.contains(name) || names.contains("\(candidate)/\(name)") {
                    result.append(Snapshot(root: root, host: candidate, name: name))
                }
            }
        }
        return result
    }

    public func pageBytes(_ snapshot: Snapshot) throws(SnapshotError) -> [UInt8] {
        try read(snapshot.htmlURL)
    }

    public func metadata(_ snapshot: Snapshot) throws(SnapshotError) -> SnapshotMetadata {
        let bytes = try read(snapshot.metadataURL)
        do {
            return try JSONDecoder().decode(SnapshotMetadata.self, from: Data(bytes))
        } catch {
            throw .invalidMetadata(path: snapshot.metadataURL.path, reason: "\(error)")
        }
    }

    /// The expected clean text, or nil when no `.txt` exists yet.
    public func expectedText(_ snapshot: Snapshot) throws(SnapshotError) -> String? {
        guard FileManager.default.fileExists(atPath: snapshot.expectedTextURL.path) else { return nil }
        return String(decoding: try read(snapshot.expectedTextURL), as: UTF8.self)
    }

    // MARK: Writing

    public func writePage(_ bytes: [UInt8], to url: URL) throws(SnapshotError) {
        try AtomicFile.write(Data(bytes), to: url)
    }

    public func writeMetadata(_ metadata: SnapshotMetadata, to url: URL) throws(SnapshotError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do { data = try encoder.encode(metadata) } catch {
            throw .writeFailed(path: url.path, reason: "\(error)")
        }
        try AtomicFile.write(data + Data("\n".utf8), to: url)
    }

    /// Writes expected text, always ending in exactly one newline.
    public func writeExpectedText(_ text: String, for snapshot: Snapshot) throws(SnapshotError) {
        try AtomicFile.write(Data((Self.normalizedText(text) + "\n").utf8), to: snapshot.expectedTextURL)
    }

    /// Text as compared by `validate`: trailing whitespace on lines and at the end removed.
    public static func normalizedText(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = Substring(line)
            while let last = line.last, last == " " || last == "\t" || last == "\r" { line = line.dropLast() }
            return line
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    private func read(_ url: URL) throws(SnapshotError) -> [UInt8] {
        do { return [UInt8](try Data(contentsOf: url)) } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
    }
}
