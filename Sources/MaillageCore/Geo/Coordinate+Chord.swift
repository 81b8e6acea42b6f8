import Foundation

extension Coordinate {
    /// The point on the unit sphere. The straight-line (chord) distance between two such points orders them exactly as
    /// the great-circle distance does, without trigonometry per pair: what scans over many places use.
    public var unitVector: SIMD3<Double> {
        let toRadians = Double.pi / 180
        let latitude = self.latitude * toRadians, longitude = self.longitude * toRadians
        return SIMD3(cos(latitude) * cos(longitude), cos(latitude) * sin(longitude), sin(latitude))
    }

    /// The squared chord between two unit vectors of points `metres` apart on the Earth.
    public static func squaredChord(forMetres metres: Double) -> Double {
        let chord = 2 * sin(min(metres / earthRadiusMetres, .pi) / 2)
        return chord * chord
    }

    /// The great-circle distance, in metres, of a squared chord between unit vectors (the same as ``distance(to:)``).
    public static func metres(forSquaredChord squared: Double) -> Double {
        2 * earthRadiusMetres * asin(min(1, squared.squareRoot() / 2))
    }
}
