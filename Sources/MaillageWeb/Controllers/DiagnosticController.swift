import Hummingbird
import MaillageCore

/// `/diagnostic?epci=SIREN` or `?communes=…`, with `besoin=KEY` choosing the map: the diagnostic as a page and a report.
struct DiagnosticController {
    let state: AppState

    func register(on router: Router<AppRequestContext>) {
        router.get("diagnostic", use: show)
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> HTML {
        let index = state.index.current
        let reader = QueryReader(request)
        let perimeter = try DiagnosticAPIController.perimeter(reader, territory: index.territory, default: state.focus)
        let key = try reader.single("besoin")
        guard let need = key.map({ key in Need.all.first { $0.key == key } }) ?? Need.service(.aideDemarchesAdministratives) else {
            throw ParameterError(parameter: "besoin", message: "« besoin » inconnu")
        }
        var items: [(String, String)] = []
        if let communes = try reader.single("communes") { items.append(("communes", communes)) } else if let epci = perimeter.epci {
            items.append(("epci", epci.rawValue))
        }
        let diagnostic = Diagnostic.compute(perimeter: perimeter, index: index)
        return state.pages.render(DiagnosticPage(diagnostic: diagnostic, selected: need, query: URLQuery.encode(items)))
    }
}
