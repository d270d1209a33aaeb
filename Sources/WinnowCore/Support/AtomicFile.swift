import Foundation

/// Whole-file writes that never leave a half-written file behind.
enum AtomicFile {
    /// Writes `data` to a unique temporary file beside `url`, then renames it over `url`
    /// (rename is atomic within one file system, so readers see the old or the new file, never a mix).
    static func write(_ data: Data, to url: URL) throws(SnapshotError) {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw SnapshotError.writeFailed(path: url.path, reason: reason)
            }
        } catch let error as SnapshotError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .writeFailed(path: url.path, reason: error.localizedDescription)
        }
    }
}
