import Foundation
import WinnowHTTP

/// A page fetched for a snapshot, with the metadata that would describe it once stored.
struct FetchedPage: Sendable {
    let response: FetchResponse
    /// The URL asked for; stored as `url` so the next refresh asks for the same one.
    let requestedURL: String

    var bytes: [UInt8] { response.body }
    var sha256: String { SHA256.hex(response.body) }

    /// The page for the cleaner, decoded as the server said (its `Content-Type` charset first).
    var page: Page {
        Page(bytes: response.body, url: requestedURL, charsetHint: response.charset, name: requestedURL)
    }

    /// Metadata for these bytes. `charset` is the decision the cleaner made, so a reader knows how
    /// the bytes were (and will be) decoded.
    func metadata(charset: CharsetDecision?, keeping previous: SnapshotMetadata? = nil) -> SnapshotMetadata {
        var metadata = SnapshotMetadata(url: requestedURL, fetchedAt: Timestamp.string(response.fetchedAt),
                                        status: response.status, sha256: sha256)
        metadata.finalURL = response.finalURL == requestedURL ? nil : response.finalURL
        metadata.contentType = response.contentType
        metadata.charset = charset?.name
        metadata.etag = response.etag
        metadata.lastModified = response.lastModified
        // Notes are a reviewer's and stay; attribution and `reconstructed` described the old bytes.
        metadata.notes = previous?.notes
        return metadata
    }
}

/// The expected-text file contents, as ``SnapshotStore/writeExpectedText(_:for:)`` writes them.
func expectedTextData(_ text: String) -> Data {
    Data((SnapshotStore.normalizedText(text) + "\n").utf8)
}
