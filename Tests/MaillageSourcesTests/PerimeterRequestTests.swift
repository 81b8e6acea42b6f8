import MaillageCore
import MaillageTestSupport
import Testing

/// The perimeters a page, the API or the command line may name, on the national reference.
@Suite("Perimeter requests on the national reference")
struct PerimeterRequestTests {
    static let territory = TestData.nationalTerritory

    @Test func aDepartementARegionAndFranceGiveAllTheirCommunes() throws {
        // Act
        let nord = try Perimeter.Request(departement: "59").resolve(in: Self.territory, default: .caph)
        let hauts = try Perimeter.Request(region: "32").resolve(in: Self.territory, default: .caph)
        let france = try Perimeter.Request(france: true).resolve(in: Self.territory, default: .caph)
        // Check: the Nord has 648 communes (COG 2024), the Hauts-de-France its five départements, France every commune
        #expect(nord.communes.count == 648)
        #expect(nord.communes.allSatisfy { $0.department == "59" })
        #expect(Set(hauts.communes.map(\.department)) == ["02", "59", "60", "62", "80"])
        #expect(hauts.name == "Région Hauts-de-France")
        #expect(france.communes.count == Self.territory.communes.count)
        #expect(Set(hauts.communes).isSuperset(of: nord.communes))
    }

    @Test func nothingNamedIsTheFocusEPCIAndSeveralPerimetersMakeTheirUnion() throws {
        let focus = try Perimeter.Request().resolve(in: Self.territory, default: .caph)
        #expect(focus.epci == .caph && focus.communes.count == 47)
        // CAPH lies in the Nord: the union is the Nord; CAPH and Valenciennes (59606) are 48 communes
        let nord = try Perimeter.Request(departement: "59").resolve(in: Self.territory, default: .caph)
        let union = try Perimeter.Request(epci: "200042190", departement: "59").resolve(in: Self.territory, default: .caph)
        #expect(union.communes == nord.communes && union.name == "CA de la Porte du Hainaut + Département 59")
        let wider = try Perimeter.Request(communes: "59606", epci: "200042190").resolve(in: Self.territory, default: .caph)
        #expect(wider.communes.count == 48 && Set(wider.communes).isSuperset(of: focus.communes))
    }

    @Test(arguments: [
        (Perimeter.Request(departement: "00"), "departement"), (Perimeter.Request(region: "99"), "region"),
        (Perimeter.Request(epci: "123"), "epci"), (Perimeter.Request(communes: "59172,99999"), "communes")
    ])
    func unknownPerimetersNameTheirParameter(request: Perimeter.Request, parameter: String) {
        #expect(throws: ParameterError.self) { try request.resolve(in: Self.territory, default: .caph) }
        do {
            _ = try request.resolve(in: Self.territory, default: .caph)
        } catch {
            #expect(error.parameter == parameter)
        }
    }

    @Test func everyRegionsDepartementsAreDistinct() {
        let departments = Region.all.flatMap(\.departments)
        #expect(departments.count == Set(departments).count)
        #expect(departments.count == 101)
    }
}
