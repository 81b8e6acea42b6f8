/// A parsed CSV file: header and rows, each row with the line number where it starts.
///
/// Handles what French open data does: `,` or `;` separators (detected from the header), quoted fields with
/// separators, quotes and newlines inside, CRLF line ends, a leading line that is not the header (see `skipLines`).
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// 1-based line number of the row's first physical line.
        public var line: Int
        public var fields: [String]
    }

    public var header: [String]
    public var rows: [Row]
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
        var parsed = Self.parse(rest, separator: sep, firstLine: lines)
        self.separator = sep
        self.header = parsed.isEmpty ? [] : parsed.removeFirst().fields.map { $0.trimmed }
        self.rows = parsed
    }

    /// The column index of a header name, or nil.
    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    static func detectSeparator(_ text: String) -> Character {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        return firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
    }

    private static func parse(_ text: String, separator: Character, firstLine: Int) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
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
        }
        while let scalar = next() {
            if inQuotes {
                if scalar == "\"" {
                    if let following = next() {
                        if following == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = following }
                    } else {
                        inQuotes = false
                    }
                } else if scalar != "\r" {  // line ends inside a field become "\n"
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
            case "\r":
                continue
            case "\n":
                endRow()
                line += 1
                rowStart = line
            default:
                field.unicodeScalars.append(scalar)
                atFieldStart = false
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }
}

extension CSVTable.Row {
    /// The field at a column, or "" when the row is short.
    public subscript(column: Int?) -> String {
        guard let column, column < fields.count else { return "" }
        return fields[column]
    }
}
