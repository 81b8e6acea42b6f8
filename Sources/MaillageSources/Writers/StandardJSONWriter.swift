import Foundation
import MaillageCore

/// Writes places as a national standard JSON array: one object per place, keys = column names; values the schema
/// would refuse are left out (``StandardConformance``).
public enum StandardJSONWriter {
    public static func write(_ places: [Place]) -> Data {
        let objects = places.map(object)
        return (try? JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("[]".utf8)
    }

    /// All 32 standard columns of a place (empty ones as ""), coordinates as numbers or null.
    static func object(_ place: Place) -> [String: Any] {
        var object: [String: Any] = [:]
        for (column, value) in StandardRowCodec.encode(StandardConformance.conforming(place).place) {
            switch column {
            case .latitude, .longitude: object[column.rawValue] = Double(value) ?? NSNull()
            default: object[column.rawValue] = value
            }
        }
        return object
    }
}
