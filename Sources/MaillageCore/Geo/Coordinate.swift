import Foundation

/// A WGS84 point.
public struct Coordinate: Hashable, Codable, Sendable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// A coordinate only if both values are finite and within WGS84 bounds.
    public init?(validatingLatitude latitude: Double, longitude: Double) {
        guard latitude.isFinite, longitude.isFinite, (-90...90).contains(latitude), (-180...180).contains(longitude)
        else { return nil }
        self.init(latitude: latitude, longitude: longitude)
    }

    /// Mean Earth radius used for great-circle distances, in metres.
    public static let earthRadiusMetres = 6_371_008.8

    /// Great-circle (haversine) distance to another point, in metres.
    public func distance(to other: Coordinate) -> Double {
        let toRadians = Double.pi / 180
        let dLat = (other.latitude - latitude) * toRadians
        let dLon = (other.longitude - longitude) * toRadians
        let a =
            sin(dLat / 2) * sin(dLat / 2)
            + cos(latitude * toRadians) * cos(other.latitude * toRadians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * Self.earthRadiusMetres * asin(min(1, a.squareRoot()))
    }
}
