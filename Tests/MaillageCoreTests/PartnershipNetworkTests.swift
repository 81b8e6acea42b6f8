import Foundation
import MaillageCore
import Testing

/// What the network of partnerships says: who is isolated, who connects others, which communes no link reaches, and
/// whether orientations go both ways.
struct PartnershipNetworkTests {
    static let communes = ["59491", "59172", "59526", "59008"].compactMap(CommuneCode.init)

    static func structure(_ id: String, serves commune: CommuneCode) -> Structure {
        Structure(id: id, name: "Structure \(id)", kind: .autre, identifier: nil, placeIDs: [], communes: [commune], territory: .caph)
    }

    static func link(_ from: String, _ kind: PartnershipKind, _ to: String) -> Partnership {
        Partnership(territory: .caph, from: from, to: to, kind: kind, createdAt: Date())
    }

    @Test func aStarsCentreIsTheBrokerAndTheStrayIsIsolated() {
        // Setup: A linked to B, C and D (a star); E has no link; F serves a commune but is linked to nobody
        let structures = [
            Self.structure("A", serves: Self.communes[0]), Self.structure("B", serves: Self.communes[1]),
            Self.structure("C", serves: Self.communes[1]), Self.structure("D", serves: Self.communes[2]),
            Self.structure("E", serves: Self.communes[3])
        ]
        let links = [
            Self.link("A", .orienteVers, "B"), Self.link("B", .orienteVers, "A"), Self.link("C", .recoitDe, "A"),
            Self.link("A", .convention, "D"), Self.link("A", .coAnimation, "inconnue")
        ]
        let offers: [String: Set<Service>] = ["A": [.aideDemarchesAdministratives], "B": [.accesInternetMateriel], "D": Set(Service.allCases)]
        // Act
        let network = PartnershipNetwork(structures: structures, links: links, communes: Self.communes) { offers[$0.id] ?? [] }
        // Check
        #expect(network.links.count == 4)
        // A's partner D answers everything; B and C lean on A alone (and B on itself)
        #expect(network.unanswered.map(\.structure.id) == ["B", "C"])
        #expect(network.unanswered.first { $0.structure.id == "C" }?.services.count == Service.allCases.count - 1)
        #expect(network.isolated.map(\.id) == ["E"])
        #expect(network.brokers.map(\.structure.id) == ["A"])
        #expect(network.brokers.first?.betweenness == 1)
        #expect(network.unreachedCommunes == [Self.communes[3]])
        // A→B and B→A go both ways; « C reçoit de A » is A sending to C, one way only
        #expect(network.orientations == 3 && network.reciprocated == 2)
        #expect(network.links(of: "D").map(\.kind) == [.convention])
    }

    @Test func aChainsMiddleStructuresShareThePathsBetweenItsEnds() {
        // Setup: A — B — C — D
        let structures = ["A", "B", "C", "D"].map { Self.structure($0, serves: Self.communes[0]) }
        let links = [Self.link("A", .projetCommun, "B"), Self.link("B", .projetCommun, "C"), Self.link("C", .projetCommun, "D")]
        // Act
        let network = PartnershipNetwork(structures: structures, links: links, communes: Self.communes)
        // Check: B lies on A–C and A–D (4 of the 6 ordered pairs of others), as does C
        #expect(network.brokers.map(\.structure.id) == ["B", "C"])
        let share: Double = 4.0 / 6.0
        #expect(network.brokers.map(\.betweenness) == [share, share])
        #expect(network.isolated.isEmpty)
    }
}
