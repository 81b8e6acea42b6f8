import MaillageCore
import MaillageTestSupport
@testable import MaillageWeb
import Testing

/// Two instances serve the same bytes for the same page, so that an ETag one gave revalidates on the other: nothing a
/// page shows may follow a set's or a dictionary's order, which Swift seeds afresh in every process. Within one process
/// two sets of the same communes can still iterate differently (their capacities differ), which these tests use;
/// `scripts/instances_agree.py` compares whole sites served by two processes.
@Suite("Same output in every process")
struct DeterministicOutputTests {
    static let territory = try! TestData.loadPack().territory

    @Test func aMapIsTheSameWhateverOrderItsCommunesWereGatheredIn() throws {
        // Setup: Denain and the communes around it, gathered in two different orders
        let territory = Self.territory
        let denain = try #require(territory.commune(CommuneCode("59172")!))
        let around = territory.adjacency.neighbours(of: denain.code).compactMap { territory.commune($0) }
        #expect(around.count >= 4)
        func map(_ communes: [Commune]) -> String {
            SVGMap(
                title: "Carte de Denain", description: "test", communes: communes, highlighted: [denain.code],
                labelled: SVGMap.names(among: communes, first: [denain.code], count: 4)
            ).render()
        }
        // Act: the same map drawn from both orders
        let forward = map([denain] + around), backward = map(([denain] + around).reversed())
        // Check: the same bytes, communes drawn by code
        #expect(forward == backward)
        let drawn = forward.matches(of: /<path class="commune[^"]*" d="[^"]*"><title>([^<]+)<\/title>/).map { String($0.1) }
        #expect(drawn == ([denain] + around).sorted { $0.code < $1.code }.map(\.name))
    }

    @Test func neighboursAndCandidateCommunesComeInAStableOrder() {
        // Act: Denain's neighbours, and the communes « Saint-Amand » and a typo may mean
        let neighbours = Self.territory.adjacency.neighbours(of: CommuneCode("59172")!)
        let saintAmand = Self.territory.communes(approximatelyNamed: "Saint-Amand").communes
        let typo = Self.territory.communes(approximatelyNamed: "Haulschy").communes
        // Check: by code, and by name then code
        #expect(neighbours.count >= 4 && neighbours == neighbours.sorted())
        #expect(saintAmand.count > 1 && saintAmand.map(\.name) == saintAmand.map(\.name).sorted())
        #expect(typo.map(\.name) == typo.map(\.name).sorted())
    }
}
