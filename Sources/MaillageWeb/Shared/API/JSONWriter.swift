import Hummingbird

/// Writes JSON straight into a byte buffer, for the hot API responses that embed pre-encoded fragments
/// (see ``PlaceJSONCache``). Keys are written as given: callers pass the snake_case names of the API.
struct JSONWriter {
    private(set) var buffer: ByteBuffer
    /// One flag per open object or array: whether the next member needs a comma before it.
    private var needsComma: [Bool] = []

    init(capacity: Int = 4_096) { buffer = ByteBuffer(); buffer.reserveCapacity(capacity) }

    mutating func object(_ body: (inout JSONWriter) -> Void) { open(UInt8(ascii: "{"), body, close: UInt8(ascii: "}")) }
    mutating func array(_ body: (inout JSONWriter) -> Void) { open(UInt8(ascii: "["), body, close: UInt8(ascii: "]")) }

    /// Writes `"name":` inside an object; the value follows.
    mutating func key(_ name: String) {
        separate()
        writeString(name)
        buffer.writeInteger(UInt8(ascii: ":"))
        needsComma[needsComma.count - 1] = false
    }

    mutating func string(_ value: String?) {
        separate()
        if let value { writeString(value) } else { buffer.writeStaticString("null") }
    }

    mutating func number(_ value: Int?) {
        separate()
        if let value { buffer.writeString(String(value)) } else { buffer.writeStaticString("null") }
    }

    mutating func number(_ value: Double?) {
        separate()
        if let value, value.isFinite { buffer.writeString(value.description) } else { buffer.writeStaticString("null") }
    }

    mutating func bool(_ value: Bool) {
        separate()
        buffer.writeStaticString(value ? "true" : "false")
    }

    mutating func strings(_ values: [String]) { array { for value in values { $0.string(value) } } }

    /// Writes an already encoded JSON value as it is.
    mutating func raw(_ fragment: ByteBuffer) {
        separate()
        var fragment = fragment
        buffer.writeBuffer(&fragment)
    }

    private mutating func open(_ opening: UInt8, _ body: (inout JSONWriter) -> Void, close: UInt8) {
        separate()
        buffer.writeInteger(opening)
        needsComma.append(false)
        body(&self)
        needsComma.removeLast()
        buffer.writeInteger(close)
    }

    private mutating func separate() {
        guard let last = needsComma.last else { return }
        if last { buffer.writeInteger(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    private mutating func writeString(_ value: String) {
        var value = value
        value.withUTF8 { bytes in
            buffer.writeInteger(UInt8(ascii: "\""))
            var pending = 0
            for (offset, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[pending..<offset]))
                buffer.writeString(Self.escape(byte))
                pending = offset + 1
            }
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[pending...]))
            buffer.writeInteger(UInt8(ascii: "\""))
        }
    }

    private static func escape(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "\""): "\\\""
        case UInt8(ascii: "\\"): "\\\\"
        case UInt8(ascii: "\n"): "\\n"
        case UInt8(ascii: "\r"): "\\r"
        case UInt8(ascii: "\t"): "\\t"
        default: "\\u00" + String(byte, radix: 16).leftPadded(to: 2)
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
