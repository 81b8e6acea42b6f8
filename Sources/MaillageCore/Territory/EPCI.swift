/// An "établissement public de coopération intercommunale à fiscalité propre" and its member communes.
public struct EPCI: Hashable, Codable, Sendable, Identifiable {
    /// CA, CC, CU or METRO.
    public var kind: String
    public var siren: Siren
    public var name: String
    public var population: Int
    /// Member communes, sorted by code.
    public var members: [CommuneCode]

    public var id: Siren { siren }

    public init(siren: Siren, name: String, kind: String, population: Int, members: [CommuneCode]) {
        self.siren = siren
        self.name = name
        self.kind = kind
        self.population = population
        self.members = Array(Set(members)).sorted()
    }
}
