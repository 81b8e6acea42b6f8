import Hummingbird
import MaillageCore

/// A search answer in the JSON API.
struct SearchDTO: ResponseEncodable, Sendable {
    struct Origin: Codable, Sendable {
        var codeInsee: String?
        var commune: String?
        var epci: String?
        var latitude: Double?
        var longitude: Double?
    }

    struct Result: Codable, Sendable {
        var place: PlaceDTO
        var distanceM: Int?
        var reasons: [String]
        var gaps: [String]
        var fullMatch: Bool
        var outsideTerritory: Bool

        init(_ match: SearchResult.Match) {
            place = PlaceDTO(match.entry.merged)
            distanceM = match.distanceMetres.map { Int($0.rounded()) }
            reasons = match.reasons
            gaps = match.gaps
            fullMatch = match.isFullMatch
            outsideTerritory = match.isOutsideTerritory
        }
    }

    var origin: Origin?
    var results: [Result]
    var partialResults: [Result]
    var noLocalMatch: Bool
    var neighbourResults: [Result]
    var pagination: PageDTO<Result>.Pagination

    init(_ result: SearchResult, paging: Paging) {
        origin = result.originPoint.map { point in
            Origin(codeInsee: result.originCommune?.code.rawValue, commune: result.originCommune?.name, epci: result.originEPCI?.siren.rawValue,
                   latitude: point.latitude, longitude: point.longitude)
        }
        results = result.matches.dropFirst(paging.offset).map(Result.init)
        partialResults = paging.page == 1 ? result.partialMatches.map(Result.init) : []
        noLocalMatch = result.noLocalMatch
        neighbourResults = result.neighbourMatches.map(Result.init)
        pagination = .init(paging: paging, total: result.totalMatches)
    }
}
