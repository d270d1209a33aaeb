import Foundation

/// `snapshot accept`: adopts what Winnow makes of a snapshot now as its expected text, first moving
/// a pending `.new.html` (set aside by `refresh`) into place.
public struct SnapshotAcceptor: Sendable {
    /// Where the snapshots are.
    public let store: SnapshotStore
    /// Makes the expected text.
    public let cleaner: Cleaner

    /// An acceptor over `store`, cleaning with `cleaner`.
    public init(store: SnapshotStore, cleaner: Cleaner) {
        self.store = store
        self.cleaner = cleaner
    }

    /// The `last_refresh` value after a person accepted what a refresh flagged.
    public static let acceptedMarker = "accepted"

    /// What accepting one snapshot did.
    public struct Accepted: Sendable {
        /// The snapshot accepted.
        public let snapshot: Snapshot
        /// Whether a pending `.new.html` replaced the stored page.
        public let movedPendingPage: Bool
        /// The article whose text is now the expected text.
        public let article: Article
        /// Whether the expected text changed.
        public let textChanged: Bool
    }

    /// Accepts each selected snapshot in turn; one that fails does not stop the others.
    /// - Throws: ``SnapshotError`` only when the selection cannot be resolved.
    public func accept(_ selection: SnapshotSelection) async throws(SnapshotError) -> [Result<Accepted, SnapshotLifecycleError>] {
        var results: [Result<Accepted, SnapshotLifecycleError>] = []
        for snapshot in try selection.resolve(in: store) {
            do {
                results.append(.success(try await accept(snapshot)))
            } catch {
                results.append(.failure(error))
            }
        }
        return results
    }

    /// Moves a pending page into place (if there is one), then stores the clean text of the
    /// snapshot's page as its expected `.txt`.
    public func accept(_ snapshot: Snapshot) async throws(SnapshotLifecycleError) -> Accepted {
        let lock = try await SnapshotLock.acquireForLifecycle(snapshot)
        defer { withExtendedLifetime(lock) {} }

        let manager = FileManager.default
        let hasPending = manager.fileExists(atPath: snapshot.pendingHTMLURL.path)
        do {
            // Metadata first: if we stop between the two renames, the `.new.html` is still there,
            // `list` still shows it pending, and accepting again finishes the move.
            if manager.fileExists(atPath: snapshot.pendingMetadataURL.path) {
                try move(snapshot.pendingMetadataURL, to: snapshot.metadataURL)
            }
            if hasPending {
                try move(snapshot.pendingHTMLURL, to: snapshot.htmlURL)
            }
            var metadata = try store.metadata(snapshot)
            if let last = metadata.lastRefresh.flatMap(RefreshOutcome.Kind.init(rawValue:)),
               last == .outputDiffers || last == .rulesBroke {
                // A person has now looked at what that refresh found; `list` should not still flag it.
                metadata.lastRefresh = Self.acceptedMarker
                try store.writeMetadata(metadata, to: snapshot.metadataURL)
            }
            let page = Page(bytes: try store.pageBytes(snapshot), url: metadata.url,
                            charsetHint: metadata.headerCharset, name: snapshot.htmlURL.path)
            let article: Article
            do { article = try cleaner.clean(page) } catch { throw SnapshotLifecycleError.clean(error) }
            let old = try store.expectedText(snapshot).map(SnapshotStore.normalizedText)
            try store.writeExpectedText(article.text, for: snapshot)
            return Accepted(snapshot: snapshot, movedPendingPage: hasPending, article: article,
                            textChanged: old != SnapshotStore.normalizedText(article.text))
        } catch let error as SnapshotError {
            throw .snapshot(error)
        } catch let error as SnapshotLifecycleError {
            throw error
        } catch {
            throw .snapshot(.writeFailed(path: snapshot.expectedTextURL.path, reason: "\(error)"))
        }
    }

    /// rename(2): atomic, and the replaced file is never half-written.
    private func move(_ source: URL, to target: URL) throws(SnapshotError) {
        if rename(source.path, target.path) != 0 {
            throw .writeFailed(path: target.path, reason: "cannot move \(source.lastPathComponent) into place: \(String(cString: strerror(errno)))")
        }
    }
}
