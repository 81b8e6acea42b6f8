/// Which communes touch each other, computed from their boundaries.
///
/// Two communes are adjacent when their boundaries share a vertex (after rounding to about 1 m), which holds for
/// topologically simplified boundaries such as IGN Admin Express derivatives.
public struct Adjacency: Hashable, Codable, Sendable {
    public private(set) var neighbours: [CommuneCode: Set<CommuneCode>]

    public init(neighbours: [CommuneCode: Set<CommuneCode>] = [:]) { self.neighbours = neighbours }

    public init(communes: some Sequence<Commune>) {
        var owners: [VertexKey: Set<CommuneCode>] = [:]
        for commune in communes {
            guard let boundary = commune.boundary else { continue }
            for vertex in boundary.vertices { owners[VertexKey(vertex), default: []].insert(commune.code) }
        }
        var neighbours: [CommuneCode: Set<CommuneCode>] = [:]
        for codes in owners.values where codes.count > 1 {
            for code in codes { neighbours[code, default: []].formUnion(codes.subtracting([code])) }
        }
        self.neighbours = neighbours
    }

    /// The communes touching `code`, by code: a set's order changes from one process to the next, and pages (and
    /// their ETags) must not.
    public func neighbours(of code: CommuneCode) -> [CommuneCode] { (neighbours[code] ?? []).sorted() }

    public func areAdjacent(_ a: CommuneCode, _ b: CommuneCode) -> Bool { neighbours[a]?.contains(b) ?? false }

    /// Every pair once, `a < b`, sorted: a stable form for storage.
    public var pairs: [(CommuneCode, CommuneCode)] {
        neighbours.flatMap { code, others in others.filter { code < $0 }.map { (code, $0) } }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }

    private struct VertexKey: Hashable {
        let lat: Int64
        let lon: Int64
        init(_ c: Coordinate) {
            lat = Int64((c.latitude * 100_000).rounded())
            lon = Int64((c.longitude * 100_000).rounded())
        }
    }
}
