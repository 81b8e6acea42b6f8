import MaillageCore
import MaillageTestSupport
@testable import MaillageWeb
import Testing

@Suite("What people type for a commune, on the national territory")
struct OriginResolverTests {
    static let resolver = OriginResolver(territory: TestData.nationalTerritory, focus: .caph)

    static func resolve(_ text: String) throws -> OriginResolver.Resolved {
        var parameters = SearchParameters()
        parameters.place = text
        return try #require(try resolver.resolve(parameters))
    }

    @Test func aCommuneTheSiteDoesNotCoverIsSaidSoWithTheNearestCoveredOne() throws {
        let lille = try Self.resolve("Lille")
        #expect(lille.commune?.name == "Lille")
        #expect(lille.notes.count == 1)
        #expect(
            lille.notes[0].hasPrefix("Lille n'est pas dans le territoire que couvre ce site (CA de la Porte du Hainaut et ses territoires voisins)"))
        #expect(lille.notes[0].contains("Commune couverte la plus proche : "))
        // Denain is covered: nothing to say.
        #expect(try Self.resolve("denain").notes.isEmpty)
    }

    @Test func saintAmandAmongTheCommunesOfFranceIsTheOneOfTheTerritory() throws {
        let resolved = try Self.resolve("St Amand")
        #expect(resolved.commune?.name == "Saint-Amand-les-Eaux")
        #expect(resolved.alternatives.contains { $0.name == "Lieu-Saint-Amand" })
        #expect(resolved.notes.first?.contains("communes correspondent à « St Amand »") == true)
    }
}
