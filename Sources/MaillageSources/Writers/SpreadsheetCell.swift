import MaillageCore

/// The one rule for what Maillage writes into a CSV cell, in every dialect and every file (the national standard, the
/// diagnostic, the workshop matrix, corrections, partnerships, orientations, the journal): a text a spreadsheet would
/// run as a formula (``Swift/String/startsLikeFormula``) gets a leading apostrophe, which spreadsheets read as « text »
/// and do not show. A plain number keeps its sign (a longitude `-0.5`, a telephone `+33327000000` as the standard
/// writes it): an optional sign, digits, at most one decimal mark (`.` or `,`) and an exponent (`-1e-05`, as Swift
/// writes a small coordinate), which no function, reference or operator can hide in.
public enum SpreadsheetCell {
    public static func inert(_ text: String) -> String {
        guard text.startsLikeFormula, !isPlainNumber(text) else { return text }
        return "'" + text
    }

    /// The cell as it was before ``inert(_:)``: what Maillage reads back from a standard file it wrote.
    public static func restored(_ cell: String) -> String {
        guard cell.utf8.first == UInt8(ascii: "'") else { return cell }
        let text = String(cell.dropFirst())
        return inert(text) == cell ? text : cell
    }

    static func isPlainNumber(_ text: String) -> Bool {
        var rest = text.utf8[...]
        func skip(_ accepted: (UInt8) -> Bool) -> Bool {
            guard let byte = rest.first, accepted(byte) else { return false }
            rest = rest.dropFirst()
            return true
        }
        func digits() -> Bool {
            let count = rest.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            rest = rest.dropFirst(count)
            return count > 0
        }
        let sign: (UInt8) -> Bool = { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
        _ = skip(sign)
        guard digits() else { return false }
        if skip({ $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }), !digits() { return false }
        if skip({ $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            _ = skip(sign)
            guard digits() else { return false }
        }
        return rest.isEmpty
    }
}
