import Foundation
import WinnowHTTP

/// `snapshot add`: fetches a page politely and stores it as a new snapshot, with what the rules
/// make of it now as the expected text (for a person to review).
public struct SnapshotRecorder: Sendable {
    /// Where snapshots are stored.
    public let store: SnapshotStore
    /// Makes the expected text.
    public let cleaner: Cleaner
    /// Fetches politely (robots.txt, per-host limits, retries).
    public let fetcher: PoliteFetcher

    /// A recorder storing into `store`.
    public init(store: SnapshotStore, cleaner: Cleaner, fetcher: PoliteFetcher) {
        self.store = store
        self.cleaner = cleaner
        self.fetcher = fetcher
    }

    /// A stored snapshot and the article its expected text came from.
    public struct Recorded: Sendable {
        /// The new snapshot.
        public let snapshot: Snapshot
        /// Its `.json`.
        public let metadata: SnapshotMetadata
        /// The clean result stored as its `.txt`.
        public let article: Article
    }

    /// Fetches `url` and stores `<host>/<name>.html` (the bytes as fetched), `.json` and `.txt`.
    ///
    /// - Parameters:
    ///   - name: the snapshot name; default ``defaultName(for:)``.
    ///   - force: replace an existing snapshot of that name (and drop its pending page).
    /// - Throws: ``SnapshotLifecycleError``: `.snapshot(.alreadyExists)` without `force`;
    ///   `.fetch` / `.unexpectedStatus` when there is no page (nothing is written then).
    public func add(url: String, name: String? = nil, force: Bool = false) async throws(SnapshotLifecycleError) -> Recorded {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = parsed.host?.lowercased(), !host.isEmpty else {
            throw .invalidURL(url)
        }
        let name = name ?? Self.defaultName(for: parsed)
        guard Self.isValidName(name) else { throw .invalidName(name) }
        let snapshot = Snapshot(root: store.root, host: host, name: name)
        // Checked before fetching so a refusal costs the site nothing; checked again under the lock.
        if !force && exists(snapshot) { throw .snapshot(.alreadyExists(id: snapshot.id)) }

        let response: FetchResponse
        do {
            response = try await fetcher.fetch(FetchRequest(url: url))
        } catch {
            throw .fetch(error)
        }
        guard response.isSuccess else { throw .unexpectedStatus(url: url, status: response.status) }
        let fetched = FetchedPage(response: response, requestedURL: url)
        let article: Article
        do { article = try cleaner.clean(fetched.page) } catch { throw .clean(error) }
        let metadata = fetched.metadata(charset: article.charset)

        let lock = try await SnapshotLock.acquireForLifecycle(snapshot)
        defer { withExtendedLifetime(lock) {} }
        if !force && exists(snapshot) { throw .snapshot(.alreadyExists(id: snapshot.id)) }
        let files = StagedFiles()
        do {
            try files.stage(Data(fetched.bytes), at: snapshot.htmlURL)
            try files.stage(metadata, at: snapshot.metadataURL)
            try files.stage(expectedTextData(article.text), at: snapshot.expectedTextURL)
            files.removeOnCommit(snapshot.pendingHTMLURL)
            files.removeOnCommit(snapshot.pendingMetadataURL)
            if Task.isCancelled { throw SnapshotLifecycleError.cancelled(id: snapshot.id) }
            try files.commit()
        } catch let error as SnapshotError {
            throw .snapshot(error)
        } catch {
            throw .cancelled(id: snapshot.id)
        }
        return Recorded(snapshot: snapshot, metadata: metadata, article: article)
    }

    private func exists(_ snapshot: Snapshot) -> Bool {
        [snapshot.htmlURL, snapshot.metadataURL].contains { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// A snapshot name from the URL's path: its last segment without a file extension, lowercased,
    /// runs of anything but ASCII letters and digits turned into `-` (`/news/784421-Lavrov/` →
    /// `784421-lavrov`). A path without such characters (`/`, or all non-Latin) gives the host's
    /// first label plus a short hash of the URL, so different pages still get different names.
    public static func defaultName(for url: URL) -> String {
        let segments = url.path.split(separator: "/").map(String.init)
        var candidate = segments.last ?? ""
        if let dot = candidate.lastIndex(of: "."), dot != candidate.startIndex,
           ["html", "htm", "php", "asp", "aspx", "jsp", "shtml"].contains(candidate[candidate.index(after: dot)...].lowercased()) {
            candidate = String(candidate[..<dot])
        }
        let slug = slugified(candidate)
        if !slug.isEmpty, !["index", "default"].contains(slug) {
            return String(slug.prefix(80))
        }
        if segments.count > 1 {
            let parent = slugified(segments[segments.count - 2])
            if !parent.isEmpty { return String(parent.prefix(80)) }
        }
        let label = slugified(url.host?.split(separator: ".").first.map(String.init) ?? "page")
        return "\(label.isEmpty ? "page" : label)-\(SHA256.hex(Array(url.absoluteString.utf8)).prefix(8))"
    }

    /// Whether `name` can be a snapshot file name: no path separators, no leading dot (those are
    /// lock and temporary files), and not ending in `.new` (that would collide with pending pages).
    public static func isValidName(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= 200, !name.hasPrefix("."), !name.hasSuffix(".new") else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar))
        }
    }

    private static func slugified(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in (text.removingPercentEncoding ?? text).lowercased().unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return slug
    }
}
