/// A QR code (ISO/IEC 18004) of some bytes, byte mode, error-correction level M (15 % of the symbol can be damaged),
/// versions 1 to 10 (up to 213 bytes: a URL with a short code fits in version 2 or 3). No QR library is in the
/// package set; this encoder is tested module for module against segno's output.
public struct QRCode: Sendable, Equatable {
    /// 1…10: the symbol is 17 + 4 × version modules wide.
    public let version: Int
    /// The data mask (0…7) chosen by the standard's penalty rules, or the one asked for.
    public let mask: Int
    /// `modules[row][column]`: true for a dark module. No quiet zone.
    public let modules: [[Bool]]

    public var size: Int { modules.count }

    /// Why bytes cannot be encoded: too many for version 10 at level M.
    public struct TooLong: Error, Sendable, Equatable {
        public let bytes: Int
    }

    /// Encodes `bytes` in the smallest version that holds them; `mask` forces a data mask (for tests).
    public init(bytes: [UInt8], mask forcedMask: Int? = nil) throws(TooLong) {
        guard let version = (1...10).first(where: { 4 + Self.countBits($0) + 8 * bytes.count <= 8 * Self.dataCodewords[$0] }) else {
            throw TooLong(bytes: bytes.count)
        }
        self.version = version
        let codewords = Self.interleaved(Self.dataCodewords(bytes, version: version), version: version)
        var matrix = Matrix(version: version)
        matrix.placeFunctionPatterns()
        matrix.place(codewords)
        let chosen =
            forcedMask ?? (0..<8).min { a, b in
                matrix.masked(a).penalty < matrix.masked(b).penalty
            }!
        mask = chosen
        modules = matrix.masked(chosen).modules
    }

    /// Encodes a text as its UTF-8 bytes.
    public init(text: String, mask: Int? = nil) throws(TooLong) { try self.init(bytes: Array(text.utf8), mask: mask) }

    // MARK: - Data

    /// Data codewords per version at level M.
    static let dataCodewords = [0, 16, 28, 44, 64, 86, 108, 124, 154, 182, 216]
    /// Error-correction codewords per block at level M.
    static let eccPerBlock = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26]
    /// Blocks at level M.
    static let blocks = [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5]

    /// Width of the byte count: 8 bits up to version 9, 16 from version 10.
    static func countBits(_ version: Int) -> Int { version < 10 ? 8 : 16 }

    /// Mode, count, bytes, terminator and padding, as codewords.
    static func dataCodewords(_ bytes: [UInt8], version: Int) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) { for shift in (0..<count).reversed() { bits.append((value >> shift) & 1 == 1) } }
        append(0b0100, 4)
        append(bytes.count, countBits(version))
        for byte in bytes { append(Int(byte), 8) }
        let capacity = 8 * dataCodewords[version]
        append(0, min(4, capacity - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var result = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while result.count < dataCodewords[version] {
            result.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return result
    }

    /// The data split into blocks (the last ones one codeword longer), each followed by its error correction, read
    /// column by column across the blocks.
    static func interleaved(_ data: [UInt8], version: Int) -> [UInt8] {
        let count = blocks[version], ecc = eccPerBlock[version]
        let shortLength = data.count / count, longBlocks = data.count % count
        var dataBlocks: [[UInt8]] = []
        var start = 0
        for index in 0..<count {
            let length = shortLength + (index >= count - longBlocks ? 1 : 0)
            dataBlocks.append(Array(data[start..<start + length]))
            start += length
        }
        let eccBlocks = dataBlocks.map { ReedSolomon.remainder(of: $0, degree: ecc) }
        var result: [UInt8] = []
        for column in 0...shortLength {
            for block in dataBlocks where column < block.count { result.append(block[column]) }
        }
        for column in 0..<ecc {
            for block in eccBlocks { result.append(block[column]) }
        }
        return result
    }
}
