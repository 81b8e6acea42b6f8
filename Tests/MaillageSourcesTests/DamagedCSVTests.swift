import Foundation
import MaillageCore
import MaillageSources
import MaillageTestSupport
import Testing

/// Damaged copies of the real France services file, as people download them (a field too many, a row cut short, a
/// quote never closed, a download cut inside a field, old Mac line ends): a damaged row is rejected with its line,
/// never stored with its columns shifted; the rows around it are read as in the intact file.
@Suite("Damaged CSV files are never stored shifted")
struct DamagedCSVTests {
    static let name = "lieux/france-services-2022-12.csv"

    /// The intact file, its lines, and the records and report it gives.
    static let intact: (text: String, lines: [String], records: [SourceRecord], report: ImportReport) = {
        let text = try! TestData.text(name)
        let (records, report) = FranceServicesReader.read(text, file: "fs.csv", locator: TestData.nationalLocator)
        return (text, text.components(separatedBy: "\n"), records, report)
    }()

    /// Every 97th data line (1-based physical line numbers): damage spread over the whole file, not one hand-picked row.
    static let damagedLines: [Int] = Array(stride(from: 5, to: intact.lines.count - 1, by: 97))

    static func read(_ lines: [String]) -> (records: [SourceRecord], report: ImportReport) {
        FranceServicesReader.read(lines.joined(separator: "\n"), file: "fs.csv", locator: TestData.nationalLocator)
    }

    /// Checks that the damaged lines, and only them, were rejected, and that every record read is one of the intact file's.
    static func expectOnlyDamagedRowsRejected(_ result: (records: [SourceRecord], report: ImportReport), lines: [Int], message: String) {
        let intactByID = Dictionary(uniqueKeysWithValues: intact.records.map { ($0.place.id, $0) })
        #expect(result.report.rejected == intact.report.rejected + lines.count)
        for line in lines {
            #expect(result.report.rejections.contains { $0.line == line && $0.expected.contains(message) }, "ligne \(line)")
        }
        #expect(result.records.count == intact.records.count - lines.count)
        for record in result.records { #expect(intactByID[record.place.id] == record, "\(record.place.id)") }
        #expect(result.report.isBalanced)
    }

    @Test func aRowWithAFieldTooManyOrCutShortIsRejectedWithItsLine() {
        // Setup: a stray separator at the end of some rows, the last three fields cut from others
        var extra = Self.intact.lines, short = Self.intact.lines
        for line in Self.damagedLines {
            extra[line - 1] += ",\"6\""
            short[line - 1] = short[line - 1].split(separator: ",", omittingEmptySubsequences: false).dropLast(3).joined(separator: ",")
        }
        // Act and check
        Self.expectOnlyDamagedRowsRejected(Self.read(extra), lines: Self.damagedLines, message: "au lieu des 23")
        Self.expectOnlyDamagedRowsRejected(Self.read(short), lines: Self.damagedLines, message: "au lieu des 23")
    }

    @Test func textAfterAClosingQuoteIsRejectedNotGlued() {
        // Setup: `"Valserhône"x` — a quote closed too early, as a bad re-save writes it
        var lines = Self.intact.lines
        for line in Self.damagedLines { lines[line - 1] = lines[line - 1].replacingOccurrences(of: "\",\"", with: "\"x,\"", options: [], range: nil) }
        // Act and check
        Self.expectOnlyDamagedRowsRejected(Self.read(lines), lines: Self.damagedLines, message: "après un guillemet fermant")
    }

    @Test func quotesLeftUnescapedInsideAFieldRejectTheirRowOnly() {
        // Setup: `"France "services" de …"` — inner quotes a re-save did not double
        var lines = Self.intact.lines
        let damaged = Self.damagedLines.filter { lines[$0 - 1].contains(",\"France services") }
        for line in damaged { lines[line - 1] = lines[line - 1].replacingOccurrences(of: ",\"France services", with: ",\"France \"services\"") }
        #expect(damaged.count > 5)
        // Act and check
        Self.expectOnlyDamagedRowsRejected(Self.read(lines), lines: damaged, message: "après un guillemet fermant")
    }

    @Test func aDownloadCutInsideAQuotedFieldStoresNothingOfTheCutRow() throws {
        // Setup: the file cut three characters before its last closing quote
        let lastQuote = try #require(Self.intact.text.range(of: "\"", options: .backwards)).lowerBound
        let cut = String(Self.intact.text[..<lastQuote].dropLast(3))
        let lastLine = cut.components(separatedBy: "\n").count
        // Act
        let (records, report) = FranceServicesReader.read(cut, file: "fs.csv", locator: TestData.nationalLocator)
        // Check: the cut row is rejected where it starts, every other row read as in the intact file
        #expect(report.rejections.contains { $0.line == lastLine && $0.expected.contains("guillemet ouvert jamais fermé") })
        #expect(records == Array(Self.intact.records.dropLast()))
    }

    @Test func oldMacLineEndsReadTheSameRows() {
        // Setup: every line end a lone CR
        let text = Self.intact.text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r")
        // Act
        let (records, report) = FranceServicesReader.read(text, file: "fs.csv", locator: TestData.nationalLocator)
        // Check
        #expect(records == Self.intact.records && report.rejections == Self.intact.report.rejections)
    }
}
