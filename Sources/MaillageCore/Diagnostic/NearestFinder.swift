/// Finds the nearest of a fixed set of points, looking in rings of grid cells around the origin.
///
/// The cell size follows the density of the points (about four per cell on average), so that a rare need does not
/// make every search walk hundreds of empty cells and a common one does not scan crowded cells.
struct NearestFinder: Sendable {
    private var grid: SpatialGrid<Int>
    private let points: [Coordinate]

    init(points: [Coordinate]) {
        self.points = points
        let box = BoundingBox(enclosing: points)
        let area = box.map { max(0.01, ($0.maxLatitude - $0.minLatitude) * ($0.maxLongitude - $0.minLongitude)) } ?? 1
        grid = SpatialGrid(cellDegrees: min(1.0, max(0.02, (4 * area / Double(max(1, points.count))).squareRoot())))
        for (index, point) in points.enumerated() { grid.insert(index, at: point) }
    }

    /// The index and distance of the nearest point within `maxDistance` metres.
    func nearest(to origin: Coordinate, maxDistance: Double) -> (index: Int, distance: Double)? {
        guard !points.isEmpty else { return nil }
        return grid.nearest(to: origin, maxDistanceMetres: maxDistance) { points[$0] }.map { ($0.item, $0.distance) }
    }
}
