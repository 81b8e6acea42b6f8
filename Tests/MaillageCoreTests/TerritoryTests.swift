import MaillageCore
import Testing

@Suite("Codes, dates and geometry")
struct TerritoryTests {
    @Test func communeCodesAreValidatedAndPadded() {
        #expect(CommuneCode("59172")?.rawValue == "59172")
        #expect(CommuneCode("2553")?.rawValue == "02553")
        #expect(CommuneCode("2A004")?.department == "2A")
        #expect(CommuneCode("97411")?.department == "974")
        #expect(CommuneCode("2C004") == nil)
        #expect(CommuneCode("5917") != nil)
        #expect(CommuneCode("591722") == nil)
        #expect(CommuneCode("\"><sc") == nil)
    }

    @Test func sirenHasNineDigits() {
        #expect(Siren("200 042 190") == .caph)
        #expect(Siren("20004219") == nil)
        #expect(Siren("200042190")?.rawValue == "200042190")
        #expect(Siren("20004219a") == nil && Siren("２00042190") == nil)
    }

    @Test func datesReadIsoAndFrenchForms() {
        #expect(CalendarDay("2022-12-01")?.description == "2022-12-01")
        #expect(CalendarDay("15/03/2021")?.description == "2021-03-15")
        #expect(CalendarDay("2023-02-30") == nil)
        #expect(CalendarDay("2024-02-29") != nil)
        #expect(CalendarDay("1999-01-09")?.description == "1999-01-09")
        #expect(CalendarDay("2023-12-01T10:00:00Z")?.description == "2023-12-01")
        #expect(CalendarDay(" 2023-12-01")?.description == "2023-12-01")
        #expect(CalendarDay("2023-13-01") == nil && CalendarDay("2o23-12-01") == nil)
    }

    @Test func haversineMatchesAHandComputation() {
        // Paris Notre-Dame → Lyon Bellecour: 391.5 km by the haversine formula (R = 6371.0088 km).
        let paris = Coordinate(latitude: 48.8530, longitude: 2.3499)
        let lyon = Coordinate(latitude: 45.7578, longitude: 4.8320)
        #expect(abs(paris.distance(to: lyon) - 391_500) < 1_000)
        #expect(paris.distance(to: paris) == 0)
    }

    @Test func polygonsExcludeTheirHoles() {
        let outer = [(0.0, 0.0), (0, 10), (10, 10), (10, 0), (0, 0)].map { Coordinate(latitude: $0.0, longitude: $0.1) }
        let hole = [(4.0, 4.0), (4, 6), (6, 6), (6, 4), (4, 4)].map { Coordinate(latitude: $0.0, longitude: $0.1) }
        let shape = MultiPolygon(polygons: [Polygon(rings: [outer, hole])])
        #expect(shape.contains(Coordinate(latitude: 1, longitude: 1)))
        #expect(!shape.contains(Coordinate(latitude: 5, longitude: 5)))
        #expect(!shape.contains(Coordinate(latitude: 11, longitude: 5)))
    }

    @Test func communesSharingAVertexAreAdjacent() {
        // setup: three squares in a row, A | B | C
        func square(_ code: String, _ x: Double) -> Commune {
            let ring = [(0.0, x), (0, x + 1), (1, x + 1), (1, x), (0, x)].map { Coordinate(latitude: $0.0, longitude: $0.1) }
            return Commune(
                code: CommuneCode(code)!, name: code, postalCode: "00000", population: 1,
                centroid: Coordinate(latitude: 0.5, longitude: x + 0.5), boundary: MultiPolygon(polygons: [Polygon(rings: [ring])]))
        }
        // act
        let adjacency = Adjacency(communes: [square("01001", 0), square("01002", 1), square("01003", 2)])
        // check
        #expect(adjacency.areAdjacent(CommuneCode("01001")!, CommuneCode("01002")!))
        #expect(!adjacency.areAdjacent(CommuneCode("01001")!, CommuneCode("01003")!))
        #expect(adjacency.pairs.count == 2)
    }

    @Test func foldingIgnoresCaseAccentsAndSaint() {
        #expect("ST-AMAND-LES-EAUX".folded == "Saint-Amand-les-Eaux".folded)
        #expect("Château-l'Abbaye".folded == "chateau l abbaye")
    }
}
