import MaillageCore

extension AppDatabase {
    /// The structures recognised from the index's places with their hand completions (or `structures`, when they are
    /// still current: grouping every place is the costly part), and every territory's orientation rules naming them:
    /// what the journeys and `/orienter` read first.
    public func ruleBook(for index: PlaceIndex, structures current: StructureDirectory? = nil) async throws -> OrientationRuleBook {
        let directory =
            if let current { current } else {
                StructureDirectory(places: index.entries.map(\.merged), territory: index.territory, completions: try await structures.completions())
            }
        return OrientationRuleBook(rules: try await orientationRules.all(), structures: directory)
    }
}
