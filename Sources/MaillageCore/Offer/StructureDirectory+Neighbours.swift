extension StructureDirectory {
    /// A territory's structures, then those of its neighbouring territories: where a person may be sent, an agreement
    /// with a neighbour included.
    public func structures(around siren: Siren, in territory: TerritoryData) -> [Structure] {
        let neighbours = Set(territory.neighbouringEPCIs(of: siren).map(\.siren))
        return structures(in: siren) + structures.filter { $0.territory.map(neighbours.contains) ?? false }
    }
}
