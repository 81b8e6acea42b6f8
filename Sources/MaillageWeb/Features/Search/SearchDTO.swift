import Hummingbird
import MaillageCore

/// A search answer in the JSON API, written with ``JSONWriter`` around the cached JSON of each place
/// (absent values are left out, as `JSONEncoder` does).
struct SearchDTO: ResponseGenerator, Sendable {
    let result: SearchResult
    let paging: Paging
    let placeJSON: PlaceJSONCache

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var writer = JSONWriter(
            capacity: 2_048 * (result.matches.count + result.partialMatches.count + result.neighbourMatches.count + result.recordedOnly.count + 1))
        writer.object { json in
            if let point = result.originPoint {
                json.key("origin")
                json.object { origin in
                    if let commune = result.originCommune {
                        origin.key("code_insee"); origin.string(commune.code.rawValue)
                        origin.key("commune"); origin.string(commune.name)
                    }
                    if let epci = result.originEPCI { origin.key("epci"); origin.string(epci.siren.rawValue) }
                    origin.key("latitude"); origin.number(point.latitude)
                    origin.key("longitude"); origin.number(point.longitude)
                }
            }
            write("results", result.matches.dropFirst(paging.offset), into: &json)
            write("partial_results", paging.page == 1 ? result.partialMatches[...] : [], into: &json)
            json.key("no_local_match"); json.bool(result.noLocalMatch)
            write("neighbour_results", result.neighbourMatches[...], into: &json)
            write("recorded_only_results", paging.page == 1 ? result.recordedOnly[...] : [], into: &json)
            let pagination = PageDTO<PlaceDTO>.Pagination(paging: paging, total: result.totalMatches)
            json.key("pagination")
            json.object { page in
                page.key("page"); page.number(pagination.page)
                page.key("per_page"); page.number(pagination.perPage)
                page.key("total"); page.number(pagination.total)
                page.key("pages"); page.number(pagination.pages)
            }
        }
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: writer.buffer))
    }

    private func write(_ name: String, _ matches: ArraySlice<SearchResult.Match>, into json: inout JSONWriter) {
        json.key(name)
        json.array { list in
            for match in matches {
                list.object { item in
                    item.key("place"); item.raw(placeJSON.json(for: match.entry.merged))
                    if let distance = match.distanceMetres { item.key("distance_m"); item.number(Int(distance.rounded())) }
                    item.key("reasons"); item.strings(match.reasons)
                    item.key("gaps"); item.strings(match.gaps)
                    item.key("full_match"); item.bool(match.isFullMatch)
                    item.key("outside_territory"); item.bool(match.isOutsideTerritory)
                }
            }
        }
    }
}
