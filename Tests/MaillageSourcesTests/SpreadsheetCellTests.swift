import Foundation
import MaillageCore
@testable import MaillageSources
import MaillageTestSupport
import Testing

/// One rule for every CSV cell Maillage writes: nothing a spreadsheet would run, every number the standard requires kept.
@Suite("Spreadsheet cells")
struct SpreadsheetCellTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("@SUM(A1)", "'@SUM(A1)"), ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("+33 3 27 00 00 00", "'+33 3 27 00 00 00"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("- Avenue Paul Mairat", "'- Avenue Paul Mairat"),
        ("-", "'-"), ("+", "'+"), ("-1-1", "'-1-1"), ("1e5", "1e5"),
        ("-0.34742", "-0.34742"), ("-21.209", "-21.209"), ("-1e-05", "-1e-05"), ("+33327000000", "+33327000000"), ("-1,5", "-1,5"),
        ("Médiathèque de Denain", "Médiathèque de Denain"), ("", ""), ("'déjà", "'déjà"),
        (" =1+1", "' =1+1"), ("\u{00A0}@SUM(A1)", "'\u{00A0}@SUM(A1)"), ("\u{FF1D}1+1", "'\u{FF1D}1+1"), ("\u{FF0B}33", "'\u{FF0B}33"),
        ("  ", "  ")
    ])
    func aFormulaIsMadeInertAndAPlainNumberKeepsItsSign(text: String, written: String) {
        #expect(SpreadsheetCell.inert(text) == written)
        #expect(SpreadsheetCell.restored(written) == text)
    }

    @Test func bothDialectsWriteTheSameInertCell() {
        for dialect in CSVDialect.allCases {
            var writer = CSVTableWriter(dialect: dialect)
            writer.field("=1+1")
            writer.field("-0.5")
            let line = String(decoding: writer.take(), as: UTF8.self)
            #expect(line.hasSuffix("\"'=1+1\"\(dialect == .excel ? ";" : ",")\"-0.5\""), "\(dialect)")
        }
    }

    @Test func theStandardCSVHasNoLiveFormulaStaysValidForTheNationalSchemaAndReadsBackAsItWas() throws {
        // Setup: CAPH's places, one named with a formula, one with values of the national files that start with « - » or
        // « + » (an address, a 280-character summary, a western longitude, a telephone)
        var places = CAPHMergeTests.merged.map(\.place)
        places[0].nom = "=HYPERLINK(\"http://x\",\"Cliquez\")"
        places[1].adresse = "- Avenue Paul Mairat"
        places[1].presentationResume = "-\u{A0}MICROCRÉDIT PERSONNEL " + String(repeating: "é", count: 256)
        places[1].coordinate = Coordinate(latitude: 47.2, longitude: -0.34742)
        places[1].precision = .adresse
        places[1].telephone = "+33327000000"
        #expect(places[1].presentationResume?.storedLength == 280)
        // Act
        let text = StandardCSVWriter.write(places)
        let table = CSVTable(text: text, separator: ",")
        let (records, report) = try StandardReader.readCSV(text, file: "export.csv", locator: TestData.nationalLocator)
        // Check: no cell a spreadsheet would run
        for row in table.rows {
            for cell in row.fields where cell.startsLikeFormula { #expect(SpreadsheetCell.isPlainNumber(cell), "\(cell)") }
        }
        #expect(
            text.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"Cliquez\"\")\"") && text.contains("\"-0.34742\"") && text.contains("\"+33327000000\""))
        // every cell meets the schema's pattern, length and number type
        let schema =
            try JSONSerialization.jsonObject(with: Data(try TestData.text("lieux/schema-lieux-mediation-numerique.json").utf8)) as! [String: Any]
        for field in schema["fields"] as! [[String: Any]] {
            let name = field["name"] as! String, constraints = field["constraints"] as? [String: Any] ?? [:]
            let column = try #require(table.column(name))
            let pattern = try (constraints["pattern"] as? String).map { try NSRegularExpression(pattern: "^(?:\($0))$") }
            for row in table.rows where !row[column].isEmpty {
                let cell = row[column]
                if let pattern { #expect(pattern.firstMatch(in: cell, range: NSRange(cell.startIndex..., in: cell)) != nil, "\(name): \(cell)") }
                if let maximum = constraints["maxLength"] as? Int {
                    #expect(cell.unicodeScalars.count <= maximum, "\(name): \(cell.unicodeScalars.count)")
                }
                if field["type"] as? String == "number" { #expect(Double(cell) != nil, "\(name): \(cell)") }
            }
        }
        // read back by Maillage: every place, the formula and the dash as they were
        #expect(report.rejected == 0 && records.count == places.count)
        let byID = Dictionary(uniqueKeysWithValues: records.map { ($0.place.id, $0.place) })
        #expect(byID[places[0].id]?.nom == places[0].nom)
        #expect(
            byID[places[1].id]?.adresse == "- Avenue Paul Mairat" && byID[places[1].id]?.presentationResume?.hasPrefix("-\u{A0}MICROCRÉDIT") == true)
    }
}
