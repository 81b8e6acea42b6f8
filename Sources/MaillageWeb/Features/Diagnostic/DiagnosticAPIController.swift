import Foundation
import Hummingbird
import MaillageCore
import MaillageSources

/// `/api/v1/diagnostic` with a perimeter (`epci`, `communes`, `departement`, `region` or `france=1`): the territorial
/// diagnostic as JSON, CSV or GeoJSON.
struct DiagnosticAPIController {
    let index: any IndexSnapshotReading
    let focus: Siren

    func register(on router: Router<AppRequestContext>) {
        router.get(.api(.diagnostic)) { request, _ in
            Self.file(DiagnosticDocument(try compute(request)).json(), type: "application/json", name: nil)
        }
        // Excel-friendly by default (what most people open it with); `dialecte=standard` for other tools. Streamed: a
        // national diagnostic is tens of megabytes, written row by row as it is sent.
        router.get(.api(.diagnosticCSV)) { request, _ in
            let dialect: CSVDialect = try QueryReader(request).choice("dialecte") ?? .excel
            let diagnostic = try compute(request)
            return Response(
                status: .ok, headers: Self.headers(type: "text/csv; charset=utf-8", name: "diagnostic.csv"),
                body: ResponseBody { writer in
                    for chunk in DiagnosticCSVWriter.chunks(diagnostic, dialect: dialect) {
                        try await writer.write(ByteBuffer(bytes: chunk))
                    }
                    try await writer.finish(nil)
                })
        }
        router.get(.api(.diagnosticGeoJSON)) { request, _ in
            Self.file(DiagnosticGeoJSONWriter.write(try compute(request)), type: "application/geo+json", name: "diagnostic.geojson")
        }
    }

    private func compute(_ request: Request) throws -> Diagnostic {
        let snapshot = index.snapshot
        return try snapshot.diagnostic(of: try QueryReader(request).perimeter().resolve(in: snapshot.index.territory, default: focus))
    }

    private static func headers(type: String, name: String?) -> HTTPFields {
        var headers: HTTPFields = [.contentType: type]
        if let name { headers[.contentDisposition] = "attachment; filename=\"\(name)\"" }
        return headers
    }

    private static func file(_ bytes: Data, type: String, name: String?) -> Response {
        Response(status: .ok, headers: headers(type: type, name: name), body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
