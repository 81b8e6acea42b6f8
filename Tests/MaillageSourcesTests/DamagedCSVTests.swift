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

    @Test func swappedCoordinatesAreCorrectedAndAPointFarFromItsCommuneIsNotAnAddress() throws {
        // Setup: the Nord and Pas-de-Calais rows with coordinates (the reference holds their communes' boundaries):
        // latitude and longitude swapped on one in two, a point in Paris on the others
        let table = CSVTable(text: Self.intact.text)
        let latitude = try #require(table.column("latitude")), longitude = try #require(table.column("longitude")),
            department = try #require(table.column("insee_dep"))
        let rows = table.rows.filter { ["59", "62"].contains($0[department]) && !$0[latitude].isEmpty }
        #expect(rows.count > 20)
        var lines = Self.intact.lines
        var swapped: [Int] = [], moved: [Int] = []
        for (offset, row) in rows.enumerated() {
            let original = ",\(row[latitude]),\(row[longitude]),"
            let replacement = offset.isMultiple(of: 2) ? ",\(row[longitude]),\(row[latitude])," : ",48.8566,2.3522,"
            guard lines[row.line - 1].contains(original) else { continue }
            lines[row.line - 1] = lines[row.line - 1].replacingOccurrences(of: original, with: replacement)
            if offset.isMultiple(of: 2) { swapped.append(row.line) } else { moved.append(row.line) }
        }
        // Act
        let (records, report) = Self.read(lines)
        // Check: swapped ones back where they were, the moved ones at their commune's centre, flagged; each warned with its line
        let intact = Dictionary(uniqueKeysWithValues: Self.intact.records.map { ($0.place.id, $0.place) })
        let read = Dictionary(uniqueKeysWithValues: records.map { ($0.place.id, $0.place) })
        var checked = (swapped: 0, moved: 0)
        for row in rows {
            let id = row[try #require(table.column("id_fs"))]
            guard let before = intact[id], let after = read[id], before.precision == .adresse else { continue }
            if swapped.contains(row.line) {
                #expect(after.coordinate == before.coordinate && after.precision == .adresse, "\(id)")
                #expect(report.warnings.contains { $0.line == row.line && $0.message.contains("inversées") })
                checked.swapped += 1
            } else if moved.contains(row.line) {
                #expect(after.precision == .commune && after.coordinate != Coordinate(latitude: 48.8566, longitude: 2.3522), "\(id)")
                #expect(report.warnings.contains { $0.line == row.line && $0.message.contains("placé au centre de la commune") })
                checked.moved += 1
            }
        }
        #expect(checked.swapped >= 10 && checked.moved >= 10, "\(checked)")
    }

    @Test func aNulOrAnEscapeInANameIsRemovedAndSaidWithItsLine() {
        // Setup: a NUL and an escape character in the names of rows spread over the file
        var lines = Self.intact.lines
        let damaged = Self.damagedLines.filter { lines[$0 - 1].contains(",\"France services") }
        for line in damaged {
            lines[line - 1] = lines[line - 1].replacingOccurrences(of: ",\"France services", with: ",\"France\u{0} services\u{1B}")
        }
        // Act
        let (records, report) = Self.read(lines)
        // Check: the same records as the intact file, each cleaned row warned
        #expect(damaged.count > 5 && records == Self.intact.records)
        for line in damaged {
            #expect(report.warnings.contains { $0.line == line && $0.field == "nom" && $0.message.contains("caractères de contrôle") })
        }
    }
}
