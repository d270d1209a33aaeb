import Foundation

/// The JSON Lines output of a scrape: appends one record per finished URL and flushes it at once,
/// so a killed run loses nothing already done; reading it back tells a new run what to skip.
public actor RecordLog {
    private let handle: FileHandle?
    public let path: String?

    /// Opens `path` for appending (created if missing), or standard output when `path` is nil.
    ///
    /// A last line cut off by a killed run is dropped first, so the file stays valid JSON Lines.
    public init(path: String?) throws(ScrapeError) {
        self.path = path
        guard let path else {
            handle = nil
            return
        }
        let manager = FileManager.default
        if !manager.fileExists(atPath: path) {
            guard manager.createFile(atPath: path, contents: nil) else {
                throw .output(path: path, reason: "cannot create the file (does its folder exist?)")
            }
        }
        guard let handle = FileHandle(forUpdatingAtPath: path) else {
            throw .output(path: path, reason: "cannot open the file for writing")
        }
        do {
            try Self.dropPartialLastLine(handle)
            try handle.seekToEnd()
        } catch {
            throw .output(path: path, reason: error.localizedDescription)
        }
        self.handle = handle
    }

    /// Writes one record as one line.
    public func append(_ record: ScrapeRecord) throws(ScrapeError) {
        try append(line: record.jsonLineData(newline: true))
    }

    /// Writes one already encoded line (``ScrapeRecord/jsonLineData(newline:)``), so that callers can
    /// encode records concurrently and the actor only writes.
    func append(line: Data) throws(ScrapeError) {
        guard let handle else {
            FileHandle.standardOutput.write(line)
            return
        }
        do { try handle.write(contentsOf: line) } catch {
            throw .output(path: path ?? "-", reason: error.localizedDescription)
        }
    }

    /// URLs that already have a record in the file at `path`: successes, and failures unless
    /// `retryingFailures`. Unreadable lines are ignored (they are not records).
    public static func recordedURLs(at path: String, retryingFailures: Bool) -> Set<String> {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        var urls = Set<String>()
        let decoder = JSONDecoder()
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let record = try? decoder.decode(ScrapeRecord.self, from: Data(line)) else { continue }
            if record.succeeded || !retryingFailures { urls.insert(record.url) }
        }
        return urls
    }

    /// Rewrites the file at `path` without its failure records (atomically), so that retried URLs
    /// end up with exactly one record.
    public static func removeFailures(at path: String) throws(ScrapeError) {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let decoder = JSONDecoder()
        var kept = Data()
        for line in data.split(separator: UInt8(ascii: "\n")) {
            if let record = try? decoder.decode(ScrapeRecord.self, from: Data(line)), !record.succeeded { continue }
            kept.append(contentsOf: line)
            kept.append(UInt8(ascii: "\n"))
        }
        do {
            try AtomicFile.write(kept, to: URL(fileURLWithPath: path))
        } catch {
            throw .output(path: path, reason: error.description)
        }
    }

    private static func dropPartialLastLine(_ handle: FileHandle) throws {
        let size = try handle.seekToEnd()
        guard size > 0 else { return }
        // Look back for the last newline; everything after it is an unfinished record.
        var offset = size
        let chunk: UInt64 = 64 * 1024
        while offset > 0 {
            let start = offset > chunk ? offset - chunk : 0
            try handle.seek(toOffset: start)
            let data = try handle.read(upToCount: Int(offset - start)) ?? Data()
            if let newline = data.lastIndex(of: UInt8(ascii: "\n")) {
                let keep = start + UInt64(newline - data.startIndex) + 1
                if keep < size { try handle.truncate(atOffset: keep) }
                return
            }
            offset = start
        }
        try handle.truncate(atOffset: 0)
    }
}
