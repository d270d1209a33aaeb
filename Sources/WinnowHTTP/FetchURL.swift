import Foundation

/// Checks of request URLs and redirect targets, done in Swift before libcurl sees them so that the
/// errors can say precisely what was wrong.
enum FetchURL {
    /// The URL as sent: trimmed and without fragment, after checking it is absolute http(s) with a host.
    static func validated(_ text: String) throws(FetchError) -> URL {
        let trimmed = withoutFragment(text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard let url = parse(trimmed), let scheme = url.scheme?.lowercased() else {
            throw FetchError(kind: .invalidURL, url: text,
                             message: "'\(text)' is not an absolute URL; give a full URL such as https://example.com/page")
        }
        guard scheme == "http" || scheme == "https" else {
            throw FetchError(kind: .unsupportedScheme, url: text,
                             message: "'\(text)' uses the \(scheme) scheme; only http and https URLs can be fetched")
        }
        guard let host = url.host, !host.isEmpty else {
            throw FetchError(kind: .invalidURL, url: text,
                             message: "'\(text)' has no host name; give a full URL such as https://example.com/page")
        }
        return url
    }

    /// The absolute target of a `Location` header received from `base`, checked like a request URL.
    static func redirectTarget(_ location: String, from base: URL) throws(FetchError) -> URL {
        let trimmed = location.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let resolved = parse(trimmed, relativeTo: base)?.absoluteURL else {
            throw FetchError(kind: .invalidURL, url: base.absoluteString,
                             message: "\(base.absoluteString) redirected to an unparseable Location '\(location)'; the site's redirect is broken")
        }
        let scheme = resolved.scheme?.lowercased() ?? ""
        guard scheme == "http" || scheme == "https" else {
            throw FetchError(kind: .unsupportedScheme, url: base.absoluteString,
                             message: "\(base.absoluteString) redirected to '\(resolved.absoluteString)', which is not http(s); it was not followed")
        }
        return try validated(resolved.absoluteString)
    }

    /// Scheme, host and port in lowercase, with the default port made explicit: the unit of
    /// robots.txt files and of per-host politeness.
    static func origin(of url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? "http"
        let host = url.host?.lowercased() ?? ""
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\(host):\(port)"
    }

    /// Path plus query as robots.txt rules see it; "/" when empty.
    static func robotsPath(of url: URL) -> String {
        var path = url.path(percentEncoded: true)
        if path.isEmpty { path = "/" }
        if let query = url.query(percentEncoded: true) {
            path += "?" + query
        }
        return path
    }

    private static func withoutFragment(_ text: String) -> String {
        guard let hash = text.firstIndex(of: "#") else { return text }
        return String(text[..<hash])
    }

    /// Parses leniently: sites send Locations with spaces or raw UTF-8, which browsers accept.
    private static func parse(_ text: String, relativeTo base: URL? = nil) -> URL? {
        if let url = URL(string: text, relativeTo: base) {
            return url
        }
        var allowed = CharacterSet.urlQueryAllowed
        allowed.insert(charactersIn: "#%[]")
        guard let encoded = text.addingPercentEncoding(withAllowedCharacters: allowed) else { return nil }
        return URL(string: encoded, relativeTo: base)
    }
}
