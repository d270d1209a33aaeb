import Foundation

/// An exclusive lock on one snapshot, held while it is read, classified and rewritten, so that two
/// `winnow snapshot` processes (or two tasks of one) never interleave their writes to it.
///
/// The lock is `flock(2)` on `<host>/.<name>.lock`. It is released when the owner is deinitialised
/// (and by the kernel if the process dies), so a crash never leaves a snapshot locked. The lock file
/// itself stays: deleting it would let a waiter lock an unlinked file while a newcomer locks a new one.
public final class SnapshotLock: Sendable {
    /// The lock file.
    public let url: URL
    private let descriptor: Int32

    private init(url: URL, descriptor: Int32) {
        self.url = url
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// The lock file of `snapshot`: `<host>/.<name>.lock`.
    public static func lockURL(for snapshot: Snapshot) -> URL {
        snapshot.root.appendingPathComponent(snapshot.host, isDirectory: true)
            .appendingPathComponent(".\(snapshot.name).lock")
    }

    /// Takes the lock, or returns nil at once when someone else holds it.
    public static func tryAcquire(_ snapshot: Snapshot) throws(SnapshotError) -> SnapshotLock? {
        let url = lockURL(for: snapshot)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: url.path, reason: "cannot create the folder for the lock file: \(error.localizedDescription)")
        }
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .writeFailed(path: url.path, reason: "cannot open the lock file: \(String(cString: strerror(errno)))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
            return SnapshotLock(url: url, descriptor: descriptor)
        }
        let code = errno
        close(descriptor)
        if code == EWOULDBLOCK { return nil }
        throw .writeFailed(path: url.path, reason: "cannot lock: \(String(cString: strerror(code)))")
    }

    /// Takes the lock, waiting while another process or task holds it.
    ///
    /// Polls instead of blocking in `flock`: a blocked cooperative thread could be the one the
    /// current holder needs to finish, and waiting this way stays cancellable.
    public static func acquire(_ snapshot: Snapshot, pollInterval: Duration = .milliseconds(10)) async throws -> SnapshotLock {
        while true {
            if let lock = try tryAcquire(snapshot) { return lock }
            try await Task.sleep(for: pollInterval)
        }
    }

    /// ``acquire(_:pollInterval:)`` for the lifecycle operations, with their error type.
    static func acquireForLifecycle(_ snapshot: Snapshot) async throws(SnapshotLifecycleError) -> SnapshotLock {
        do {
            return try await acquire(snapshot)
        } catch let error as SnapshotError {
            throw .snapshot(error)
        } catch {
            throw .cancelled(id: snapshot.id)
        }
    }
}
