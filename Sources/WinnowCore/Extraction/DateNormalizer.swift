import Foundation

/// Turns the date formats pages publish into ISO 8601.
///
/// Accepts ISO 8601 and its common variants (space instead of `T`, `/` separators, compact
/// `20191119`, fractions of seconds, offsets with or without a colon) and RFC 2822 dates
/// (`Tue, 19 Nov 2019 10:30:00 GMT`). The page's offset is kept; UTC is written `Z`.
enum DateNormalizer {
    /// The ISO 8601 form of `text`, or nil when it is not a date this parser reads.
    static func iso8601(_ text: String) -> String? {
        let trimmed = text.trimmedWhitespace
        return parseISOLike(Array(trimmed.utf8)) ?? parseRFC2822(trimmed)
    }

    /// `text` normalised when possible, else trimmed; nil for blank text.
    static func normalized(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = text.trimmedWhitespace
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

    private static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
        "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    ]
    /// Zone names RFC 2822 allows besides numeric offsets, in minutes east of UTC.
    private static let zones: [String: Int] = [
        "gmt": 0, "ut": 0, "utc": 0, "z": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
        "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
    ]

    /// RFC 2822 (`Tue, 19 Nov 2019 10:30:00 GMT`, `19 Nov 2019 10:30 +0100`) and English
    /// month-first dates (`November 19, 2019`, `Nov 19, 2019`). Parsed by hand: building
    /// DateFormatters per call cost more than the rest of metadata extraction.
    private static func parseRFC2822(_ text: String) -> String? {
        let tokens = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        var index = 0
        if let first = tokens.first, first.count >= 3, first.allSatisfy(\.isLetter), months[String(first.prefix(3))] == nil {
            index += 1  // weekday name
        }
        guard index < tokens.count else { return nil }
        var day: Int?
        var month: Int?
        if let number = Int(tokens[index]) {
            day = number
            index += 1
            guard index < tokens.count, tokens[index].count >= 3 else { return nil }
            month = months[String(tokens[index].prefix(3))]
        } else {
            guard tokens[index].count >= 3 else { return nil }
            month = months[String(tokens[index].prefix(3))]
            index += 1
            guard index < tokens.count else { return nil }
            day = Int(tokens[index])
        }
        index += 1
        guard let day, let month, (1...31).contains(day), index < tokens.count,
              let year = Int(tokens[index]), (1000...9999).contains(year) else { return nil }
        index += 1
        let date = String(format: "%04d-%02d-%02d", year, month, day)
        guard index < tokens.count else { return date }
        let clock = tokens[index].split(separator: ":").map { Int($0) }
        guard clock.count >= 2, clock.count <= 3, clock.allSatisfy({ $0 != nil }) else { return nil }
        let (hour, minute, second) = (clock[0]!, clock[1]!, clock.count == 3 ? clock[2]! : 0)
        guard hour < 24, minute < 60, second < 61 else { return nil }
        index += 1
        var offset = 0
        if index < tokens.count {
            let zone = tokens[index]
            if let named = zones[zone] {
                offset = named
            } else if zone.count == 5, let sign = zone.first, sign == "+" || sign == "-", let value = Int(zone.dropFirst()) {
                offset = (sign == "-" ? -1 : 1) * (value / 100 * 60 + value % 100)
            } else {
                return nil
            }
        }
        let time = String(format: "T%02d:%02d:%02d", hour, minute, second)
        if offset == 0 { return date + time + "Z" }
        return date + time + (offset < 0 ? "-" : "+") + String(format: "%02d:%02d", abs(offset) / 60, abs(offset) % 60)
    }
}
