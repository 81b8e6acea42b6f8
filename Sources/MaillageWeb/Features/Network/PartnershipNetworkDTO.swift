import Hummingbird
import MaillageCore

/// `/api/v1/partenariats`: a territory's partnership network, its links and what it says, as JSON.
struct PartnershipNetworkDTO: ResponseEncodable, Sendable {
    struct Link: Encodable, Sendable {
        var id: Int
        var structure: String
        var nomStructure: String
        var lien: String
        var partenaire: String
        var nomPartenaire: String
        var etat: String
        var confirme: Bool
        var rencontre: Int?
        var creeLe: String
        var notes: String
    }

    struct Broker: Encodable, Sendable {
        var structure: String
        var intermediarite: Double
    }

    var territoire: String
    var liens: [Link]
    var structuresIsolees: [String]
    var intermediaires: [Broker]
    var communesNonAtteintes: [String]
    var orientations: Int
    var orientationsReciproques: Int

    init(_ network: PartnershipNetwork, territory: Siren, directory: StructureDirectory) {
        territoire = territory.rawValue
        liens = network.links.map { link in
            Link(
                id: link.id, structure: link.from, nomStructure: directory[link.from]?.name ?? "", lien: link.kind.rawValue, partenaire: link.to,
                nomPartenaire: directory[link.to]?.name ?? "", etat: link.state.rawValue, confirme: link.confirmed,
                rencontre: { if case .meeting(let id) = link.origin { id } else { nil } }(), creeLe: CalendarDay(link.createdAt).description,
                notes: link.notes)
        }
        structuresIsolees = network.isolated.map(\.id)
        intermediaires = network.brokers.map { Broker(structure: $0.structure.id, intermediarite: ($0.betweenness * 1_000).rounded() / 1_000) }
        communesNonAtteintes = network.unreachedCommunes.map(\.rawValue)
        orientations = network.orientations
        orientationsReciproques = network.reciprocated
    }
}
