import MaillageCore
import MaillageSources
import MaillageTestSupport
import Testing

@Suite("Territory reference from the real files")
struct TerritoryFilesTests {
    let territory = TestData.nationalTerritory

    @Test func caphIsTheRightEPCIWithItsPopulation() throws {
        let caph = try #require(territory.epcis[.caph])
        #expect(caph.name == "CA de la Porte du Hainaut")
        #expect(caph.members.count == 47)
        #expect(territory.members(of: .caph).reduce(0) { $0 + $1.population } == 158_568)
    }

    @Test func neighbouringEPCIsComeFromTheBoundaries() {
        let names = Set(territory.neighbouringEPCIs(of: .caph).map(\.name))
        #expect(names.contains("CA Valenciennes Métropole"))
        #expect(names.contains("CA Douaisis Agglo"))
        #expect(!names.contains("CA de la Porte du Hainaut"))
    }

    @Test func pointsFallInTheirCommune() {
        // Denain town hall, place Baudin
        #expect(territory.commune(containing: Coordinate(latitude: 50.3290, longitude: 3.3950))?.name == "Denain")
    }

    @Test func qpvFragilityAndBroadbandCoverCAPH() {
        let qpvs = territory.qpvs(touching: TestData.caphCommunes)
        #expect(qpvs.count == 13)
        #expect(qpvs.first { $0.code == "QP059050" }?.population == 13_195)
        #expect(TestData.caphCommunes.allSatisfy { territory.fragility[$0] != nil })
        #expect(TestData.caphCommunes.allSatisfy { territory.broadband[$0] != nil })
        #expect(territory.fragility[CommuneCode("02553")!] != nil)
    }

    @Test func postalCodesLeadToTheRightCommunes() {
        #expect(territory.communes(postalCode: "59220").map(\.name).contains("Denain"))
        #expect(territory.communes(named: "ST AMAND LES EAUX").first?.code.rawValue == "59526")
    }
}
