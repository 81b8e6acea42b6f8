/// A polygon as GeoJSON describes it: an outer ring then holes, each ring a closed list of points.
public struct Polygon: Hashable, Codable, Sendable {
    public var rings: [[Coordinate]]

    public init(rings: [[Coordinate]]) { self.rings = rings }

    /// Even-odd rule over all rings, so holes are excluded.
    public func contains(_ point: Coordinate) -> Bool {
        var inside = false
        for ring in rings where ring.count >= 3 {
            var j = ring.count - 1
            for i in 0..<ring.count {
                let a = ring[i], b = ring[j]
                if (a.latitude > point.latitude) != (b.latitude > point.latitude) {
                    let crossing =
                        (b.longitude - a.longitude) * (point.latitude - a.latitude) / (b.latitude - a.latitude)
                        + a.longitude
                    if point.longitude < crossing { inside.toggle() }
                }
                j = i
            }
        }
        return inside
    }
}
