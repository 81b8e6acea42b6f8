import Hummingbird
import MaillageCore

/// `/recherche`: the search page; invalid parameters give a 400 page that keeps the form.
struct SearchController {
    let index: any PlaceIndexReading
    let focus: Siren
    let pages: PageRenderer

    func register(on router: Router<AppRequestContext>) {
        router.get(.search, use: show)
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> HTML {
        let index = index.current
        do {
            let parameters = try SearchParameters(QueryReader(request))
            guard let resolved = try OriginResolver(territory: index.territory, focus: focus).resolve(parameters) else {
                let searched = !parameters.services.isEmpty
                let result = searched ? index.search(parameters.query(origin: nil, limit: 50)) : nil
                return pages.render(SearchPage(parameters: parameters, result: result, alternatives: [], index: index), for: context.visitor)
            }
            let result = index.search(parameters.query(origin: resolved.origin, limit: 30))
            return pages.render(
                SearchPage(
                    parameters: parameters, result: result, alternatives: resolved.alternatives, index: index,
                    notes: resolved.notes), for: context.visitor)
        } catch {
            // The form keeps what was typed, so that it can be corrected.
            var typed = SearchParameters()
            typed.place = request.uri.queryParameters["ou"].map { String(Substring(String($0).unicodeScalars.prefix(QueryReader.maximumLength))) }
            var page = pages.render(
                SearchPage(parameters: typed, result: nil, alternatives: [], index: index, error: error.message), for: context.visitor)
            page.status = .badRequest
            return page
        }
    }
}
