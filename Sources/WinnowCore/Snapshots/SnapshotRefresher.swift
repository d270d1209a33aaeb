import Foundation
import WinnowHTTP

/// `snapshot refresh`: re-fetches stored pages conditionally and sorts each into a
/// ``RefreshOutcome/Kind``, never replacing a good page with a worse one.
///
/// Per snapshot, under its ``SnapshotLock``: read the metadata and page, fetch with the stored
/// `ETag` / `Last-Modified`, clean the new page, classify, then write the files of the outcome as
/// one ``StagedFiles`` batch. Any error or cancellation before that batch commits leaves the
/// snapshot as it was.
public struct SnapshotRefresher: Sendable {
    /// Where the snapshots are.
    public let store: SnapshotStore
    /// Cleans new pages with the current rules.
    public let cleaner: Cleaner
    /// Fetches politely; its per-host limits apply on top of `jobs`.
    public let fetcher: PoliteFetcher
    /// The clock for `last_refresh_at` and `olderThan`; tests pin it.
    public var now: @Sendable () -> Date

    /// Called after an update is staged and before it is committed; tests make it throw or cancel
    /// to check that an interrupted refresh leaves no partial files.
    var beforeCommit: (@Sendable (Snapshot) throws -> Void)?

    /// A refresher over `store`.
    public init(store: SnapshotStore, cleaner: Cleaner, fetcher: PoliteFetcher,
                now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.cleaner = cleaner
        self.fetcher = fetcher
        self.now = now
    }

    /// Refreshes the selected snapshots, `jobs` at a time, calling `onOutcome` as each finishes
    /// (one call at a time, in completion order).
    ///
    /// - Parameter olderThan: only snapshots whose `fetched_at` is at least this old (snapshots
    ///   whose metadata cannot be read are always included, so their failure is reported).
    /// - Returns: the report, outcomes sorted by snapshot id.
    /// - Throws: ``SnapshotError`` only when the selection cannot be resolved; a failure of one
    ///   snapshot is a ``RefreshOutcome/Kind/failed`` outcome.
    public func refresh(_ selection: SnapshotSelection, olderThan: Duration? = nil, jobs: Int = 4,
                        onOutcome: @Sendable (RefreshOutcome) async -> Void = { _ in }) async throws(SnapshotError) -> RefreshReport {
        let startedAt = Timestamp.string(now())
        let snapshots = try selection.resolve(in: store).filter { isDue($0, olderThan: olderThan) }
        var outcomes: [RefreshOutcome] = []
        await withTaskGroup(of: RefreshOutcome.self) { group in
            var pending = snapshots.makeIterator()
            for _ in 0..<max(1, jobs) {
                guard let snapshot = pending.next() else { break }
                group.addTask { await refresh(snapshot) }
            }
            while let outcome = await group.next() {
                outcomes.append(outcome)
                await onOutcome(outcome)
                if let snapshot = pending.next() {
                    group.addTask { await refresh(snapshot) }
                }
            }
        }
        return RefreshReport(startedAt: startedAt, finishedAt: Timestamp.string(now()), outcomes: outcomes)
    }

    /// Whether `snapshot` was fetched at least `olderThan` ago.
    func isDue(_ snapshot: Snapshot, olderThan: Duration?) -> Bool {
        guard let olderThan else { return true }
        guard let metadata = try? store.metadata(snapshot), let fetched = Timestamp.date(metadata.fetchedAt) else {
            return true
        }
        let seconds = Double(olderThan.components.seconds) + Double(olderThan.components.attoseconds) / 1e18
        return now().timeIntervalSince(fetched) >= seconds
    }

    /// Refreshes one snapshot; never throws: every failure is an outcome.
    public func refresh(_ snapshot: Snapshot) async -> RefreshOutcome {
        let lock: SnapshotLock
        do {
            lock = try await SnapshotLock.acquire(snapshot)
        } catch {
            return outcome(snapshot, .failed, message: "\(snapshot.id): not refreshed: \(error is CancellationError ? "cancelled" : "\(error)")")
        }
        let result = await refreshLocked(snapshot)
        withExtendedLifetime(lock) {}  // held until the outcome is written
        return result
    }

    private func refreshLocked(_ snapshot: Snapshot) async -> RefreshOutcome {
        let metadata: SnapshotMetadata
        let storedBytes: [UInt8]
        do {
            metadata = try store.metadata(snapshot)
            storedBytes = try store.pageBytes(snapshot)
        } catch {
            return outcome(snapshot, .failed, message: error.description)
        }

        let response: FetchResponse
        do {
            let validators = ConditionalHeaders(etag: metadata.etag, lastModified: metadata.lastModified)
            response = try await fetcher.fetch(FetchRequest(url: metadata.url, conditional: validators.isEmpty ? nil : validators))
        } catch {
            let gone = error.kind == .http && (error.status == 404 || error.status == 410)
            return recordOnly(snapshot, metadata, gone ? .gone : .failed, status: error.status,
                              message: gone ? "\(metadata.url) is gone (HTTP \(error.status ?? 0)); remove the snapshot or point it at the new URL" : error.message)
        }
        if response.isNotModified {
            return unchanged(snapshot, metadata, response, why: "not modified (304)")
        }
        guard response.isSuccess else {
            return recordOnly(snapshot, metadata, .failed, status: response.status,
                              message: "\(metadata.url) answered HTTP \(response.status), not a page; nothing stored")
        }
        let fetched = FetchedPage(response: response, requestedURL: metadata.url)
        if fetched.bytes == storedBytes {
            return unchanged(snapshot, metadata, response, why: "same bytes (sha256 \(fetched.sha256.prefix(12))…)")
        }
        return changed(snapshot, metadata, storedBytes: storedBytes, fetched: fetched)
    }

    // MARK: Outcomes

    /// The page has new bytes: clean them and decide where they go.
    private func changed(_ snapshot: Snapshot, _ metadata: SnapshotMetadata, storedBytes: [UInt8],
                         fetched: FetchedPage) -> RefreshOutcome {
        let status = fetched.response.status
        let article: Article
        let expected: String
        let expectedName: String
        do {
            article = try cleaner.clean(fetched.page)
            if let text = try store.expectedText(snapshot) {
                expected = SnapshotStore.normalizedText(text)
                expectedName = "expected \(snapshot.id).txt"
            } else {
                // No reviewed text yet: the old page's output is the best baseline there is.
                let old = Page(bytes: storedBytes, url: metadata.url, charsetHint: metadata.headerCharset, name: snapshot.htmlURL.path)
                expected = SnapshotStore.normalizedText(try cleaner.clean(old).text)
                expectedName = "old page's clean text (no \(snapshot.name).txt yet)"
            }
        } catch let error as CleanError {
            return recordOnly(snapshot, metadata, .failed, status: status, message: "\(snapshot.id): new page not stored: \(error.description)")
        } catch {
            return recordOnly(snapshot, metadata, .failed, status: status, message: "\(error)")
        }

        let newText = SnapshotStore.normalizedText(article.text)
        let diff = LineDiff.unified(old: expected, new: newText, oldName: expectedName, newName: "new page (winnow clean)")
        var newMetadata = fetched.metadata(charset: article.charset, keeping: metadata)
        let refreshedAt = Timestamp.string(now())
        newMetadata.lastRefreshAt = refreshedAt

        if let reason = RefreshBreakage.reason(article: article, newText: newText, expected: expected) {
            newMetadata.lastRefresh = RefreshOutcome.Kind.rulesBroke.rawValue
            var old = metadata
            old.lastRefresh = RefreshOutcome.Kind.rulesBroke.rawValue
            old.lastRefreshAt = refreshedAt
            let message = "\(reason); new page kept beside the old one as \(snapshot.pendingHTMLURL.lastPathComponent) — fix the rules, then `winnow snapshot accept \(snapshot.id)`"
            return write(snapshot, .rulesBroke, status: status, message: message, diff: diff.isEmpty ? nil : diff,
                         pendingPage: snapshot.pendingHTMLURL.path) { files throws(SnapshotError) in
                try files.stage(Data(fetched.bytes), at: snapshot.pendingHTMLURL)
                try files.stage(newMetadata, at: snapshot.pendingMetadataURL)
                try files.stage(old, at: snapshot.metadataURL)
            }
        }

        let kind: RefreshOutcome.Kind = diff.isEmpty ? .changed : .outputDiffers
        newMetadata.lastRefresh = kind.rawValue
        if metadata.reconstructed == true {
            // A hand-made page is not replaced by the live one without a person deciding to.
            var old = metadata
            old.lastRefresh = kind.rawValue
            old.lastRefreshAt = refreshedAt
            let message = "reconstructed snapshot: the live page (\(kind == .changed ? "same clean text" : "different clean text")) was kept beside it as \(snapshot.pendingHTMLURL.lastPathComponent); `winnow snapshot accept \(snapshot.id)` to adopt it"
            return write(snapshot, kind, status: status, message: message, diff: diff.isEmpty ? nil : diff,
                         pendingPage: snapshot.pendingHTMLURL.path) { files throws(SnapshotError) in
                try files.stage(Data(fetched.bytes), at: snapshot.pendingHTMLURL)
                try files.stage(newMetadata, at: snapshot.pendingMetadataURL)
                try files.stage(old, at: snapshot.metadataURL)
            }
        }
        let message = kind == .changed
            ? "page changed; the rules still give the expected text; new page stored"
            : "page changed and its clean text differs from \(snapshot.name).txt; new page stored, expected text kept — fix the rules or `winnow snapshot accept \(snapshot.id)`"
        return write(snapshot, kind, status: status, message: message, diff: diff.isEmpty ? nil : diff) { files throws(SnapshotError) in
            try files.stage(Data(fetched.bytes), at: snapshot.htmlURL)
            try files.stage(newMetadata, at: snapshot.metadataURL)
            // A page set aside by an earlier refresh is stale now that a newer one is in place.
            files.removeOnCommit(snapshot.pendingHTMLURL)
            files.removeOnCommit(snapshot.pendingMetadataURL)
        }
    }

    /// The stored page is current: only `fetched_at` and `last_refresh*` change.
    private func unchanged(_ snapshot: Snapshot, _ metadata: SnapshotMetadata, _ response: FetchResponse,
                           why: String) -> RefreshOutcome {
        var updated = metadata
        let refreshedAt = Timestamp.string(now())
        updated.fetchedAt = Timestamp.string(response.fetchedAt)
        updated.lastRefresh = RefreshOutcome.Kind.unchanged.rawValue
        updated.lastRefreshAt = refreshedAt
        let stale = FileManager.default.fileExists(atPath: snapshot.pendingHTMLURL.path)
        let message = "unchanged: \(why)" + (stale ? "; removed the stale \(snapshot.pendingHTMLURL.lastPathComponent)" : "")
        return write(snapshot, .unchanged, status: response.status, message: message) { files throws(SnapshotError) in
            try files.stage(updated, at: snapshot.metadataURL)
            // The site serves the stored page again, so a page set aside earlier no longer applies.
            files.removeOnCommit(snapshot.pendingHTMLURL)
            files.removeOnCommit(snapshot.pendingMetadataURL)
        }
    }

    /// Gone or failed: the page stays; only `last_refresh*` records the attempt.
    private func recordOnly(_ snapshot: Snapshot, _ metadata: SnapshotMetadata, _ kind: RefreshOutcome.Kind,
                            status: Int?, message: String) -> RefreshOutcome {
        var updated = metadata
        updated.lastRefresh = kind.rawValue
        updated.lastRefreshAt = Timestamp.string(now())
        return write(snapshot, kind, status: status, message: message) { files throws(SnapshotError) in
            try files.stage(updated, at: snapshot.metadataURL)
        }
    }

    /// Stages the outcome's files with `stage`, commits them, and returns the outcome — or a
    /// ``RefreshOutcome/Kind/failed`` outcome, with every stored file as it was, when staging
    /// or committing fails or the task was cancelled.
    private func write(_ snapshot: Snapshot, _ kind: RefreshOutcome.Kind, status: Int?, message: String,
                       diff: String? = nil, pendingPage: String? = nil,
                       stage: (StagedFiles) throws(SnapshotError) -> Void) -> RefreshOutcome {
        let files = StagedFiles()
        do {
            try stage(files)
            try beforeCommit?(snapshot)
            if Task.isCancelled { throw CancellationError() }
            try files.commit()
        } catch {
            files.discard()
            let reason = error is CancellationError ? "cancelled" : "\(error)"
            return outcome(snapshot, .failed, status: status,
                           message: "\(snapshot.id): \(kind.rawValue) but not saved (\(reason)); stored files left as they were")
        }
        return outcome(snapshot, kind, status: status, message: message, diff: diff, pendingPage: pendingPage)
    }

    private func outcome(_ snapshot: Snapshot, _ kind: RefreshOutcome.Kind, status: Int? = nil, message: String,
                         diff: String? = nil, pendingPage: String? = nil) -> RefreshOutcome {
        RefreshOutcome(id: snapshot.id, kind: kind, status: status, message: message, diff: diff,
                       pendingPage: pendingPage, refreshedAt: Timestamp.string(now()))
    }
}
