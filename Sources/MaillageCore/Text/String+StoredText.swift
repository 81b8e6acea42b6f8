extension String {
    /// The length of the text as the database counts it (SQLite's `length()`, PostgreSQL's `char_length()`): Unicode
    /// scalars. Swift's `count` counts what a reader sees as one character, so « e » followed by 300 combining accents
    /// is 1 for Swift and 301 for the database: every limit on a text that is stored is checked with this one.
    public var storedLength: Int { unicodeScalars.count }

    /// Whether a spreadsheet would take the text for a formula: it starts with `=`, `+`, `-`, `@`, a tab or a carriage
    /// return (OWASP's list for CSV injection), or their full-width forms (`＝＋－＠`, which some spreadsheets fold), once
    /// any leading space is skipped (some spreadsheets trim it). Every CSV writer makes such a cell inert; a name a
    /// person types may not start so (``DeclaredName``).
    public var startsLikeFormula: Bool {
        guard let first = unicodeScalars.first(where: { $0 == "\t" || $0 == "\r" || !$0.properties.isWhitespace }) else { return false }
        return Self.formulaStarts.contains(first)
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]
}

/// A name a person types that Maillage may later write into a CSV file (a place, a structure, a persona, a participant,
/// an account): refused when a spreadsheet would take it for a formula, with this expectation.
public enum DeclaredName {
    public static let expectation = "un nom qui ne commence pas par =, +, - ou @ (un tableur le prendrait pour une formule)"

    /// Whether the name (trimmed) starts like a formula.
    public static func isRefused(_ name: String) -> Bool { name.trimmed.startsLikeFormula }
}
