import Foundation

/// The unit in which a client address is counted by the caps and throttles: an IPv4 address alone, an IPv6 address by
/// its /64 network (one subscriber's line or one host usually holds a whole /64, so counting per /128 would let one
/// machine pose as 2⁶⁴ clients). An IPv4 address written as IPv6 (`::ffff:192.0.2.1`) is its IPv4 address.
public enum AddressGroup {
    /// The group of an address as the socket or a trusted proxy gives it; text that is no address is its own group.
    public static func of(_ address: String) -> String {
        let bare = address.split(separator: "%", maxSplits: 1).first.map(String.init) ?? address
        guard bare.contains(":"), let groups = hextets(bare) else { return bare }
        if groups[0..<5].allSatisfy({ $0 == 0 }) && groups[5] == 0xFFFF {
            return [groups[6] >> 8, groups[6] & 0xFF, groups[7] >> 8, groups[7] & 0xFF].map(String.init).joined(separator: ".")
        }
        return groups[0..<4].map { String($0, radix: 16) }.joined(separator: ":") + "::/64"
    }

    /// The eight 16-bit groups of an IPv6 address (with `::` and a trailing dotted IPv4 expanded), nil if malformed.
    private static func hextets(_ text: String) -> [UInt16]? {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        /// The groups of one side of `::`; a dotted IPv4 address only as the address's very last piece.
        func parse(_ part: String, endsTheAddress: Bool) -> [UInt16]? {
            guard !part.isEmpty else { return [] }
            var result: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if piece.contains(".") {
                    let octets = piece.split(separator: ".", omittingEmptySubsequences: false)
                        .map { digits in digits.allSatisfy { ("0"..."9").contains($0) } ? UInt8(digits) : nil }
                    guard endsTheAddress, index == pieces.count - 1, octets.count == 4, let octets = octets as? [UInt8] else { return nil }
                    result += [UInt16(octets[0]) << 8 | UInt16(octets[1]), UInt16(octets[2]) << 8 | UInt16(octets[3])]
                } else {
                    guard (1...4).contains(piece.count), piece.allSatisfy(\.isHexDigit), let value = UInt16(piece, radix: 16) else { return nil }
                    result.append(value)
                }
            }
            return result
        }
        guard let head = parse(halves[0], endsTheAddress: halves.count == 1),
            let tail = halves.count == 2 ? parse(halves[1], endsTheAddress: true) : []
        else { return nil }
        if halves.count == 1 { return head.count == 8 ? head : nil }
        guard head.count + tail.count <= 7 else { return nil }
        return head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
    }
}
