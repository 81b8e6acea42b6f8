import MaillageCore

/// What an import did with every row of a file.
public struct ImportReport: Codable, Sendable {
    /// A rejected row: where, which field, what value, what was expected.
    public struct Rejection: Codable, Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var field: String
        public var value: String
        public var expected: String

        public var description: String {
            "ligne \(line), champ « \(field) » : valeur « \(value.prefix(80)) » — attendu : \(expected)"
        }
    }

    /// An accepted row with something worth knowing.
    public struct Warning: Codable, Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var field: String?
        public var message: String

        public var description: String { "ligne \(line)\(field.map { ", champ « \($0) »" } ?? "") : \(message)" }
    }

    public var file: String
    public var format: String
    public var rowsRead = 0
    public var accepted = 0
    public var rejections: [Rejection] = []
    public var warnings: [Warning] = []
    /// Source values kept unmapped, with how many rows carried each ("field: value" → count).
    public var unmapped: [String: Int] = [:]
    public var vocabularyRevision: String?
    /// Set when the text was converted from another encoding.
    public var convertedFrom: String?

    public init(file: String, format: String) {
        self.file = file
        self.format = format
    }

    /// How many rows were rejected (a row may have several rejections; in a JSON file written on one line, every
    /// row is on line 1).
    public var rejected = 0

    /// Every row is accounted for: accepted + rejected = read.
    public var isBalanced: Bool { accepted + rejected == rowsRead }

    /// Records why a row was rejected; the row itself is counted in ``rejected`` by whoever reads the rows.
    public mutating func reject(line: Int, field: String, value: String, expected: String) {
        rejections.append(Rejection(line: line, field: field, value: value, expected: expected))
    }

    /// Counts and rejects the rows a CSV file could not give without shifting their fields.
    public mutating func reject(_ malformed: [CSVTable.Malformed]) {
        for row in malformed {
            rowsRead += 1
            rejected += 1
            reject(line: row.line, field: "ligne", value: "", expected: row.message)
        }
    }

    public mutating func warn(line: Int, field: String? = nil, _ message: String) {
        warnings.append(Warning(line: line, field: field, message: message))
    }

    public mutating func count(unmapped values: [UnmappedValue]) {
        for value in values { unmapped["\(value.field): \(value.value)", default: 0] += 1 }
    }

    /// The warnings grouped by message, most frequent first, for a readable summary.
    public var warningSummary: [(message: String, count: Int)] {
        Dictionary(grouping: warnings, by: { $0.message.summaryKey }).map { ($0.key, $0.value.count) }
            .sorted { $0.count == $1.count ? $0.message < $1.message : $0.count > $1.count }
    }
}

private extension String {
    /// Warning text without the quoted value, so that similar warnings group together.
    var summaryKey: String {
        guard let open = firstIndex(of: "«"), let close = self[open...].firstIndex(of: "»") else { return self }
        return String(self[..<open]) + "«…»" + String(self[index(after: close)...])
    }
}
