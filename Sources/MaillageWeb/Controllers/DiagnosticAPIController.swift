import Foundation
import Hummingbird
import MaillageCore
import MaillageSources

/// `/api/v1/diagnostic?epci=SIREN` or `?communes=59526,59172,59491`: the territorial diagnostic as JSON.
struct DiagnosticAPIController {
    let state: AppState

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("diagnostic", use: diagnostic)
        // Excel-friendly by default (what most people open it with); `dialecte=standard` for other tools.
        group.get("diagnostic.csv") { request, _ in
            let dialect: CSVDialect = try QueryReader(request).choice("dialecte") ?? .excel
            let bytes = DiagnosticCSVWriter.write(try compute(request), dialect: dialect)
            return Self.file(bytes, type: "text/csv; charset=utf-8", name: "diagnostic.csv")
        }
        group.get("diagnostic.geojson") { request, _ in
            Self.file(DiagnosticGeoJSONWriter.write(try compute(request)), type: "application/geo+json", name: "diagnostic.geojson")
        }
    }

    @Sendable func diagnostic(request: Request, context: AppRequestContext) async throws -> Response {
        Self.file(DiagnosticDocument(try compute(request)).json(), type: "application/json", name: nil)
    }

    private func compute(_ request: Request) throws -> Diagnostic {
        let index = state.index.current
        return Diagnostic.compute(perimeter: try Self.perimeter(QueryReader(request), territory: index.territory, default: state.focus), index: index)
    }

    private static func file(_ bytes: Data, type: String, name: String?) -> Response {
        var headers: HTTPFields = [.contentType: type]
        if let name { headers[.contentDisposition] = "attachment; filename=\"\(name)\"" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The perimeter named by `communes` (INSEE codes, comma-separated) or `epci` (SIREN), the focus EPCI by default.
    static func perimeter(_ reader: QueryReader, territory: TerritoryData, default focus: Siren) throws(ParameterError) -> Perimeter {
        if let list = try reader.single("communes") {
            guard let codes = try? territory.communeCodes(inList: list), codes.count <= 500 else {
                throw ParameterError(parameter: "communes", message: "« communes » attend des codes INSEE connus, séparés par des virgules")
            }
            return .communes(codes, in: territory)
        }
        let text = try reader.single("epci") ?? focus.rawValue
        guard let siren = Siren(text), let epci = territory.epcis[siren] else {
            throw ParameterError(parameter: "epci", message: "« epci » attend le SIREN d'un EPCI connu (9 chiffres)")
        }
        return .epci(epci)
    }
}
