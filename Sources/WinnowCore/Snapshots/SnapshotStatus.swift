import Foundation

/// One line of `snapshot list`: how old a snapshot is and what its last refresh found.
public struct SnapshotStatus: Sendable {
    /// The snapshot described.
    public let snapshot: Snapshot
    /// `fetched_at`, when the metadata could be read and parsed.
    public let fetchedAt: Date?
    /// Time since `fetched_at`.
    public let age: Duration?
    /// `last_refresh`: a ``RefreshOutcome/Kind`` raw value, or `accepted`.
    public let lastRefresh: String?
    /// When the last refresh ran (ISO 8601).
    public let lastRefreshAt: String?
    /// Whether a `.new.html` waits beside the page for review or `accept`.
    public let hasPendingPage: Bool
    /// Whether there is an expected `.txt`.
    public let hasExpectedText: Bool
    /// Whether the page is a hand-made reconstruction (`reconstructed` in its metadata).
    public let reconstructed: Bool
    /// Why the metadata could not be read, if it could not.
    public let problem: String?

    /// The status of every selected snapshot.
    public static func list(_ selection: SnapshotSelection, in store: SnapshotStore, now: Date = Date()) throws(SnapshotError) -> [SnapshotStatus] {
        try selection.resolve(in: store).map { status(of: $0, in: store, now: now) }
    }

    /// The status of one snapshot; unreadable metadata is reported in ``problem``, not thrown.
    public static func status(of snapshot: Snapshot, in store: SnapshotStore, now: Date = Date()) -> SnapshotStatus {
        let manager = FileManager.default
        let metadata: SnapshotMetadata?
        let problem: String?
        do {
            metadata = try store.metadata(snapshot)
            problem = nil
        } catch {
            metadata = nil
            problem = error.description
        }
        let fetchedAt = metadata.flatMap { Timestamp.date($0.fetchedAt) }
        return SnapshotStatus(
            snapshot: snapshot, fetchedAt: fetchedAt,
            age: fetchedAt.map { .seconds(max(0, now.timeIntervalSince($0))) },
            lastRefresh: metadata?.lastRefresh, lastRefreshAt: metadata?.lastRefreshAt,
            hasPendingPage: manager.fileExists(atPath: snapshot.pendingHTMLURL.path),
            hasExpectedText: manager.fileExists(atPath: snapshot.expectedTextURL.path),
            reconstructed: metadata?.reconstructed ?? false, problem: problem)
    }
}
