import MaillageCore

/// Writes places as a national standard CSV: the 32 columns in schema order, `,` between columns, `|` between values,
/// every field quoted, a cell a spreadsheet would run as a formula made inert (``SpreadsheetCell``); values the schema
/// would refuse are left out (``StandardConformance``).
public enum StandardCSVWriter {
    public static func write(_ places: [Place]) -> String {
        let header = StandardColumn.allCases.map(\.rawValue)
        let rows = places.map { place in
            let row = StandardRowCodec.encode(StandardConformance.conforming(place).place)
            return StandardColumn.allCases.map { row[$0] ?? "" }
        }
        return String(decoding: CSVDialect.standard.document([header] + rows), as: UTF8.self)
    }
}
