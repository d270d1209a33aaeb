import Foundation

/// What is known about a stored page: `Snapshots/<host>/<name>.json`.
public struct SnapshotMetadata: Codable, Sendable, Equatable {
    /// The URL the page was fetched from.
    public var url: String
    /// The URL after redirects, when different.
    public var finalURL: String?
    /// When the stored bytes were fetched (ISO 8601).
    public var fetchedAt: String
    public var status: Int
    /// The Content-Type header as received.
    public var contentType: String?
    /// The charset the page was decoded with.
    public var charset: String?
    public var etag: String?
    public var lastModified: String?
    /// SHA-256 of the `.html` bytes, lowercase hex.
    public var sha256: String
    /// Where the page came from when it was not fetched by Winnow (attribution), if anywhere.
    public var source: String?
    /// True when the page is a hand-made reconstruction, not bytes fetched from the site.
    public var reconstructed: Bool?
    public var notes: String?
    /// The outcome of the last `snapshot refresh`, and when it ran.
    public var lastRefresh: String?
    public var lastRefreshAt: String?

    public init(url: String, fetchedAt: String, status: Int, sha256: String) {
        self.url = url
        self.fetchedAt = fetchedAt
        self.status = status
        self.sha256 = sha256
    }

    enum CodingKeys: String, CodingKey {
        case url, status, charset, etag, sha256, source, reconstructed, notes
        case finalURL = "final_url"
        case fetchedAt = "fetched_at"
        case contentType = "content_type"
        case lastModified = "last_modified"
        case lastRefresh = "last_refresh"
        case lastRefreshAt = "last_refresh_at"
    }

    /// The `charset=` parameter of ``contentType``, if any.
    public var headerCharset: String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" {
                return parts[1].trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
            }
        }
        return nil
    }
}
