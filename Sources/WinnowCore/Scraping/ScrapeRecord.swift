import Foundation

/// One line of `winnow scrape` output: the clean page, or why there is none.
public struct ScrapeRecord: Codable, Sendable {
    /// Why a URL produced no article.
    public struct Failure: Codable, Sendable, Equatable {
        /// `dns`, `connect`, `timeout`, `tls`, `http`, `too_large`, `robots`, `invalid_url`,
        /// `redirect_loop`, `too_many_redirects`, `unsupported_scheme`, `network`, `bad_encoding`,
        /// `cancelled`, `not_html` (binary content), `parse` (the page could not be cleaned) or `other`.
        public var kind: String
        public var message: String
    }

    public var url: String
    public var finalURL: String?
    public var status: Int?
    public var fetchedAt: String?
    public var contentType: String?
    public var charset: ArticleRecord.Charset?
    public var title: String?
    public var metadata: ArticleMetadata?
    public var text: String?
    public var ruleFile: String?
    public var extractor: String?
    public var warnings: [String]?
    /// Transfer time plus cleaning time, in milliseconds (not time spent waiting for politeness limits).
    public var elapsedMilliseconds: Int?
    public var error: Failure?

    public init(url: String) {
        self.url = url
    }

    enum CodingKeys: String, CodingKey {
        case url, status, title, metadata, text, extractor, warnings, error, charset
        case finalURL = "final_url"
        case fetchedAt = "fetched_at"
        case contentType = "content_type"
        case ruleFile = "rule_file"
        case elapsedMilliseconds = "elapsed_ms"
    }

    /// A record for a URL that failed.
    public static func failure(url: String, kind: String, message: String) -> ScrapeRecord {
        var record = ScrapeRecord(url: url)
        record.error = Failure(kind: kind, message: message)
        return record
    }

    public var succeeded: Bool { error == nil }

    /// The record as one line of JSON (no newline).
    public func jsonLine() -> String {
        String(decoding: jsonLineData(), as: UTF8.self)
    }

    /// The record as one line of JSON, ending in a newline when `newline` (a JSON Lines line).
    /// Safe to call from many tasks at once (the encoder is shared and never mutated).
    func jsonLineData(newline: Bool = false) -> Data {
        var data = (try? Self.encoder.encode(self))
            ?? Data(#"{"error":{"kind":"other","message":"record could not be encoded"},"url":"\#(url)"}"#.utf8)
        if newline { data.append(UInt8(ascii: "\n")) }
        return data
    }

    /// One encoder for every record rather than a new one per record.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
