/// Which character encoding a page was decoded with, and what said so.
public struct CharsetDecision: Sendable, Equatable, Codable {
    /// Where the decision came from, strongest first.
    public enum Source: String, Sendable, Codable {
        /// A byte-order mark at the start of the bytes (wins over everything, as in browsers).
        case bom
        /// The caller's hint, normally the `charset` parameter of the HTTP Content-Type header.
        case header
        /// A `<meta charset>` or `<meta http-equiv="Content-Type">` near the top of the page.
        case meta
        /// Nothing declared it: the bytes were valid UTF-8, or libuchardet recognised them.
        case detected
        /// Nothing declared it and detection failed: decoded as UTF-8, invalid bytes replaced.
        case fallback
    }

    /// The encoding's canonical lowercase label, e.g. `utf-8` or `windows-1256`.
    public let name: String
    public let source: Source

    public init(name: String, source: Source) {
        self.name = name
        self.source = source
    }
}
