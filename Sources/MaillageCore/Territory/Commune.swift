/// A French commune with the facts Maillage uses.
public struct Commune: Hashable, Codable, Sendable, Identifiable {
    public var code: CommuneCode
    public var name: String
    /// The main postal code (a commune may have several; this is La Poste's main one).
    public var postalCode: String
    public var population: Int
    /// One representative point (INSEE "chef-lieu" or centroid).
    public var centroid: Coordinate
    public var areaKm2: Double?
    public var epci: Siren?
    public var boundary: MultiPolygon?

    public var id: CommuneCode { code }
    public var department: String { code.department }

    public init(code: CommuneCode, name: String, postalCode: String, population: Int, centroid: Coordinate,
                areaKm2: Double? = nil, epci: Siren? = nil, boundary: MultiPolygon? = nil) {
        self.code = code
        self.name = name
        self.postalCode = postalCode
        self.population = population
        self.centroid = centroid
        self.areaKm2 = areaKm2
        self.epci = epci
        self.boundary = boundary
    }
}

extension Sequence<Commune> {
    /// Sorted by name, case and accents ignored (each name folded once), then by code.
    public func sortedByName() -> [Commune] {
        let communes = Array(self)
        let fold: @Sendable (Commune) -> (String, Commune) = { ($0.name.folded, $0) }
        // Folding is slow enough (Foundation) that thousands of names are folded on every core.
        let keyed = communes.count >= 1_000 ? communes.concurrentMap(fold) : communes.map(fold)
        return keyed.sorted { ($0.0, $0.1.code.rawValue) < ($1.0, $1.1.code.rawValue) }.map(\.1)
    }
}
