import Foundation
import MaillageCore
import MaillageSources
import MaillageTestSupport
import Testing

@Suite("National standard files: validation, writers, round trip")
struct StandardFilesTests {
    @Test func theOfficialExampleValidates() throws {
        let (records, report) = try StandardReader.readCSV(
            try TestData.text("lieux/schema-exemple-valide.csv"), file: "exemple",
            locator: TestData.nationalLocator)
        #expect(report.rowsRead == 1 && report.rejected == 0)
        let place = try #require(records.first?.place)
        #expect(place.services == [.maitriseOutilsNumeriques, .insertionProfessionnelle, .loisirsCreations])
        #expect(place.fraisACharge == [.gratuitSousCondition, .payant])
        #expect(place.formationsLabels == [.monEspaceSante, .arnia])
        #expect(place.codeInsee?.rawValue == "51454")
    }

    @Test func aBrokenCopyIsRejectedWithLinesAndFields() throws {
        // setup: the example, then a second row with a bad postal code, an unknown service and no date
        let example = try TestData.text("lieux/schema-exemple-valide.csv")
        let lines = example.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let broken = lines[1].replacingOccurrences(of: "\"structure-1\"", with: "\"structure-2\"")
            .replacingOccurrences(of: "\"51100\"", with: "\"5110\"")
            .replacingOccurrences(of: "Loisirs et créations numériques", with: "Jardinage")
            .replacingOccurrences(of: "\"2024-04-02\"", with: "\"\"")
        // act
        let (_, report) = try StandardReader.readCSV(
            ([lines[0], lines[1], broken].joined(separator: "\n")), file: "cassé.csv",
            locator: TestData.nationalLocator)
        // check
        #expect(report.rowsRead == 2 && report.accepted == 1 && report.rejected == 1)
        let fields = Set(report.rejections.map(\.field))
        #expect(fields == ["code_postal", "services", "date_maj"])
        #expect(report.rejections.allSatisfy { $0.line == 3 })
        #expect(report.rejections.first { $0.field == "services" }?.value == "Jardinage")
    }

    @Test func aFileWithoutRequiredColumnsIsRefused() {
        #expect(throws: ImportError.self) {
            try StandardReader.readCSV("id,nom\n1,Lieu\n", file: "court.csv", locator: TestData.nationalLocator)
        }
    }

    @Test(arguments: ["csv", "json"])
    func caphExportReadsBackAsTheSamePlaces(format: String) throws {
        // setup: CAPH merged places
        let places = CAPHMergeTests.merged.map(\.place)
        // act
        let text = format == "csv" ? StandardCSVWriter.write(places) : String(decoding: StandardJSONWriter.write(places), as: UTF8.self)
        let detected = SourceFormat.detect(text: text, fileName: "export.\(format)")
        let (records, report) = try PlaceFileReader.read(text, format: try #require(detected), file: "export", locator: TestData.nationalLocator)
        // check
        #expect(detected == (format == "csv" ? .standardCSV : .standardJSON))
        #expect(report.rejected == 0 && records.count == places.count)
        let byID = Dictionary(uniqueKeysWithValues: records.map { ($0.place.id, $0.place) })
        for original in places {
            var expected = original
            expected.unmappedValues = []
            #expect(byID[original.id] == expected, "\(original.id)")
        }
    }

    @Test func geoJSONHasOnePointPerLocatedPlace() throws {
        let places = CAPHMergeTests.merged.map(\.place)
        let object = try JSONSerialization.jsonObject(with: GeoJSONWriter.write(places)) as? [String: Any]
        let features = try #require(object?["features"] as? [[String: Any]])
        #expect(features.count == places.count)
        let geometry = try #require(features.first?["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "Point")
    }
}
