import Foundation

/// How a CSV table is written: `standard` (`,`, `.` decimals, UTF-8) or `excel` (BOM, `;`, decimal commas), which
/// French Excel opens as it is.
public enum CSVDialect: String, Sendable, CaseIterable {
    case standard, excel

    var separator: String { self == .excel ? ";" : "," }

    /// A number with a fixed count of decimals, with this dialect's decimal mark.
    func number(_ value: Double, digits: Int) -> String {
        let text = String(format: "%.\(digits)f", value)
        return self == .excel ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// The rows, every field quoted, lines ended by CRLF.
    func document(_ rows: [[String]]) -> Data {
        let text = rows.map { $0.map(StandardCSVWriter.quoted).joined(separator: separator) }.joined(separator: "\r\n") + "\r\n"
        return (self == .excel ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8)
    }
}
