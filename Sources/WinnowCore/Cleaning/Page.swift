import Foundation

/// Page bytes to clean, with what is known about where they came from.
public struct Page: Sendable {
    public var bytes: [UInt8]
    /// The page URL; its host picks the rule file.
    public var url: String?
    /// The charset from the HTTP Content-Type header, if the page was fetched.
    public var charsetHint: String?
    /// How errors name this page (a file path, or the URL).
    public var name: String

    public init(bytes: [UInt8], url: String? = nil, charsetHint: String? = nil, name: String? = nil) {
        self.bytes = bytes
        self.url = url
        self.charsetHint = charsetHint
        self.name = name ?? url ?? "<page>"
    }

    /// The lowercase host of ``url``, if it has one.
    public var host: String? {
        url.flatMap(Self.host(of:))
    }

    /// The lowercase host of `url`, if it parses and has one (what picks a rule file).
    public static func host(of url: String) -> String? {
        URL(string: url)?.host?.lowercased()
    }
}
