/// A parsed CSV file: header and rows, each row with the line number where it starts.
///
/// Handles what French open data does: `,` or `;` separators (detected from the header), quoted fields with
/// separators, quotes and newlines inside, CRLF, LF or CR-only line ends, a leading line that is not the header (see
/// `skipLines`). Strict where a mistake would shift data (RFC 4180): a row whose field count differs from the
/// header's, text after a closing quote, or a quote never closed (a download cut inside a field) makes the row
/// malformed — listed in ``malformed`` with its physical line, never in ``rows``.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// 1-based line number of the row's first physical line.
        public var line: Int
        public var fields: [String]
    }

    /// A row that cannot be read without shifting or cutting its fields.
    public struct Malformed: Sendable, Hashable {
        public var line: Int
        public var message: String
    }

    public var header: [String]
    public var rows: [Row]
    public var malformed: [Malformed]
    public var separator: Character

    public init(text: String, separator: Character? = nil, skipLines: Int = 0) {
        var lines = 1
        var index = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        for _ in 0..<skipLines {
            while index < scalars.endIndex, scalars[index] != "\n" { index = scalars.index(after: index) }
            if index < scalars.endIndex { index = scalars.index(after: index); lines += 1 }
        }
        let rest = String(scalars[index...])
        let sep = separator ?? Self.detectSeparator(rest)
        let (all, damaged) = Self.parse(rest, separator: sep, firstLine: lines)
        var parsed = all
        self.separator = sep
        self.header = parsed.isEmpty ? [] : parsed.removeFirst().fields.map { $0.trimmed }
        let width = header.count
        let broken = Set(damaged.map(\.line))
        var malformed = damaged
        rows = parsed.filter { row in
            if broken.contains(row.line) { return false }
            guard row.fields.count == width else {
                malformed.append(
                    Malformed(
                        line: row.line,
                        message:
                            "\(row.fields.count) champ(s) au lieu des \(width) de l'en-tête (séparateur « \(sep) ») : ligne ignorée pour ne pas décaler les colonnes"
                    ))
                return false
            }
            return true
        }
        self.malformed = malformed.sorted { $0.line < $1.line }
    }

    /// The column index of a header name, or nil.
    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    static func detectSeparator(_ text: String) -> Character {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        return firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
    }

    private static func parse(_ text: String, separator: Character, firstLine: Int) -> (rows: [Row], damaged: [Malformed]) {
        var rows: [Row] = []
        var damaged: [Malformed] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var afterClosingQuote = false
        var line = firstLine
        var rowStart = firstLine
        var atFieldStart = true
        let sepScalar = separator.unicodeScalars.first!
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        func endRow() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowStart, fields: fields)) }
            fields = []
            field = ""
            atFieldStart = true
            afterClosingQuote = false
        }
        func damage(_ message: String) {
            if damaged.last?.line != rowStart { damaged.append(Malformed(line: rowStart, message: message)) }
        }
        /// A line end outside quotes: `\n`, `\r\n`, or a lone `\r` (old Mac files).
        func newLine() {
            endRow()
            line += 1
            rowStart = line
        }
        while let scalar = next() {
            if inQuotes {
                if scalar == "\"" {
                    if let following = next() {
                        if following == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            inQuotes = false; afterClosingQuote = true; pending = following
                        }
                    } else {
                        inQuotes = false
                    }
                } else if scalar == "\r" {  // line ends inside a field become "\n"
                    let following = next()
                    if following != "\n" { pending = following }
                    line += 1
                    field.unicodeScalars.append("\n")
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where atFieldStart:
                inQuotes = true
                atFieldStart = false
            case sepScalar:
                fields.append(field)
                field = ""
                atFieldStart = true
                afterClosingQuote = false
            case "\r":
                let following = next()
                if following != "\n" { pending = following }
                newLine()
            case "\n":
                newLine()
            default:
                if afterClosingQuote {
                    damage("texte après un guillemet fermant (attendu : le séparateur « \(separator) » ou la fin de ligne)")
                }
                field.unicodeScalars.append(scalar)
                atFieldStart = false
            }
        }
        if inQuotes {
            damage(
                "guillemet ouvert jamais fermé (fichier coupé ou guillemet en trop) : la ligne et tout ce qui la suit jusqu'à la ligne \(line) sont illisibles"
            )
        }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return (rows, damaged)
    }
}

extension CSVTable.Row {
    /// The field at a column, or "" when the row is short.
    public subscript(column: Int?) -> String {
        guard let column, column < fields.count else { return "" }
        return fields[column]
    }
}
