/// Maps the many labels pages use for an encoding to one name that iconv understands.
///
/// Follows the WHATWG Encoding Standard where it matters in practice: `iso-8859-1`, `latin1` and
/// `us-ascii` mean windows-1252 on the web, `gb2312` means GBK.
enum CharsetLabel {
    private static let aliases: [String: String] = [
        "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8", "x-unicode20utf8": "utf-8",
        "ascii": "windows-1252", "us-ascii": "windows-1252", "iso-8859-1": "windows-1252",
        "iso8859-1": "windows-1252", "latin1": "windows-1252", "l1": "windows-1252",
        "cp1252": "windows-1252", "x-cp1252": "windows-1252", "iso_8859-1": "windows-1252",
        "cp1251": "windows-1251", "x-cp1251": "windows-1251",
        "cp1256": "windows-1256", "x-cp1256": "windows-1256",
        "cp1250": "windows-1250", "cp1253": "windows-1253", "cp1254": "windows-1254",
        "cp1255": "windows-1255", "cp1257": "windows-1257", "cp1258": "windows-1258",
        "gb2312": "gbk", "x-gbk": "gbk", "gb_2312-80": "gbk", "chinese": "gbk",
        "sjis": "shift_jis", "x-sjis": "shift_jis", "ms_kanji": "shift_jis", "windows-31j": "shift_jis",
        "ks_c_5601-1987": "euc-kr", "windows-949": "euc-kr",
        "koi8r": "koi8-r", "iso-8859-9": "windows-1254", "latin5": "windows-1254",
        "iso-8859-11": "windows-874", "tis-620": "windows-874",
        "utf-16": "utf-16le", "ucs-2": "utf-16le",
    ]

    /// The canonical label for `label`, or nil when it is empty or obviously not a charset name.
    static func canonical(_ label: String) -> String? {
        let trimmed = label.trimmingASCIIWhitespaceAndQuotes().lowercased()
        guard !trimmed.isEmpty, trimmed.count <= 40,
              trimmed.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.:".contains($0)) })
        else { return nil }
        return aliases[trimmed] ?? trimmed
    }
}

extension String {
    func trimmingASCIIWhitespaceAndQuotes() -> String {
        let junk: Set<Character> = [" ", "\t", "\n", "\r", "\"", "'"]
        var slice = Substring(self)
        while let first = slice.first, junk.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, junk.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
