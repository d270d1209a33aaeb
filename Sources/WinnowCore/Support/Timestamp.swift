import Foundation

/// ISO 8601 timestamps as snapshot metadata stores them (`2026-11-29T09:00:00Z`, UTC).
public enum Timestamp {
    /// `date` in ISO 8601, UTC, whole seconds.
    public static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    /// Parses ISO 8601 with or without fractional seconds; nil when `text` is not a timestamp.
    public static func date(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle()) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
