import MaillageCore

/// Writes places as a national standard CSV: the 32 columns in schema order, `,` between columns, `|` between values;
/// values the schema would refuse are left out (``StandardConformance``).
public enum StandardCSVWriter {
    public static func write(_ places: [Place]) -> String {
        var output = StandardColumn.allCases.map { quoted($0.rawValue) }.joined(separator: ",") + "\r\n"
        for place in places {
            let row = StandardRowCodec.encode(StandardConformance.conforming(place).place)
            output += StandardColumn.allCases.map { quoted(row[$0] ?? "") }.joined(separator: ",") + "\r\n"
        }
        return output
    }

    /// Every field quoted, inner quotes doubled (RFC 4180).
    static func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
