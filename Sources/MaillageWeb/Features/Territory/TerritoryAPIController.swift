import Hummingbird
import MaillageCore

/// `/api/v1/communes` and `/api/v1/territoires`: the territory reference, paginated.
struct TerritoryAPIController {
    let index: any PlaceIndexReading

    func register(on router: Router<AppRequestContext>) {
        router.get(.api(.communes), use: communes)
        router.get(.api(.commune(.key)), use: commune)
        router.get(.api(.territories), use: territories)
        router.get(.api(.territory(.key)), use: territory)
    }

    @Sendable func communes(request: Request, context: AppRequestContext) async throws -> PageDTO<CommuneDTO> {
        let reader = QueryReader(request)
        let paging = try Paging(reader)
        let index = index.current
        var communes = index.territory.communes.values.sorted { $0.code < $1.code }
        if let text = try reader.single("epci") {
            guard let siren = Siren(text), let epci = index.territory.epcis[siren] else {
                throw APIError(
                    status: Siren(text) == nil ? .badRequest : .notFound, message: "« epci » attend le SIREN d'un EPCI connu (9 chiffres)",
                    parameter: "epci")
            }
            communes = index.territory.members(of: epci.siren)
        }
        return page(communes.map { $0 }, paging: paging) { CommuneDTO($0, index: index) }
    }

    @Sendable func commune(request: Request, context: AppRequestContext) async throws -> CommuneDTO {
        let index = index.current
        guard let code = CommuneCode(try context.parameters.require("code")), let commune = index.territory.commune(code) else {
            throw APIError(status: .notFound, message: "commune inconnue", parameter: "code")
        }
        return CommuneDTO(commune, index: index)
    }

    @Sendable func territories(request: Request, context: AppRequestContext) async throws -> PageDTO<TerritoryDTO> {
        let index = index.current
        let epcis = index.territory.epcis.values.sorted { $0.siren < $1.siren }
        return page(epcis, paging: try Paging(QueryReader(request))) { TerritoryDTO($0, index: index, detailed: false) }
    }

    @Sendable func territory(request: Request, context: AppRequestContext) async throws -> TerritoryDTO {
        let index = index.current
        guard let siren = Siren(try context.parameters.require("siren")), let epci = index.territory.epcis[siren] else {
            throw APIError(status: .notFound, message: "territoire inconnu", parameter: "siren")
        }
        return TerritoryDTO(epci, index: index, detailed: true)
    }

    private func page<T, Item>(_ items: [T], paging: Paging, _ transform: (T) -> Item) -> PageDTO<Item> {
        let slice = items.dropFirst(paging.offset).prefix(paging.perPage).map(transform)
        return PageDTO(data: Array(slice), pagination: .init(paging: paging, total: items.count))
    }
}
