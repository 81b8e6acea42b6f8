import Foundation
import MaillageCore

/// Writes places as a GeoJSON FeatureCollection of points; properties are the standard columns plus `precision`.
public enum GeoJSONWriter {
    public static func write(_ places: [Place]) -> Data {
        let features: [[String: Any]] = places.compactMap { place in
            guard let point = place.coordinate else { return nil }
            var properties = StandardJSONWriter.object(place)
            properties.removeValue(forKey: StandardColumn.latitude.rawValue)
            properties.removeValue(forKey: StandardColumn.longitude.rawValue)
            properties["precision"] = place.precision.rawValue
            return [
                "type": "Feature",
                "geometry": ["type": "Point", "coordinates": [point.longitude, point.latitude]],
                "properties": properties
            ]
        }
        let collection: [String: Any] = ["type": "FeatureCollection", "features": features]
        return (try? JSONSerialization.data(withJSONObject: collection, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}
