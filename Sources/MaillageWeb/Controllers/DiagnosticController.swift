import Hummingbird
import MaillageCore

/// `/diagnostic?epci=SIREN` or `?communes=…` (with `besoin=KEY` choosing the map and `placer=KEY&k=N&minutes=M` the
/// placement proposal), its standalone HTML report `/diagnostic.html`, and one commune's page
/// `/diagnostic/communes/:code`.
struct DiagnosticController {
    let state: AppState

    func register(on router: Router<AppRequestContext>) {
        router.get("diagnostic", use: show)
        router.get("diagnostic.html", use: report)
        router.get("diagnostic/communes/:code", use: commune)
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> HTML {
        state.pages.render(try page(request))
    }

    /// The same page as a single file: the stylesheet inlined, links made absolute to this site.
    @Sendable func report(request: Request, context: AppRequestContext) async throws -> Response {
        var page = try page(request)
        page.standalone = .init(stylesheet: state.pages.stylesheet, baseURL: request.head.authority.map { "http://\($0)/" })
        var response = try state.pages.render(page).response(from: request, context: context)
        response.headers[.contentDisposition] = "attachment; filename=\"diagnostic.html\""
        return response
    }

    @Sendable func commune(request: Request, context: AppRequestContext) async throws -> HTML {
        let index = state.index.current
        let text = try context.parameters.require("code")
        guard let code = CommuneCode(text), let commune = index.territory.commune(code) else {
            throw HTTPError(.notFound, message: "Commune inconnue")
        }
        let reader = QueryReader(request)
        let perimeter: Perimeter
        if try reader.single("communes") != nil || reader.single("epci") != nil {
            perimeter = try DiagnosticAPIController.perimeter(reader, territory: index.territory, default: state.focus)
        } else if let epci = commune.epci.flatMap({ index.territory.epcis[$0] }) {
            perimeter = .epci(epci)
        } else {
            perimeter = Perimeter(name: commune.name, communes: [code])
        }
        let diagnostic = Diagnostic.compute(perimeter: perimeter, index: index)
        guard let row = diagnostic.rows.first(where: { $0.commune.code == code }) else {
            throw ParameterError(parameter: "communes", message: "\(commune.name) n'est pas dans le périmètre demandé")
        }
        return state.pages.render(CommuneDiagnosticPage(diagnostic: diagnostic, row: row, perimeterQuery: URLQuery.encode(Self.perimeterItems(reader, perimeter)),
                                                        index: index))
    }

    private func page(_ request: Request) throws -> DiagnosticPage {
        let index = state.index.current
        let reader = QueryReader(request)
        let perimeter = try DiagnosticAPIController.perimeter(reader, territory: index.territory, default: state.focus)
        let need = try Self.need(reader, "besoin") ?? .service(.aideDemarchesAdministratives)
        let diagnostic = Diagnostic.compute(perimeter: perimeter, index: index)
        return DiagnosticPage(diagnostic: diagnostic, selected: need, perimeterItems: Self.perimeterItems(reader, perimeter), index: index,
                              placement: try PlacementRequest(reader, default: need, parameters: diagnostic.parameters))
    }

    /// The perimeter as it was asked for, to carry it on in links and forms.
    private static func perimeterItems(_ reader: QueryReader, _ perimeter: Perimeter) -> [(String, String)] {
        if let communes = try? reader.single("communes") { return [("communes", communes)] }
        return DiagnosticReport.perimeterItems(perimeter)
    }

    static func need(_ reader: QueryReader, _ name: String) throws(ParameterError) -> Need? {
        guard let key = try reader.single(name) else { return nil }
        guard let need = Need.all.first(where: { $0.key == key }) else {
            throw ParameterError(parameter: name, message: "« \(name) » inconnu : \(Need.all.map(\.key).joined(separator: ", "))")
        }
        return need
    }
}

/// What the placement form asks: which need, how many new places, within how many minutes by bus.
struct PlacementRequest {
    var need: Need
    var k = 3
    var minutes: Double

    /// The default proposal: three places within the diagnostic's reach time.
    init(need: Need, parameters: DiagnosticParameters) {
        self.need = need
        minutes = parameters.reachMinutes
    }

    init(_ reader: QueryReader, default need: Need, parameters: DiagnosticParameters) throws(ParameterError) {
        self.init(need: try DiagnosticController.need(reader, "placer") ?? need, parameters: parameters)
        k = try reader.number("k", 1...10).map { Int($0) } ?? k
        minutes = try reader.number("minutes", 5...120) ?? minutes
    }
}
