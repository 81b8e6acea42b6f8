import Hummingbird
import MaillageCore

/// A commune in the JSON API.
struct CommuneDTO: Codable, Sendable {
    var codeInsee: String
    var nom: String
    var codePostal: String
    var population: Int
    var latitude: Double
    var longitude: Double
    var epci: String?
    var lieux: Int
    var indiceFragiliteNumerique: Double?
    var partTresHautDebit: Double?
    var qpv: [String]

    init(_ commune: Commune, index: PlaceIndex) {
        codeInsee = commune.code.rawValue
        nom = commune.name
        codePostal = commune.postalCode
        population = commune.population
        latitude = commune.centroid.latitude
        longitude = commune.centroid.longitude
        epci = commune.epci?.rawValue
        lieux = index.placeCount(in: commune.code)
        indiceFragiliteNumerique = index.territory.fragility[commune.code]?.globalScore
        partTresHautDebit = index.territory.broadband[commune.code]?.veryHighSpeedShare
        qpv = index.territory.qpvs(touching: [commune.code]).map(\.code)
    }
}

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
        lieuxParService = detailed
            ? Dictionary(uniqueKeysWithValues: index.serviceCounts(in: Set(epci.members)).map { ($0.key.rawValue, $0.value) }) : nil
    }
}

extension CommuneDTO: ResponseEncodable {}
extension TerritoryDTO: ResponseEncodable {}
