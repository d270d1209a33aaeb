/// Errors that stop a whole scrape (per-URL failures become records instead).
public enum ScrapeError: Error, Sendable, CustomStringConvertible {
    /// The URL list could not be read.
    case urlList(path: String, reason: String)
    /// The output file could not be created or written; records may be missing from it.
    case output(path: String, reason: String)
    /// The `--save-html` folder could not be written.
    case saveHTML(path: String, reason: String)

    public var description: String {
        switch self {
        case .urlList(let path, let reason):
            return "\(path): cannot read the URL list: \(reason)"
        case .output(let path, let reason):
            return "\(path): cannot write scrape output: \(reason); records already written are kept, run again to resume"
        case .saveHTML(let path, let reason):
            return "\(path): cannot save page: \(reason)"
        }
    }
}
