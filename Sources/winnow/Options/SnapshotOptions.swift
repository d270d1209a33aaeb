import ArgumentParser
import Foundation
import WinnowCore

/// Where the stored snapshots are, and which to work on.
struct SnapshotOptions: ParsableArguments {
    @Option(name: .long, help: "Directory of snapshots (<host>/<name>.html, .json, .txt).")
    var snapshots: String = "Snapshots"

    @Option(name: .long, help: "Only snapshots of this host.")
    var host: String?

    var store: SnapshotStore { SnapshotStore(root: URL(fileURLWithPath: snapshots)) }
}
