import Hummingbird
import MaillageCore

/// An EPCI in the JSON API, with its members and the number of places per service.
struct TerritoryDTO: Codable, Sendable {
    var siren: String
    var nom: String
    var type: String
    var population: Int
    var communes: [String]
    var voisins: [String]
    var lieuxParService: [String: Int]?

    init(_ epci: EPCI, index: PlaceIndex, detailed: Bool) {
        siren = epci.siren.rawValue
        nom = epci.name
        type = epci.kind
        population = epci.population
        communes = epci.members.map(\.rawValue)
        voisins = detailed ? index.territory.neighbouringEPCIs(of: epci.siren).map(\.siren.rawValue) : []
        lieuxParService =
            detailed
            ? Dictionary(uniqueKeysWithValues: index.serviceCounts(in: Set(epci.members)).map { ($0.key.rawValue, $0.value) }) : nil
    }
}

extension CommuneDTO: ResponseEncodable {}
extension TerritoryDTO: ResponseEncodable {}
