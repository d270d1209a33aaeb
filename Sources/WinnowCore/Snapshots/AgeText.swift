import Foundation

/// Ages written the short way: `30s`, `30m`, `12h`, `7d`, `2w` (for `refresh --older-than` and `list`).
public enum AgeText {
    private static let units: [(suffix: Character, seconds: Int64)] = [
        ("w", 7 * 86_400), ("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1),
    ]

    /// Parses a whole number followed by one unit (`s`, `m`, `h`, `d`, `w`); nil otherwise.
    public static func parse(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let unit = trimmed.last, let seconds = units.first(where: { $0.suffix == unit })?.seconds,
              let count = Int64(trimmed.dropLast()), count >= 0 else { return nil }
        let (total, overflow) = count.multipliedReportingOverflow(by: seconds)
        return overflow ? nil : .seconds(total)
    }

    /// `duration` in its largest whole unit below weeks, rounded down (`3d`, `5h`, `12m`, `40s`).
    public static func format(_ duration: Duration) -> String {
        let seconds = duration.components.seconds
        for (suffix, size) in units.dropFirst() where seconds >= size || size == 1 {
            return "\(seconds / size)\(suffix)"
        }
        return "0s"
    }
}
