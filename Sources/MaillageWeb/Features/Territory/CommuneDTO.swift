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
    /// Places declaring at least one service.
    var lieux: Int
    /// Places recorded without any declared service.
    var lieuxSansOffreDeclaree: Int
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
        let places = index.placeCount(in: commune.code)
        lieux = places.offering
        lieuxSansOffreDeclaree = places.recordedOnly
        indiceFragiliteNumerique = index.territory.fragility[commune.code]?.globalScore
        partTresHautDebit = index.territory.broadband[commune.code]?.veryHighSpeedShare
        qpv = index.territory.qpvs(touching: [commune.code]).map(\.code)
    }
}
