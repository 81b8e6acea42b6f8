import Foundation
import MaillageCore
import MaillageSources
import MaillageTestSupport
import Testing

@Suite("Every row of the real place files is accounted for")
struct RealFilesAccountingTests {
    /// Rows per file, as `../shared/data/README.md` states them.
    static let expectedRows: [(String, Int)] = [
        ("france-services-2022-12.csv", 2_683), ("conseillers-numeriques-lieux-2022-12.json", 4_930),
        ("data-inclusion-structures-mediation-numerique-2023-02.json", 3_811), ("aidants-connect-structures-2023-01.json", 3_407),
        ("bibliotheques-publiques-france.csv.gz", 15_779)
    ]

    @Test(arguments: expectedRows)
    func acceptedPlusRejectedEqualsRowsRead(file: String, rows: Int) throws {
        let report = try #require(TestData.nationalRecords[file]).report
        #expect(report.rowsRead == rows)
        #expect(report.isBalanced)
        #expect(TestData.nationalRecords[file]!.records.count == report.accepted)
        for rejection in report.rejections {
            #expect(rejection.line > 0 && !rejection.expected.isEmpty)
        }
    }

    @Test func rejectionsAreTheRowsThatTrulyLackSomething() throws {
        // France Services: 26 rows of the 2022-12 list have no postal code, commune nor coordinates.
        let franceServices = try #require(TestData.nationalRecords["france-services-2022-12.csv"]).report
        #expect(franceServices.rejected == 26)
        #expect(franceServices.rejections.allSatisfy { $0.field == "code_postal" })
        // Aidants Connect: rows repeating an earlier row's Data pass ID (exact duplicates of the export).
        let aidants = try #require(TestData.nationalRecords["aidants-connect-structures-2023-01.json"]).report
        #expect(aidants.rejections.allSatisfy { $0.field == "id" })
        // data·inclusion and the conseillers numériques: nothing is lost.
        #expect(TestData.nationalRecords["data-inclusion-structures-mediation-numerique-2023-02.json"]!.report.rejected == 0)
        #expect(TestData.nationalRecords["conseillers-numeriques-lieux-2022-12.json"]!.report.rejected == 0)
    }

    @Test func unmappedVocabularyIsCountedNotDropped() throws {
        let report = try #require(TestData.nationalRecords["data-inclusion-structures-mediation-numerique-2023-02.json"]).report
        #expect(report.unmapped["publics_accueillis: Adultes"] == 842)
        #expect(report.vocabularyRevision == LegacyVocabulary.revision)
    }

    @Test func everyOSMHoursValueOfTheFilesIsReadOrExplained() throws {
        // act: read every `horaires` value of the two files that carry OSM hours
        var read = 0, explained = 0, forms: Set<String> = []
        for file in ["conseillers-numeriques-lieux-2022-12.json", "data-inclusion-structures-mediation-numerique-2023-02.json"] {
            for record in TestData.nationalRecords[file]!.records {
                guard let text = record.place.horaires else { continue }
                let hours = OpeningHours(osm: text)
                if hours.schedule != nil { read += 1 } else { explained += 1; #expect(hours.problem != nil) }
                forms.formUnion(text.split(separator: ";").map { Self.shape(of: String($0)) })
            }
        }
        // check: the census of rule shapes (days → D, times → HH:MM) stays the one the parser was written for
        // the 177 unread values are refused by the reference evaluator too (OpeningHoursReferenceTests): ambiguous
        // ("Mo 09:00", "Tu 08:00-13:45-16:30"), free text, or times written `9h30` (those get a valid rewriting)
        #expect(read == 6_892)
        #expect(explained == 177)
        #expect(forms.isSuperset(of: ["D HH:MM-HH:MM", "D-D HH:MM-HH:MM,HH:MM-HH:MM", "D,D HH:MM-HH:MM", "D off"]))
    }

    private static func shape(of rule: String) -> String {
        var text = rule.trimmingCharacters(in: .whitespaces)
        for day in Weekday.allCases { text = text.replacingOccurrences(of: day.osmCode, with: "D") }
        return text.replacing(/\d\d:\d\d/, with: "HH:MM")
    }
}
