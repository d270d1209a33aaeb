import WinnowHTTP

/// Why `snapshot add` or `snapshot accept` could not do its work. Each names the URL or file.
public enum SnapshotLifecycleError: Error, Sendable, CustomStringConvertible {
    /// Reading or writing the snapshot files failed, or the snapshot exists (``SnapshotError/alreadyExists(id:)``).
    case snapshot(SnapshotError)
    /// The page could not be fetched.
    case fetch(FetchError)
    /// The server answered, but not with a page (a status other than 2xx); nothing was written.
    case unexpectedStatus(url: String, status: Int)
    /// The URL has no host, so no folder and no rule file can be picked.
    case invalidURL(String)
    /// `--name` is not usable as a file name.
    case invalidName(String)
    /// The page could not be cleaned.
    case clean(CleanError)
    /// The work was cancelled before anything was written.
    case cancelled(id: String)

    /// What went wrong, naming the URL or file, and what to do.
    public var description: String {
        switch self {
        case .snapshot(let error):
            return error.description
        case .fetch(let error):
            return error.message
        case .unexpectedStatus(let url, let status):
            return "\(url) answered HTTP \(status), not a page; nothing was written. Check the URL in a browser"
        case .invalidURL(let url):
            return "\(url): not an absolute http(s) URL with a host; pass the full URL, e.g. https://example.com/post"
        case .invalidName(let name):
            return "'\(name)' cannot be a snapshot name: use letters, digits, '-', '_' or '.', not starting with '.' nor ending in '.new'"
        case .clean(let error):
            return error.description
        case .cancelled(let id):
            return "\(id): cancelled; nothing was written"
        }
    }
}
