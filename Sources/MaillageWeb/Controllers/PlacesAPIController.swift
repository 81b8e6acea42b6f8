import Hummingbird
import MaillageCore

/// `/api/v1/places`: merged places, paginated, filtered by commune (INSEE code) or EPCI (SIREN).
struct PlacesAPIController {
    let state: AppState

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("places", use: list)
        group.get("places/:id", use: show)
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> PageDTO<PlaceDTO> {
        let reader = QueryReader(request)
        let paging = try Paging(reader)
        var communes: [CommuneCode]?
        if let text = try reader.single("commune") {
            guard let code = CommuneCode(text) else {
                throw APIError.badParameter("commune", "« commune » doit être un code INSEE de 5 caractères (ex. 59172)")
            }
            guard state.territory.commune(code) != nil else { throw APIError.badParameter("commune", "commune \(code) inconnue") }
            communes = [code]
        }
        if let text = try reader.single("epci") {
            guard let siren = Siren(text) else { throw APIError.badParameter("epci", "« epci » doit être un SIREN de 9 chiffres") }
            guard let epci = state.territory.epcis[siren] else { throw APIError.badParameter("epci", "EPCI \(siren) inconnu") }
            communes = communes.map { $0.filter(epci.members.contains) } ?? epci.members
        }
        let (places, total) = try await state.database.places.page(communes: communes, limit: paging.perPage, offset: paging.offset)
        return PageDTO(data: places.map(PlaceDTO.init), pagination: .init(paging: paging, total: total))
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> PlaceDTO {
        let id = try context.parameters.require("id")
        guard let place = try await state.database.places.place(id: id) else {
            throw APIError(status: .notFound, message: "aucun lieu « \(id) »", parameter: "id")
        }
        return PlaceDTO(place)
    }
}
extension PlaceDTO: ResponseEncodable {}
