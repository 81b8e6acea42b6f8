/// What a diagnostic covers: an EPCI, or any list of communes (e.g. the three focus communes of a workshop).
public struct Perimeter: Hashable, Codable, Sendable {
    public var name: String
    public var communes: [CommuneCode]
    /// The EPCI, when the perimeter is one.
    public var epci: Siren?

    public init(name: String, communes: [CommuneCode], epci: Siren? = nil) {
        self.name = name
        self.communes = communes
        self.epci = epci
    }

    public static func epci(_ epci: EPCI) -> Perimeter {
        Perimeter(name: epci.name, communes: epci.members, epci: epci.siren)
    }

    /// A list of communes, named after them ("Saint-Amand-les-Eaux, Denain, Raismes").
    public static func communes(_ codes: [CommuneCode], in territory: TerritoryData) -> Perimeter {
        Perimeter(name: codes.compactMap { territory.commune($0)?.name }.joined(separator: ", "), communes: codes)
    }
}
