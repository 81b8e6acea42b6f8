import MaillageCore

/// Writes a CSV table into bytes, field by field, in a ``CSVDialect``: every field quoted, inner quotes doubled
/// (RFC 4180), lines ended by CRLF, numbers with the dialect's decimal mark; a text field a spreadsheet would run as a
/// formula is made inert, in both dialects (``SpreadsheetCell``).
///
/// Pure Swift on UTF-8 bytes: a national diagnostic has ten million fields, and Foundation's string scans and
/// `String(format:)` per field were most of its time.
struct CSVTableWriter {
    let dialect: CSVDialect
    private var bytes: [UInt8] = []
    private var atRowStart = true

    init(dialect: CSVDialect, capacity: Int = 1 << 16) {
        self.dialect = dialect
        bytes.reserveCapacity(capacity)
        if dialect == .excel { bytes += [0xEF, 0xBB, 0xBF] }
    }

    /// Bytes written so far.
    var count: Int { bytes.count }

    /// Hands over what was written and starts an empty buffer (to stream a long table in chunks).
    mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    mutating func field(_ text: String) {
        startField()
        bytes.append(UInt8(ascii: "\""))
        var text = SpreadsheetCell.inert(text)
        text.withUTF8 { utf8 in
            if !utf8.contains(UInt8(ascii: "\"")) {
                bytes.append(contentsOf: utf8)
            } else {
                for byte in utf8 {
                    bytes.append(byte)
                    if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func integer(_ value: Int) {
        startField()
        bytes.append(UInt8(ascii: "\""))
        FixedPoint.appendDigits(of: value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// A number with exactly `digits` decimals, rounded as `printf` rounds, `""` when not finite.
    mutating func number(_ value: Double, digits: Int) {
        guard value.isFinite else { return field("") }
        startField()
        bytes.append(UInt8(ascii: "\""))
        FixedPoint.append(value, digits: digits, separator: [dialect.decimalMark], to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func endRow() {
        bytes += [UInt8(ascii: "\r"), UInt8(ascii: "\n")]
        atRowStart = true
    }

    private mutating func startField() {
        if !atRowStart { bytes.append(dialect.separator) }
        atRowStart = false
    }
}
