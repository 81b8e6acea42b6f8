import Foundation

/// How a CSV table is written: `standard` (`,`, `.` decimals, UTF-8) or `excel` (BOM, `;`, decimal commas), which
/// French Excel opens as it is.
public enum CSVDialect: String, Sendable, CaseIterable {
    case standard, excel

    var separator: UInt8 { self == .excel ? UInt8(ascii: ";") : UInt8(ascii: ",") }
    var decimalMark: UInt8 { self == .excel ? UInt8(ascii: ",") : UInt8(ascii: ".") }

    /// The rows, every field quoted, lines ended by CRLF.
    public func document(_ rows: [[String]]) -> Data {
        var writer = CSVTableWriter(dialect: self)
        for row in rows {
            for field in row { writer.field(field) }
            writer.endRow()
        }
        return Data(writer.take())
    }
}
