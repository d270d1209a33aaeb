#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts page bytes in a known encoding to valid UTF-8 with glibc's iconv.
///
/// Winnow hands libxml2 nothing but valid UTF-8: libxml2 2.9 gives up on a whole page and re-reads
/// it as Latin-1 when it meets one invalid UTF-8 byte, and its built-in converters know fewer
/// encodings than iconv. Invalid or truncated sequences become U+FFFD, one per bad byte.
enum Transcoder {
    /// UTF-8 bytes for `bytes` decoded as `charset`; nil when iconv doesn't know the charset.
    static func utf8(from bytes: ArraySlice<UInt8>, charset: String) -> [UInt8]? {
        if charset == "utf-8" { return repairedUTF8(bytes) }
        guard let converter = IconvConverter(from: charset) else { return nil }
        return converter.convert(bytes)
    }

    /// `bytes` with every invalid UTF-8 sequence replaced by U+FFFD (no copy work when valid).
    static func repairedUTF8(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        let string = String(decoding: bytes, as: UTF8.self)
        return Array(string.utf8)
    }
}

/// Owns one iconv conversion descriptor.
private final class IconvConverter {
    private let descriptor: iconv_t

    init?(from charset: String) {
        let handle = iconv_open("UTF-8", charset.uppercased())
        guard let handle, handle != iconv_t(bitPattern: -1) else { return nil }
        descriptor = handle
    }

    deinit { iconv_close(descriptor) }

    func convert(_ input: ArraySlice<UInt8>) -> [UInt8] {
        var output = [UInt8]()
        output.reserveCapacity(input.count * 2 + 16)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        input.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base).assumingMemoryBound(to: CChar.self)
            var inLeft = source.count
            while inLeft > 0 {
                let (produced, status, error) = chunk.withUnsafeMutableBufferPointer { target -> (Int, Int, Int32) in
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(target.baseAddress!).assumingMemoryBound(to: CChar.self)
                    var outLeft = target.count
                    let status = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (target.count - outLeft, status, errno)
                }
                output.append(contentsOf: chunk[0..<produced])
                if status != -1 { break }
                switch error {
                case E2BIG:
                    continue
                default:
                    // EILSEQ (invalid) or EINVAL (truncated at the end): replace one byte and go on.
                    output.append(contentsOf: replacement)
                    inPointer = inPointer.map { $0 + 1 }
                    inLeft -= 1
                }
            }
        }
        return output
    }
}
