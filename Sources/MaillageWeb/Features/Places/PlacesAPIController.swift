import Hummingbird
import MaillageCore
import MaillageStorage

/// `/api/v1/places`: merged places, paginated, filtered by commune (INSEE code) or EPCI (SIREN).
struct PlacesAPIController {
    let index: any PlaceIndexReading
    let places: PlaceRepository

    func register(on router: Router<AppRequestContext>) {
        router.get(.api(.places), use: list)
        router.get(.api(.place(.key)), use: show)
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> PageDTO<PlaceDTO> {
        let reader = QueryReader(request)
        let paging = try Paging(reader)
        let territory = index.current.territory
        var communes: [CommuneCode]?
        if let text = try reader.single("commune") {
            guard let code = CommuneCode(text) else {
                throw APIError.badParameter("commune", "« commune » doit être un code INSEE de 5 caractères (ex. 59172)")
            }
            guard territory.commune(code) != nil else { throw APIError(status: .notFound, message: "commune \(code) inconnue", parameter: "commune") }
            communes = [code]
        }
        if let text = try reader.single("epci") {
            guard let siren = Siren(text) else { throw APIError.badParameter("epci", "« epci » doit être un SIREN de 9 chiffres") }
            guard let epci = territory.epcis[siren] else { throw APIError(status: .notFound, message: "EPCI \(siren) inconnu", parameter: "epci") }
            communes = communes.map { $0.filter(epci.members.contains) } ?? epci.members
        }
        let (places, total) = try await places.page(communes: communes, limit: paging.perPage, offset: paging.offset)
        return PageDTO(data: places.map(PlaceDTO.init), pagination: .init(paging: paging, total: total))
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> PlaceDTO {
        let id = try context.parameters.decoded("id")
        guard let place = try await places.place(id: id) else {
            throw APIError(status: .notFound, message: "aucun lieu « \(id.prefix(80)) »", parameter: "id")
        }
        return PlaceDTO(place)
    }
}
extension PlaceDTO: ResponseEncodable {}
