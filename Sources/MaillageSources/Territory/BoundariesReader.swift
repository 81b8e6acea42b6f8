import Foundation
import MaillageCore

/// Reads commune boundaries from a GeoJSON FeatureCollection (properties `code`, `nom`; Polygon or MultiPolygon).
public enum BoundariesReader {
    public static func read(_ text: String, file: String) throws(ImportError) -> (boundaries: [CommuneCode: MultiPolygon], report: ImportReport) {
        let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        guard let features = object?["features"] as? [[String: Any]] else {
            throw ImportError(file: file, message: "GeoJSON invalide : attendu une FeatureCollection")
        }
        var report = ImportReport(file: file, format: "geojson")
        var result: [CommuneCode: MultiPolygon] = [:]
        for (index, feature) in features.enumerated() {
            report.rowsRead += 1
            let properties = feature["properties"] as? [String: Any] ?? [:]
            guard let code = CommuneCode(properties.string("code")) else {
                report.reject(line: index + 1, field: "properties.code", value: properties.string("code"), expected: "un code INSEE")
                continue
            }
            guard let geometry = feature["geometry"] as? [String: Any], let shape = multiPolygon(geometry) else {
                report.reject(line: index + 1, field: "geometry", value: "", expected: "un Polygon ou MultiPolygon")
                continue
            }
            result[code] = shape
            report.accepted += 1
        }
        return (result, report)
    }

    static func multiPolygon(_ geometry: [String: Any]) -> MultiPolygon? {
        func ring(_ raw: Any) -> [Coordinate]? {
            guard let points = raw as? [[Double]] else { return nil }
            return points.compactMap { $0.count >= 2 ? Coordinate(latitude: $0[1], longitude: $0[0]) : nil }
        }
        func polygon(_ raw: Any) -> Polygon? {
            guard let rings = raw as? [Any] else { return nil }
            let parsed = rings.compactMap(ring)
            return parsed.isEmpty ? nil : Polygon(rings: parsed)
        }
        switch geometry["type"] as? String {
        case "Polygon": return polygon(geometry["coordinates"] as Any).map { MultiPolygon(polygons: [$0]) }
        case "MultiPolygon":
            let polygons = (geometry["coordinates"] as? [Any] ?? []).compactMap(polygon)
            return polygons.isEmpty ? nil : MultiPolygon(polygons: polygons)
        default: return nil
        }
    }
}
