import Foundation

/// The official French projection (RGF93 / Lambert-93, EPSG:2154): conformal, metres, north up.
public enum Lambert93 {
    private static let a = 6_378_137.0
    private static let e = 0.081_819_191_042_815_8
    private static let phi0 = 46.5 * .pi / 180, phi1 = 44.0 * .pi / 180, phi2 = 49.0 * .pi / 180
    private static let lambda0 = 3.0 * .pi / 180
    private static let x0 = 700_000.0, y0 = 6_600_000.0

    private static func m(_ phi: Double) -> Double { cos(phi) / (1 - e * e * sin(phi) * sin(phi)).squareRoot() }
    private static func t(_ phi: Double) -> Double {
        tan(.pi / 4 - phi / 2) / pow((1 - e * sin(phi)) / (1 + e * sin(phi)), e / 2)
    }
    private static let n = (log(m(phi1)) - log(m(phi2))) / (log(t(phi1)) - log(t(phi2)))
    private static let f = m(phi1) / (n * pow(t(phi1), n))
    private static let rho0 = a * f * pow(t(phi0), n)

    /// Easting and northing in metres.
    public static func project(_ point: Coordinate) -> (x: Double, y: Double) {
        let phi = point.latitude * .pi / 180
        let rho = a * f * pow(t(phi), n)
        let theta = n * (point.longitude * .pi / 180 - lambda0)
        return (x0 + rho * sin(theta), y0 + rho0 - rho * cos(theta))
    }
}
