import Foundation
import Hummingbird
import MaillageCore
import MaillageSources

/// `/api/v1/recherche` (JSON), `/api/v1/recherche.csv` (national standard) and `/api/v1/recherche.geojson`: the same
/// parameters as the search page.
struct SearchAPIController {
    let index: any PlaceIndexReading & IndexSnapshotReading
    let focus: Siren

    func register(on router: Router<AppRequestContext>) {
        router.get(.api(.search), use: search)
        router.get(.api(.searchCSV), use: csv)
        router.get(.api(.searchGeoJSON), use: geojson)
    }

    @Sendable func search(request: Request, context: AppRequestContext) async throws -> SearchDTO {
        let paging = try Paging(QueryReader(request), defaultPerPage: 20)
        let snapshot = index.snapshot
        let result = try run(request, on: snapshot.index, limit: paging.page * paging.perPage)
        return SearchDTO(result: result, paging: paging, placeJSON: snapshot.placeJSON)
    }

    @Sendable func csv(request: Request, context: AppRequestContext) async throws -> Response {
        let places = try run(request, on: index.current, limit: 5_000).matches.map(\.entry.place)
        return download(Data(StandardCSVWriter.write(places).utf8), type: "text/csv; charset=utf-8", file: "lieux.csv")
    }

    @Sendable func geojson(request: Request, context: AppRequestContext) async throws -> Response {
        let places = try run(request, on: index.current, limit: 5_000).matches.map(\.entry.place)
        return download(GeoJSONWriter.write(places), type: "application/geo+json", file: "lieux.geojson")
    }

    private func run(_ request: Request, on index: PlaceIndex, limit: Int) throws -> SearchResult {
        let parameters = try SearchParameters(QueryReader(request))
        let resolved = try OriginResolver(territory: index.territory, focus: focus).resolve(parameters)
        return index.search(parameters.query(origin: resolved?.origin, limit: limit))
    }

    private func download(_ data: Data, type: String, file: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(file)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
