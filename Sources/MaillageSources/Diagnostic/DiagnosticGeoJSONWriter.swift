import Foundation
import MaillageCore

/// The communes of a diagnostic as GeoJSON polygons, each with its indicators and its coverage per need.
public enum DiagnosticGeoJSONWriter {
    public static func write(_ diagnostic: Diagnostic) -> Data {
        let features: [[String: Any]] = diagnostic.rows.map { row in
            var properties: [String: Any] = [
                "code_insee": row.commune.code.rawValue, "nom": row.commune.name, "population": row.commune.population,
                "lieux": row.places, "lieux_sans_offre_declaree": row.recordedOnly,
                "lieux_pour_10000_habitants": (row.placesPer10k * 10).rounded() / 10,
                "services_dans_la_commune": row.cells.filter { if case .service = $0.need { $0.coverage == .inCommune } else { false } }.count
            ]
            if let fragility = row.fragility { properties["indice_fragilite_numerique"] = (fragility * 10).rounded() / 10 }
            for cell in row.cells { properties["couverture_\(cell.need.key)"] = cell.coverage.rawValue }
            let geometry: [String: Any]
            if let boundary = row.commune.boundary {
                geometry = ["type": "MultiPolygon", "coordinates": boundary.polygons.map { $0.rings.map { $0.map { [$0.longitude, $0.latitude] } } }]
            } else {
                geometry = ["type": "Point", "coordinates": [row.commune.centroid.longitude, row.commune.centroid.latitude]]
            }
            return ["type": "Feature", "geometry": geometry, "properties": properties]
        }
        let collection: [String: Any] = ["type": "FeatureCollection", "features": features]
        return (try? JSONSerialization.data(withJSONObject: collection, options: [.sortedKeys])) ?? Data()
    }
}
