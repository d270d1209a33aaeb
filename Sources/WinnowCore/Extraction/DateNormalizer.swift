import Foundation

/// Turns the date formats pages publish into ISO 8601.
///
/// Accepts ISO 8601 and its common variants (space instead of `T`, `/` separators, compact
/// `20191119`, fractions of seconds, offsets with or without a colon) and RFC 2822 dates
/// (`Tue, 19 Nov 2019 10:30:00 GMT`). The page's offset is kept; UTC is written `Z`.
enum DateNormalizer {
    /// The ISO 8601 form of `text`, or nil when it is not a date this parser reads.
    static func iso8601(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return parseISOLike(Array(trimmed.utf8)) ?? parseRFC2822(trimmed)
    }

    /// `text` normalised when possible, else trimmed; nil for blank text.
    static func normalized(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        return iso8601(trimmed) ?? trimmed
    }

    private static func parseISOLike(_ bytes: [UInt8]) -> String? {
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + digits] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += digits
            return value
        }
        func skip(_ allowed: Set<UInt8>) -> Bool {
            guard index < bytes.count, allowed.contains(bytes[index]) else { return false }
            index += 1
            return true
        }
        guard let year = number(4), year >= 1000 else { return nil }
        let separated = skip([0x2D, 0x2F])  // - /
        guard let month = number(2), (1...12).contains(month) else { return nil }
        if separated, !skip([0x2D, 0x2F]) { return nil }
        guard let day = number(2), (1...31).contains(day) else { return nil }
        var result = String(format: "%04d-%02d-%02d", year, month, day)
        guard index < bytes.count else { return result }
        guard skip([0x54, 0x74, 0x20]) else { return nil }  // T t space
        guard let hour = number(2), hour < 25 else { return nil }
        guard skip([0x3A]), let minute = number(2), minute < 60 else { return nil }
        var second = 0
        if skip([0x3A]) {
            guard let value = number(2), value < 61 else { return nil }
            second = value
            if skip([0x2E, 0x2C]) {
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            }
        }
        result += String(format: "T%02d:%02d:%02d", hour, minute, second)
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        guard index < bytes.count else { return result }
        let rest = String(decoding: bytes[index...], as: UTF8.self)
        if rest == "Z" || rest == "z" || rest == "UTC" || rest == "GMT" || rest == "+00:00" || rest == "+0000" {
            return result + "Z"
        }
        guard let sign = bytes.indices.contains(index) ? bytes[index] : nil, sign == 0x2B || sign == 0x2D else { return nil }
        index += 1
        guard let offsetHours = number(2), offsetHours < 15 else { return nil }
        _ = skip([0x3A])
        let offsetMinutes = number(2) ?? 0
        guard index == bytes.count else { return nil }
        if offsetHours == 0, offsetMinutes == 0 { return result + "Z" }
        return result + (sign == 0x2B ? "+" : "-") + String(format: "%02d:%02d", offsetHours, offsetMinutes)
    }

    private static func parseRFC2822(_ text: String) -> String? {
        guard text.count >= 11, text.first?.isLetter == true || text.first?.isNumber == true else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEE, dd MMM yyyy HH:mm:ss Z", "dd MMM yyyy HH:mm:ss Z",
                       "EEE, dd MMM yyyy HH:mm zzz", "MMMM d, yyyy", "MMM d, yyyy"] {
            formatter.dateFormat = format
            guard let date = formatter.date(from: text) else { continue }
            let output = DateFormatter()
            output.locale = Locale(identifier: "en_US_POSIX")
            output.timeZone = TimeZone(identifier: "UTC")
            output.dateFormat = format.contains("HH") ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd"
            return output.string(from: date)
        }
        return nil
    }
}
