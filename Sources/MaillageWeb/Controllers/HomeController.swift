import Hummingbird
import MaillageCore

/// `/`: the focus territory with its communes, their population and places, and the sources behind them.
struct HomeController {
    let state: AppState

    func register(on router: Router<AppRequestContext>) {
        router.get("/", use: show)
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> HTML {
        guard let epci = state.territory.epcis[state.focus] else {
            var page = state.pages.render(MissingTerritoryPage(siren: state.focus.rawValue))
            page.status = .notFound
            return page
        }
        let members = state.territory.members(of: epci.siren)
        let page = HomePage(
            epci: epci, members: members, placesByCommune: try await state.database.places.countByCommune(),
            recordsBySource: try await state.database.places.countBySource(communes: members.map(\.code)),
            neighbours: state.territory.neighbouringEPCIs(of: epci.siren))
        return state.pages.render(page)
    }
}
