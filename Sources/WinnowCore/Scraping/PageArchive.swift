import Foundation
import WinnowHTTP

/// Keeps fetched pages in the snapshot layout (`<dir>/<host>/<name>.html` + `.json`), so a
/// scraped page can be turned into a snapshot by copying it into `Snapshots/`.
struct PageArchive {
    let directory: URL

    func save(_ response: FetchResponse, requestedURL: String) throws(ScrapeError) {
        let host = Page.host(of: response.finalURL) ?? "unknown-host"
        let name = PageArchive.name(for: requestedURL)
        let snapshot = Snapshot(root: directory, host: host, name: name)
        var metadata = SnapshotMetadata(
            url: requestedURL, fetchedAt: Timestamp.string(response.fetchedAt),
            status: response.status, sha256: SHA256.hex(response.body))
        metadata.finalURL = response.finalURL == requestedURL ? nil : response.finalURL
        metadata.contentType = response.contentType
        metadata.charset = response.charset
        metadata.etag = response.etag
        metadata.lastModified = response.lastModified
        let store = SnapshotStore(root: directory)
        do {
            try store.writePage(response.body, to: snapshot.htmlURL)
            try store.writeMetadata(metadata, to: snapshot.metadataURL)
        } catch {
            throw .saveHTML(path: snapshot.htmlURL.path, reason: error.description)
        }
    }

    /// A file name for a URL: a slug of its path and query, with a short hash when the slug alone
    /// could collide (long or empty paths).
    static func name(for url: String) -> String {
        let components = URLComponents(string: url)
        let raw = (components?.path ?? "") + (components?.query.map { "-" + $0 } ?? "")
        var slug = ""
        for scalar in raw.lowercased().unicodeScalars {
            let character = Character(scalar)
            if character.isASCII, character.isLetter || character.isNumber {
                slug.append(character)
            } else if !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        slug = String(slug.trimmingCharacters(in: CharacterSet(charactersIn: "-")).suffix(80))
        let hash = String(SHA256.hex(Array(url.utf8)).prefix(8))
        return slug.isEmpty ? "index-\(hash)" : "\(slug)-\(hash)"
    }
}
