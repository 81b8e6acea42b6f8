/// Finds the nearest of a fixed set of points, looking in ever wider rings of a grid.
struct NearestFinder {
    private var grid = SpatialGrid<Int>(cellDegrees: 0.1)
    private let points: [Coordinate]
    private static let rings = [5_000.0, 15_000, 30_000, 60_000, 120_000]

    init(points: [Coordinate]) {
        self.points = points
        for (index, point) in points.enumerated() { grid.insert(index, at: point) }
    }

    /// The index and distance of the nearest point within `maxDistance` metres.
    func nearest(to origin: Coordinate, maxDistance: Double) -> (index: Int, distance: Double)? {
        guard !points.isEmpty else { return nil }
        for radius in Self.rings.filter({ $0 < maxDistance }) + [maxDistance] {
            var best: (Int, Double)?
            for candidate in grid.candidates(near: origin, radiusMetres: radius) {
                let distance = origin.distance(to: points[candidate])
                if distance <= radius, distance < (best?.1 ?? .infinity) { best = (candidate, distance) }
            }
            if let best { return best }
        }
        return nil
    }
}
