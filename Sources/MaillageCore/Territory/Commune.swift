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

    public init(
        code: CommuneCode, name: String, postalCode: String, population: Int, centroid: Coordinate,
        areaKm2: Double? = nil, epci: Siren? = nil, boundary: MultiPolygon? = nil
    ) {
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
