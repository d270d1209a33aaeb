import Foundation

/// The files of one snapshot update, written completely before any of them replaces its target.
///
/// ``stage(_:at:)`` writes each new file to a temporary file beside its target; ``commit()`` renames
/// them into place (and removes files marked with ``removeOnCommit(_:)``). An error or cancellation
/// before the commit leaves every target as it was, and the temporary files are deleted when the
/// batch is released, so an interrupted update leaves nothing behind. Each rename is atomic; only a
/// crash between two renames of one commit could leave a snapshot half-updated.
final class StagedFiles {
    private var staged: [(temporary: URL, target: URL)] = []
    private var removals: [URL] = []
    private var committed = false

    deinit {
        if !committed { discard() }
    }

    /// Writes `data` to a temporary file that ``commit()`` will rename to `target`.
    func stage(_ data: Data, at target: URL) throws(SnapshotError) {
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .writeFailed(path: target.path, reason: error.localizedDescription)
        }
        staged.append((temporary, target))
    }

    /// Writes metadata as ``SnapshotStore`` does (sorted keys, pretty, trailing newline).
    func stage(_ metadata: SnapshotMetadata, at target: URL) throws(SnapshotError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do { data = try encoder.encode(metadata) } catch {
            throw .writeFailed(path: target.path, reason: "\(error)")
        }
        try stage(data + Data("\n".utf8), at: target)
    }

    /// Deletes `url` (if it exists) when the batch is committed.
    func removeOnCommit(_ url: URL) {
        removals.append(url)
    }

    /// Renames every staged file into place in staging order, then performs the removals.
    func commit() throws(SnapshotError) {
        committed = true
        for (index, file) in staged.enumerated() where rename(file.temporary.path, file.target.path) != 0 {
            let reason = String(cString: strerror(errno))
            for leftover in staged[index...] { try? FileManager.default.removeItem(at: leftover.temporary) }
            throw .writeFailed(path: file.target.path, reason: reason)
        }
        for url in removals where FileManager.default.fileExists(atPath: url.path) {
            do { try FileManager.default.removeItem(at: url) } catch {
                throw .writeFailed(path: url.path, reason: "cannot remove: \(error.localizedDescription)")
            }
        }
    }

    /// Deletes the temporary files without touching any target.
    func discard() {
        for file in staged { try? FileManager.default.removeItem(at: file.temporary) }
        staged.removeAll()
    }
}
