import CUchardet

/// Decides the character encoding of page bytes: byte-order mark, then the caller's hint (the HTTP
/// header), then `<meta>`, then detection.
///
/// The BOM outranks the header because browsers do the same: a page that starts with a UTF-8 BOM is
/// UTF-8 whatever a misconfigured server says.
public enum CharsetSniffer {
    /// How far into the page `<meta>` declarations are looked for. The HTML standard says 1,024
    /// bytes; real pages often put their meta tags after long inline scripts, so look further.
    static let metaScanLimit = 32 * 1024
    /// How many bytes libuchardet sees; more adds time, not accuracy.
    static let detectionLimit = 256 * 1024

    /// Decides how to decode `bytes`. `hint` is a charset label from outside the page (HTTP).
    public static func decide(_ bytes: [UInt8], hint: String? = nil) -> CharsetDecision {
        if let bom = byteOrderMark(bytes) {
            return CharsetDecision(name: bom.name, source: .bom)
        }
        if let hint, let label = CharsetLabel.canonical(hint) {
            return CharsetDecision(name: label, source: .header)
        }
        if let declared = metaCharset(bytes), let label = CharsetLabel.canonical(declared) {
            // An ASCII-compatible page can't really be UTF-16 if its meta tag was readable as ASCII.
            let name = label.hasPrefix("utf-16") ? "utf-8" : label
            return CharsetDecision(name: name, source: .meta)
        }
        return detect(bytes)
    }

    /// The encoding named by a byte-order mark, and the mark's length in bytes.
    public static func byteOrderMark(_ bytes: [UInt8]) -> (name: String, length: Int)? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return ("utf-8", 3) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return ("utf-16be", 2) }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return ("utf-16le", 2) }
        return nil
    }

    /// The charset a `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">`
    /// declares within the first ``metaScanLimit`` bytes, as written.
    public static func metaCharset(_ bytes: [UInt8]) -> String? {
        let end = min(bytes.count, metaScanLimit)
        var index = 0
        while index + 5 < end {
            // Look for "<meta" case-insensitively.
            if bytes[index] == UInt8(ascii: "<"),
               lower(bytes[index + 1]) == UInt8(ascii: "m"), lower(bytes[index + 2]) == UInt8(ascii: "e"),
               lower(bytes[index + 3]) == UInt8(ascii: "t"), lower(bytes[index + 4]) == UInt8(ascii: "a")
            {
                var tagEnd = index + 5
                while tagEnd < end, bytes[tagEnd] != UInt8(ascii: ">") { tagEnd += 1 }
                let tag = String(decoding: bytes[(index + 5)..<tagEnd].map(lower), as: UTF8.self)
                if let value = charsetParameter(in: tag) { return value }
                index = tagEnd
            }
            index += 1
        }
        return nil
    }

    /// Detection for pages that declare nothing: valid UTF-8 is UTF-8; otherwise libuchardet.
    static func detect(_ bytes: [UInt8]) -> CharsetDecision {
        if isValidUTF8(bytes) { return CharsetDecision(name: "utf-8", source: .detected) }
        let sample = bytes.prefix(detectionLimit)
        guard let detector = uchardet_new() else { return CharsetDecision(name: "utf-8", source: .fallback) }
        defer { uchardet_delete(detector) }
        let status = sample.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    uchardet_handle_data(detector, $0, buffer.count)
                }
            } ?? 0
        }
        uchardet_data_end(detector)
        guard status == 0, let raw = uchardet_get_charset(detector) else {
            return CharsetDecision(name: "utf-8", source: .fallback)
        }
        let detected = String(cString: raw)
        guard !detected.isEmpty, let label = CharsetLabel.canonical(detected) else {
            return CharsetDecision(name: "utf-8", source: .fallback)
        }
        return CharsetDecision(name: label, source: .detected)
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// The value after `charset=` in a lowercased meta tag body, or nil.
    private static func charsetParameter(in tag: String) -> String? {
        guard let range = tag.firstRange(of: "charset") else { return nil }
        var rest = tag[range.upperBound...].drop(while: { $0 == " " })
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\"" || $0 == "'" })
        let value = rest.prefix(while: { !" \"';/>\t\n\r".contains($0) })
        return value.isEmpty ? nil : String(value)
    }

    @inline(__always) private static func lower(_ byte: UInt8) -> UInt8 {
        (byte >= 65 && byte <= 90) ? byte + 32 : byte
    }
}
