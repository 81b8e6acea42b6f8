/// A 64-bit FNV-1a hash: the same text always gives the same value, on every machine and run.
public enum StableHash {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The hash as 16 lower-case hexadecimal digits.
    public static func hex(_ text: String) -> String { hex(bytes: text.utf8) }

    /// The hash of bytes as 16 lower-case hexadecimal digits.
    public static func hex(bytes: some Sequence<UInt8>) -> String {
        // Contiguous bytes (a response body, a native string) are read through a buffer pointer: iterating a
        // `ByteBufferView` through the generic sequence was a third of the search API's time (its ETag).
        let hash = bytes.withContiguousStorageIfAvailable { fnv1a($0) } ?? fnv1a(bytes)
        var digits = [UInt8](repeating: 0, count: 16)
        for position in 0..<16 { digits[15 - position] = hexDigits[Int((hash >> (4 * UInt64(position))) & 0xF)] }
        return String(decoding: digits, as: UTF8.self)
    }

    private static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
