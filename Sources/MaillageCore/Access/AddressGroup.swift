import Foundation

/// The unit in which a client address is counted by the caps and throttles: an IPv4 address alone, an IPv6 address by
/// its /64 network (one subscriber's line or one host usually holds a whole /64, so counting per /128 would let one
/// machine pose as 2⁶⁴ clients). An IPv4 address written as IPv6 (`::ffff:192.0.2.1`) is its IPv4 address.
public enum AddressGroup {
    /// The group of an address as the socket or a trusted proxy gives it; text that is no address is its own group.
    public static func of(_ address: String) -> String {
        let bare = address.split(separator: "%", maxSplits: 1).first.map(String.init) ?? address
        guard bare.contains(":"), let groups = hextets(bare) else { return bare }
        if groups[0..<5].allSatisfy({ $0 == 0 }) && groups[5] == 0xFFFF, let mapped = bare.split(separator: ":").last, mapped.contains(".") {
            return String(mapped)
        }
        return groups[0..<4].map { String($0, radix: 16) }.joined(separator: ":") + "::/64"
    }

    /// The eight 16-bit groups of an IPv6 address (with `::` and a trailing dotted IPv4 expanded), nil if malformed.
    private static func hextets(_ text: String) -> [UInt16]? {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func parse(_ part: String) -> [UInt16]? {
            guard !part.isEmpty else { return [] }
            var result: [UInt16] = []
            for piece in part.split(separator: ":", omittingEmptySubsequences: false) {
                if piece.contains(".") {
                    let octets = piece.split(separator: ".", omittingEmptySubsequences: false).compactMap { UInt8($0) }
                    guard octets.count == 4 else { return nil }
                    result += [UInt16(octets[0]) << 8 | UInt16(octets[1]), UInt16(octets[2]) << 8 | UInt16(octets[3])]
                } else {
                    guard (1...4).contains(piece.count), let value = UInt16(piece, radix: 16) else { return nil }
                    result.append(value)
                }
            }
            return result
        }
        guard let head = parse(halves[0]), let tail = halves.count == 2 ? parse(halves[1]) : [] else { return nil }
        if halves.count == 1 { return head.count == 8 ? head : nil }
        guard head.count + tail.count <= 7 else { return nil }
        return head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
    }
}
