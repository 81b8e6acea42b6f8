import MaillageCore
import Testing

@Suite("Placement proposal (greedy maximum coverage)")
struct PlacementProposalTests {
    /// Five communes on a line, 10 km apart (0.09° of latitude): A B C D E. A new place covers its neighbours within 10.5 km.
    /// Weights: A 100, B 100, C 100, D 500, E 500. Covering from D takes C, D, E (1 100), the best first choice;
    /// then only A and B remain: a site at A or B takes both (200). The optimum for k = 2 is 1 300.
    static func line() -> [Commune] {
        ["A", "B", "C", "D", "E"].enumerated().map { index, name in
            Commune(
                code: CommuneCode(String(format: "0100%d", index + 1))!, name: name, postalCode: "01000",
                population: index < 3 ? 100 : 500, centroid: Coordinate(latitude: 45 + Double(index) * 0.09, longitude: 5))
        }
    }

    @Test func greedyFindsTheKnownOptimum() {
        let communes = Self.line()
        let proposal = PlacementProposal.greedy(
            need: .service(.aideDemarchesAdministratives), communes: communes, covered: [], k: 2, reach: Reach.byBus.within(10.5),
            minutes: { $0.centroid.distance(to: $1.centroid) / 1_000 }, weight: { Double($0.population) })
        #expect(proposal.choices.map(\.communeName) == ["D", "A"])
        #expect(proposal.choices.map(\.weightGained) == [1_100, 200])
        #expect(proposal.choices[0].newlyCovered.count == 3)
        #expect(proposal.choices.reduce(0) { $0 + $1.inhabitantsGained } == 1_300)
    }

    @Test func alreadyCoveredCommunesAreNotCountedAgainAndUselessChoicesAreNotMade() {
        let communes = Self.line()
        let covered: Set<CommuneCode> = Set(communes.map(\.code))
        let proposal = PlacementProposal.greedy(
            need: .openOnSaturday, communes: communes, covered: covered, k: 3, reach: Reach.byBus.within(10),
            minutes: { $0.centroid.distance(to: $1.centroid) / 1_000 }, weight: { Double($0.population) })
        #expect(proposal.choices.isEmpty)
        #expect(proposal.initiallyCovered == proposal.totalWeight)
    }

    @Test func aVillageNextToATownDoesNotTakeThePlaceTheTownNeeds() {
        // Setup: a village of 1 379 (already covered) 4 km from a town of 15 980 that is not; both sites gain the town.
        let village = Commune(
            code: CommuneCode("59435")!, name: "Nivelle", postalCode: "59230", population: 1_379,
            centroid: Coordinate(latitude: 50.474, longitude: 3.457))
        let town = Commune(
            code: CommuneCode("59526")!, name: "Saint-Amand-les-Eaux", postalCode: "59230", population: 15_980,
            centroid: Coordinate(latitude: 50.448, longitude: 3.427))
        // Act
        let proposal = PlacementProposal.greedy(
            need: .service(.aideDemarchesAdministratives), communes: [village, town], covered: [village.code], k: 1, reach: Reach.byBus,
            minutes: { $0.centroid.distance(to: $1.centroid) / 1_000 * 3 }, weight: { Double($0.population) })
        // Check: the place goes to the town, which is what it gains.
        let choice = proposal.choices.first
        #expect(choice?.communeName == "Saint-Amand-les-Eaux")
        #expect(choice?.newlyCovered == [town.code])
        #expect(choice?.siteWasCovered == false)
        #expect(choice?.sitePopulation == 15_980)
    }
}
