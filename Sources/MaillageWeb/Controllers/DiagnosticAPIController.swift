import Foundation
import Hummingbird
import MaillageCore
import MaillageSources

/// `/api/v1/diagnostic?epci=SIREN` or `?communes=59526,59172,59491`: the territorial diagnostic as JSON.
struct DiagnosticAPIController {
    let state: AppState

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("diagnostic", use: diagnostic)
    }

    @Sendable func diagnostic(request: Request, context: AppRequestContext) async throws -> Response {
        let index = state.index.current
        let perimeter = try Self.perimeter(QueryReader(request), territory: index.territory, default: state.focus)
        let document = DiagnosticDocument(Diagnostic.compute(perimeter: perimeter, index: index))
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: document.json())))
    }

    /// The perimeter named by `communes` (INSEE codes, comma-separated) or `epci` (SIREN), the focus EPCI by default.
    static func perimeter(_ reader: QueryReader, territory: TerritoryData, default focus: Siren) throws(ParameterError) -> Perimeter {
        if let list = try reader.single("communes") {
            var codes: [CommuneCode] = []
            for text in list.split(separator: ",") {
                guard let code = CommuneCode(String(text)), territory.commune(code) != nil, codes.count < 500 else {
                    throw ParameterError(parameter: "communes", message: "« communes » attend des codes INSEE connus, séparés par des virgules")
                }
                codes.append(code)
            }
            return Perimeter(name: codes.compactMap { territory.commune($0)?.name }.joined(separator: ", "), communes: codes)
        }
        let text = try reader.single("epci") ?? focus.rawValue
        guard let siren = Siren(text), let epci = territory.epcis[siren] else {
            throw ParameterError(parameter: "epci", message: "« epci » attend le SIREN d'un EPCI connu (9 chiffres)")
        }
        return .epci(epci)
    }
}
