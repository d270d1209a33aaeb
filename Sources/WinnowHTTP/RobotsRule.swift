/// One `Allow` or `Disallow` line, with `*` (any run of characters) and a trailing `$` (end of URL).
public struct RobotsRule: Sendable, Hashable {
    /// True for `Allow`, false for `Disallow`.
    public let allow: Bool
    /// The pattern as written in the file.
    public let pattern: String

    private let bytes: [UInt8]
    private let anchored: Bool

    public init(allow: Bool, pattern: String) {
        self.allow = allow
        self.pattern = pattern
        var normalised = Self.normalise(pattern)
        anchored = normalised.last == UInt8(ascii: "$")
        if anchored {
            normalised.removeLast()
        }
        bytes = normalised
    }

    /// Longer patterns are more specific (RFC 9309 §2.2.2: the most octets wins).
    var specificity: Int { bytes.count + (anchored ? 1 : 0) }

    /// Whether the rule covers `path`, already normalised with ``normalise(_:)``.
    func matches(_ path: [UInt8]) -> Bool {
        // Every position in `path` reachable after consuming a prefix of the pattern; `*` widens the
        // set to everything from its smallest member on. Linear in pattern × path, no backtracking blow-up.
        var positions: [Int] = [0]
        for byte in bytes {
            if byte == UInt8(ascii: "*") {
                guard let first = positions.first else { return false }
                positions = Array(first...path.count)
                continue
            }
            var next: [Int] = []
            for position in positions where position < path.count && path[position] == byte {
                next.append(position + 1)
            }
            guard !next.isEmpty else { return false }
            positions = next
        }
        return anchored ? positions.contains(path.count) : !positions.isEmpty
    }

    /// Bytes in the form URLs are compared in: non-ASCII percent-encoded as UTF-8, percent escapes in
    /// upper case, so `/caf%c3%a9`, `/caf%C3%A9` and `/café` all compare equal.
    static func normalise(_ text: String) -> [UInt8] {
        let hex = Array("0123456789ABCDEF".utf8)
        let utf8 = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%"), index + 2 < utf8.count, isHexDigit(utf8[index + 1]), isHexDigit(utf8[index + 2]) {
                out.append(byte)
                out.append(upper(utf8[index + 1]))
                out.append(upper(utf8[index + 2]))
                index += 3
                continue
            }
            if byte >= 0x80 || byte <= 0x20 {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }

    private static func upper(_ byte: UInt8) -> UInt8 {
        (0x61...0x66).contains(byte) ? byte - 0x20 : byte
    }

    public static func == (lhs: RobotsRule, rhs: RobotsRule) -> Bool {
        lhs.allow == rhs.allow && lhs.pattern == rhs.pattern
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(allow)
        hasher.combine(pattern)
    }
}
