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
