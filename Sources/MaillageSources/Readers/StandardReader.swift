import Foundation
import MaillageCore

/// Reads files of the national standard, CSV (`,` columns, `|` between values) or JSON (array of objects).
public enum StandardReader {
    public static func readCSV(
        _ text: String, file: String, locator: PlaceLocator
    ) throws(ImportError)
        -> (records: [SourceRecord], report: ImportReport)
    {
        let table = CSVTable(text: text, separator: ",")
        let missing = StandardColumn.allCases.filter { $0.isRequired && table.column($0.rawValue) == nil }
        guard missing.isEmpty else {
            throw ImportError(file: file, message: "colonnes obligatoires absentes de l'en-tête : \(missing.map(\.rawValue).joined(separator: ", "))")
        }
        let indices = StandardColumn.allCases.map { ($0, table.column($0.rawValue)) }
        // A cell Maillage made inert for spreadsheets reads back as it was (``SpreadsheetCell/restored(_:)``).
        let rows = table.rows.map { row in
            (row.line, Dictionary(uniqueKeysWithValues: indices.map { ($0.0, SpreadsheetCell.restored(row[$0.1])) }))
        }
        return collect(rows, malformed: table.malformed, file: file, format: "standard-csv", locator: locator)
    }

    public static func readJSON(
        _ text: String, file: String, locator: PlaceLocator
    ) throws(ImportError)
        -> (records: [SourceRecord], report: ImportReport)
    {
        var warnings: [ImportReport.Warning] = []
        var rows: [(Int, [StandardColumn: String])] = []
        try JSONRows.forEachObject(text, file: file) { line, item throws(ImportError) in
            let (item, problems) = JSONFieldType.check(item, expecting: Self.jsonFieldTypes)
            warnings += problems.map { ImportReport.Warning(line: line, field: $0.field, message: $0.message) }
            rows.append((line, Dictionary(uniqueKeysWithValues: StandardColumn.allCases.map { ($0, item.string($0.rawValue)) })))
        }
        return collect(rows, warnings: warnings, file: file, format: "standard-json", locator: locator)
    }

    /// The schema's types: every field a string (lists joined by `|`), coordinates numbers (strings tolerated), and
    /// codes tolerated as numbers.
    static let jsonFieldTypes: [String: JSONFieldType] = Dictionary(
        uniqueKeysWithValues: StandardColumn.allCases.map { column in
            (column.rawValue, [.latitude, .longitude, .codePostal, .codeInsee, .pivot, .telephone].contains(column) ? .textOrNumber : .text)
        })

    private static func collect(
        _ rows: [(Int, [StandardColumn: String])], malformed: [CSVTable.Malformed] = [],
        warnings: [ImportReport.Warning] = [], file: String, format: String, locator: PlaceLocator
    )
        -> (records: [SourceRecord], report: ImportReport)
    {
        var collector = RecordCollector(source: .standard, locator: locator, file: file, format: format)
        collector.report.reject(malformed)
        collector.report.warnings += warnings
        for (line, row) in rows {
            collector.rowRead()
            switch StandardRowCodec.decode(row) {
            case .success(let place):
                collector.accept(place, line: line)
            case .failure(let list):
                for problem in list.problems {
                    collector.reject(line: line, field: problem.column.rawValue, value: problem.value, expected: problem.expected)
                }
            }
        }
        return (collector.records, collector.report)
    }
}
