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
        insert(item, covering: BoundingBox(minLatitude: point.latitude, minLongitude: point.longitude,
                                           maxLatitude: point.latitude, maxLongitude: point.longitude))
    }

    /// Items whose box contains the point.
    public func candidates(containing point: Coordinate) -> [Item] {
        (cells[Cell(row: index(point.latitude), column: index(point.longitude))] ?? [])
            .filter { $0.box.contains(point) }.map(\.item)
    }

    /// Items registered in the cells within `radiusMetres` of the point (a superset: filter by exact distance).
    public func candidates(near point: Coordinate, radiusMetres: Double) -> [Item] {
        var found: [Item] = []
        forEachCandidate(near: point, radiusMetres: radiusMetres) { found.append($0) }
        return found
    }

    /// Calls `body` with every item registered in the cells within `radiusMetres` of the point, without allocating.
    public func forEachCandidate(near point: Coordinate, radiusMetres: Double, _ body: (Item) -> Void) {
        let latitudeSpan = radiusMetres / 111_195
        let longitudeSpan = latitudeSpan / max(0.01, cos(point.latitude * .pi / 180))
        for row in index(point.latitude - latitudeSpan)...index(point.latitude + latitudeSpan) {
            for column in index(point.longitude - longitudeSpan)...index(point.longitude + longitudeSpan) {
                guard let cell = cells[Cell(row: row, column: column)] else { continue }
                for entry in cell { body(entry.item) }
            }
        }
    }

    private func index(_ degrees: Double) -> Int { Int((degrees / cellDegrees).rounded(.down)) }
}
