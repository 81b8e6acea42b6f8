import MaillageCore
import MaillageSources
import MaillageTestSupport
import Testing

@Suite("CAPH after the merge of all national sources")
struct CAPHMergeTests {
    static let merged: [MergedPlace] = {
        let records = TestData.nationalRecords.values.flatMap(\.records)
            .filter { $0.place.codeInsee.map(TestData.caphCommunes.contains) ?? false }
        return PlaceMerger().merge(records)
    }()

    @Test func caphHas47Communes() {
        #expect(TestData.caphCommunes.count == 47)
        #expect(TestData.caphCommunes.contains(CommuneCode("59172")!))
    }

    @Test func everyPlaceLiesInOneOfItsCommunes() throws {
        let territory = TestData.nationalTerritory
        for item in Self.merged {
            let point = try #require(item.place.coordinate)
            let code = try #require(item.place.codeInsee)
            #expect(TestData.caphCommunes.contains(code))
            if item.place.precision == .adresse {
                let container = territory.commune(containing: point)
                #expect(container.map { TestData.caphCommunes.contains($0.code) } == true, "\(item.place.nom) hors de la CAPH")
            }
        }
    }

    @Test func the36LibrariesArePresentOnceEach() {
        let libraries = Self.merged.filter { $0.provenances.contains { $0.source == .bibliotheques } }
        #expect(libraries.count == 36)
        #expect(Set(libraries.flatMap(\.provenances).filter { $0.source == .bibliotheques }.map(\.sourceID)).count == 36)
    }

    @Test func theThreeFranceServicesArePresentOnceEach() {
        let franceServices = Self.merged.filter { $0.provenances.contains { $0.source == .franceServices } }
        #expect(Set(franceServices.compactMap { $0.place.codeInsee?.rawValue }) == ["59002", "59632", "59418"])
        #expect(franceServices.count == 3)
        #expect(franceServices.allSatisfy { $0.place.dispositifProgrammesNationaux.contains(.franceServices) })
    }

    @Test func aidantsConnectStructuresWithoutCoordinatesCarryTheCommunePrecision() {
        let aidants = TestData.nationalRecords["aidants-connect-structures-2023-01.json"]!.records
            .filter { $0.place.codeInsee.map(TestData.caphCommunes.contains) ?? false }
        #expect(aidants.count == 14)
        #expect(aidants.allSatisfy { $0.place.precision == .commune })
        let denain = TestData.nationalTerritory.commune(CommuneCode("59172")!)!
        #expect(aidants.contains { $0.place.nom.folded.contains("denain") && $0.place.coordinate == denain.centroid })
    }

    @Test func theFranceServicesOfAbsconIsOnePlaceWithTwoProvenances() throws {
        // France services d'Abscon appears in the France Services list and among the Aidants Connect structures.
        let abscon = try #require(
            Self.merged.first { $0.place.codeInsee?.rawValue == "59002" && $0.provenances.contains { $0.source == .franceServices } })
        #expect(Set(abscon.provenances.map(\.source)) == [.franceServices, .aidantsConnect])
        #expect(abscon.decisions.count >= 1)
        #expect(abscon.place.precision == .adresse)
        #expect(abscon.fieldSources["latitude"]?.first?.hasPrefix("france-services:") == true)
        #expect(abscon.place.dispositifProgrammesNationaux.contains(.aidantsConnect))
    }
}
