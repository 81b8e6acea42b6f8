import Hummingbird
import MaillageCore

/// `/recherche`: the search page; invalid parameters give a 400 page that keeps the form.
struct SearchController {
    let state: AppState

    func register(on router: Router<AppRequestContext>) {
        router.get("recherche", use: show)
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> HTML {
        let index = state.index.current
        do {
            let parameters = try SearchParameters(QueryReader(request))
            guard let resolved = try OriginResolver(territory: index.territory, focus: state.focus).resolve(parameters) else {
                let searched = !parameters.services.isEmpty
                let result = searched ? index.search(parameters.query(origin: nil, limit: 50)) : nil
                return state.pages.render(SearchPage(parameters: parameters, result: result, alternatives: [], index: index))
            }
            let result = index.search(parameters.query(origin: resolved.origin, limit: 30))
            return state.pages.render(SearchPage(parameters: parameters, result: result, alternatives: resolved.alternatives, index: index))
        } catch {
            var page = state.pages.render(SearchPage(parameters: SearchParameters(), result: nil, alternatives: [], index: index,
                                                     error: error.message))
            page.status = .badRequest
            return page
        }
    }
}
