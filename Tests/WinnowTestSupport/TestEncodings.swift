/// Hand-made compressed bodies for tests, so the suite needs no zlib or brotli library: both formats
/// have an "uncompressed block" form that is trivial to write and that real decoders must accept.
public enum TestEncodings {
    /// `data` as a gzip member (RFC 1952) holding stored (uncompressed) deflate blocks (RFC 1951 §3.2.4).
    public static func gzipStored(_ data: [UInt8]) -> [UInt8] {
        // ID1 ID2, CM=8 (deflate), FLG=0, MTIME=0, XFL=0, OS=255 (unknown).
        var out: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]
        let maxBlock = 65_535
        var offset = 0
        repeat {
            let length = min(maxBlock, data.count - offset)
            let isFinal = offset + length == data.count
            // BFINAL in bit 0, BTYPE=00 (stored) in bits 1-2; the rest of the byte is padding.
            out.append(isFinal ? 1 : 0)
            appendLittleEndian(UInt16(length), to: &out)
            appendLittleEndian(~UInt16(length), to: &out)
            out.append(contentsOf: data[offset..<(offset + length)])
            offset += length
        } while offset < data.count
        appendLittleEndian(crc32(data), to: &out)
        appendLittleEndian(UInt32(truncatingIfNeeded: data.count), to: &out)
        return out
    }

    /// `data` as a brotli stream (RFC 7932) of uncompressed meta-blocks followed by an empty last one.
    public static func brotliUncompressed(_ data: [UInt8]) -> [UInt8] {
        var bits = BitWriter()
        bits.write(0, count: 1)  // WBITS = 16, the 1-bit encoding
        var offset = 0
        while offset < data.count {
            // MNIBBLES = 4 covers up to 65536 bytes and never has the forbidden zero top nibble.
            let length = min(65_536, data.count - offset)
            bits.write(0, count: 1)  // ISLAST = 0
            bits.write(0, count: 2)  // MNIBBLES code 0 → 4 nibbles
            bits.write(UInt32(length - 1), count: 16)  // MLEN - 1
            bits.write(1, count: 1)  // ISUNCOMPRESSED
            bits.alignToByte()
            bits.append(data[offset..<(offset + length)])
            offset += length
        }
        bits.write(1, count: 1)  // ISLAST
        bits.write(1, count: 1)  // ISLASTEMPTY
        bits.alignToByte()
        return bits.bytes
    }

    /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) as gzip uses it.
    public static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return ~crc
    }

    private static let crcTable: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = (value & 1) != 0 ? (0xEDB8_8320 ^ (value >> 1)) : (value >> 1)
        }
        return value
    }

    private static func appendLittleEndian<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
        for shift in stride(from: 0, to: T.bitWidth, by: 8) {
            out.append(UInt8(truncatingIfNeeded: value >> shift))
        }
    }
}

/// Writes bit fields least-significant bit first, as brotli packs them.
private struct BitWriter {
    private(set) var bytes: [UInt8] = []
    private var bitCount = 0

    mutating func write(_ value: UInt32, count: Int) {
        for index in 0..<count {
            if bitCount % 8 == 0 {
                bytes.append(0)
            }
            if (value >> index) & 1 == 1 {
                bytes[bytes.count - 1] |= UInt8(1) << (bitCount % 8)
            }
            bitCount += 1
        }
    }

    mutating func alignToByte() {
        bitCount = (bitCount + 7) / 8 * 8
    }

    /// Raw bytes; only valid at a byte boundary.
    mutating func append(_ raw: ArraySlice<UInt8>) {
        precondition(bitCount % 8 == 0, "raw bytes must start on a byte boundary")
        bytes.append(contentsOf: raw)
        bitCount += raw.count * 8
    }
}
