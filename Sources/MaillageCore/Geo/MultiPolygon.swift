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
                    let crossing = (b.longitude - a.longitude) * (point.latitude - a.latitude) / (b.latitude - a.latitude)
                        + a.longitude
                    if point.longitude < crossing { inside.toggle() }
                }
                j = i
            }
        }
        return inside
    }
}

/// One or several polygons: the boundary of a commune.
public struct MultiPolygon: Hashable, Codable, Sendable {
    public var polygons: [Polygon]
    public let boundingBox: BoundingBox?

    public init(polygons: [Polygon]) {
        self.polygons = polygons
        self.boundingBox = BoundingBox(enclosing: polygons.lazy.flatMap { $0.rings.first ?? [] })
    }

    public func contains(_ point: Coordinate) -> Bool {
        guard let boundingBox, boundingBox.contains(point) else { return false }
        return polygons.contains { $0.contains(point) }
    }

    /// Every vertex of every ring.
    public var vertices: [Coordinate] { polygons.flatMap { $0.rings.flatMap { $0 } } }
}
