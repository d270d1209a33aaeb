import Foundation

/// A value guarded by a lock, for the few places where the curl thread and Swift tasks share state.
///
/// `NSLock` rather than `Synchronization.Mutex` because the package still supports macOS 13, where
/// `Mutex` is unavailable.
final class Locked<Value>: @unchecked Sendable {
    // @unchecked: every access to `value` goes through `lock`.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
