import Foundation
import MaillageCore
@testable import MaillageSources
import MaillageTestSupport
import Testing

/// The CSV byte writer behind the diagnostic and matrix exports.
@Suite("CSV table writer")
struct CSVTableWriterTests {
    @Test func numbersAreWrittenAsPrintfWritesThem() {
        // Setup: distances and scores as the diagnostic has them, halves and negatives included
        var generator = SystemRandomNumberGenerator()
        let values =
            [0, 0.005, 0.125, 1.005, 2.675, -0.004, -1.5, 12_345.678, 0.999, 9.995]
            + (0..<2_000).map { _ in Double.random(in: -50_000...50_000, using: &generator) }
        for digits in [0, 1, 2] {
            for value in values {
                // Act
                var writer = CSVTableWriter(dialect: .standard)
                writer.number(value, digits: digits)
                // Check
                let written = String(decoding: writer.take(), as: UTF8.self)
                var expected = String(format: "%.\(digits)f", value)
                if expected.hasPrefix("-"), Double(expected) == 0 { expected.removeFirst() }  // printf keeps "-0.00"
                #expect(written == "\"\(expected)\"", "\(value) with \(digits) digits")
            }
        }
    }

    @Test func fieldsAreQuotedWithInnerQuotesDoubledAndExcelGetsItsBOMAndSemicolons() {
        var writer = CSVTableWriter(dialect: .excel)
        writer.field("Le \"Relais\"; Denain")
        writer.number(3.25, digits: 1)
        writer.integer(-42)
        writer.endRow()
        #expect(writer.take() == [0xEF, 0xBB, 0xBF] + Array("\"Le \"\"Relais\"\"; Denain\";\"3,2\";\"-42\"\r\n".utf8))
    }

    @Test func theDiagnosticInChunksIsTheWholeTableRowByRow() throws {
        // Setup: CAPH's diagnostic on the demo pack
        let index = TestData.packIndex
        let diagnostic = Diagnostic.compute(perimeter: .epci(try #require(index.territory.epcis[.caph])), index: index)
        // Act: small chunks, and the whole table
        let chunks = Array(DiagnosticCSVWriter.chunks(diagnostic, dialect: .standard, chunkBytes: 4_096))
        let whole = DiagnosticCSVWriter.write(diagnostic)
        // Check: the same bytes; one header and one line per commune × need, each with 15 fields
        #expect(chunks.count > 10)
        #expect(Data(chunks.joined()) == whole)
        let lines = String(decoding: whole, as: UTF8.self).split(separator: "\r\n")
        #expect(lines.count == 1 + diagnostic.rows.count * diagnostic.needs.count)
        let table = CSVTable(text: String(decoding: whole, as: UTF8.self))
        #expect(table.header.count == 15)
        let short = table.rows.filter { $0.fields.count != 15 }
        #expect(short.isEmpty, "\(short.count) rows, first at line \(short.first?.line ?? 0)")
        let denain = try #require(table.rows.first { $0.fields[0] == "59172" && $0.fields[4] == Need.service(.aideDemarchesAdministratives).label })
        #expect(denain.fields[1] == "Denain")
    }
}
