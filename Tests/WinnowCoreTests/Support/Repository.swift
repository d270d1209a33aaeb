import Foundation

/// Paths inside this repository, for tests that check the shipped rules and snapshots.
enum Repository {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // WinnowCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let selectors = root.appendingPathComponent("Selectors")
    static let snapshots = root.appendingPathComponent("Snapshots")
}
