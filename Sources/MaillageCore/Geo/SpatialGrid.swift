import Foundation

/// A uniform grid over latitude/longitude that finds items near a point without scanning them all.
public struct SpatialGrid<Item: Sendable>: Sendable {
    public let cellDegrees: Double
    private var cells: [Cell: [Entry]] = [:]

    struct Cell: Hashable, Sendable {
        let row: Int
        let column: Int
    }

    struct Entry: Sendable {
        let box: BoundingBox
        let item: Item
    }

    public init(cellDegrees: Double = 0.05) { self.cellDegrees = cellDegrees }

    /// Registers an item in every cell its box overlaps.
    public mutating func insert(_ item: Item, covering box: BoundingBox) {
        for row in index(box.minLatitude)...index(box.maxLatitude) {
            for column in index(box.minLongitude)...index(box.maxLongitude) {
                cells[Cell(row: row, column: column), default: []].append(Entry(box: box, item: item))
            }
        }
    }

    public mutating func insert(_ item: Item, at point: Coordinate) {
        insert(
            item,
            covering: BoundingBox(
                minLatitude: point.latitude, minLongitude: point.longitude,
                maxLatitude: point.latitude, maxLongitude: point.longitude))
    }

    /// Items whose box contains the point.
    public func candidates(containing point: Coordinate) -> [Item] {
        (cells[Cell(row: index(point.latitude), column: index(point.longitude))] ?? [])
            .filter { $0.box.contains(point) }.map(\.item)
    }

    /// Calls `body` with every item registered in the cells within `radiusMetres` of the point, without allocating.
    public func forEachCandidate(near point: Coordinate, radiusMetres: Double, _ body: (Item) -> Void) {
        let latitudeSpan = radiusMetres / Self.metresPerDegree
        let longitudeSpan = latitudeSpan / Self.longitudeScale(at: point.latitude)
        for row in index(point.latitude - latitudeSpan)...index(point.latitude + latitudeSpan) {
            for column in index(point.longitude - longitudeSpan)...index(point.longitude + longitudeSpan) {
                guard let cell = cells[Cell(row: row, column: column)] else { continue }
                for entry in cell { body(entry.item) }
            }
        }
    }

    /// The item nearest to the point within `maxDistanceMetres`, looking at rings of cells around the point's cell and
    /// stopping as soon as no unvisited cell can hold anything nearer.
    ///
    /// Candidates are compared with the equirectangular approximation (exact enough below a few hundred kilometres, and
    /// without trigonometry per point); the distance returned is the haversine distance of the one found.
    public func nearest(to point: Coordinate, maxDistanceMetres: Double, location: (Item) -> Coordinate?) -> (item: Item, distance: Double)? {
        let metresPerDegree = Self.metresPerDegree
        let cosine = Self.longitudeScale(at: point.latitude)
        let row = index(point.latitude), column = index(point.longitude)
        let limit = maxDistanceMetres * 1.01
        var best: (item: Item, location: Coordinate, squared: Double)?
        var ring = 0
        while true {
            // How far the point is from leaving the square of the rings already visited: nothing beyond is nearer.
            if ring > 0 {
                let latitudeGap = min(point.latitude - Double(row - ring + 1) * cellDegrees, Double(row + ring) * cellDegrees - point.latitude)
                let longitudeGap = min(
                    point.longitude - Double(column - ring + 1) * cellDegrees, Double(column + ring) * cellDegrees - point.longitude)
                let bound = min(latitudeGap * metresPerDegree, longitudeGap * metresPerDegree * cosine)
                if bound > limit || (best.map { $0.squared <= bound * bound } ?? false) { break }
            }
            for r in (row - ring)...(row + ring) {
                let onEdge = r == row - ring || r == row + ring
                let step = onEdge ? 1 : max(1, 2 * ring)
                for c in stride(from: column - ring, through: column + ring, by: step) {
                    guard let cell = cells[Cell(row: r, column: c)] else { continue }
                    for entry in cell {
                        guard let location = location(entry.item) else { continue }
                        let dy = (location.latitude - point.latitude) * metresPerDegree
                        let dx = (location.longitude - point.longitude) * metresPerDegree * cosine
                        let squared = dx * dx + dy * dy
                        if squared <= limit * limit, squared < (best?.squared ?? .infinity) { best = (entry.item, location, squared) }
                    }
                }
            }
            ring += 1
        }
        guard let best else { return nil }
        let distance = point.distance(to: best.location)
        return distance <= maxDistanceMetres ? (best.item, distance) : nil
    }

    private func index(_ degrees: Double) -> Int { Int((degrees / cellDegrees).rounded(.down)) }

    /// Metres in one degree of latitude.
    private static var metresPerDegree: Double { 111_195 }

    /// How much shorter a degree of longitude is than one of latitude (never below 1 %, near the poles).
    private static func longitudeScale(at latitude: Double) -> Double { max(0.01, cos(latitude * .pi / 180)) }
}
