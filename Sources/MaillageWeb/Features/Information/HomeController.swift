import Hummingbird
import MaillageCore
import MaillageStorage

/// `/`: the focus territory with its communes, their population and places, and the sources behind them.
struct HomeController {
    let index: any PlaceIndexReading
    let places: PlaceRepository
    let focus: Siren
    let pages: PageRenderer

    func register(on router: Router<AppRequestContext>) {
        router.get(.home, use: show)
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> HTML {
        let territory = index.current.territory
        guard let epci = territory.epcis[focus] else {
            var page = pages.render(MissingTerritoryPage(siren: focus.rawValue), for: context.visitor)
            page.status = .notFound
            return page
        }
        let page = HomePage(
            epci: epci, index: index.current,
            recordsBySource: try await places.countBySource(communes: territory.members(of: epci.siren).map(\.code)))
        return pages.render(page, for: context.visitor)
    }
}
