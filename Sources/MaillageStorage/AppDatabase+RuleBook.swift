import MaillageCore

extension AppDatabase {
    /// The structures recognised from the index's places with their hand completions, and every territory's
    /// orientation rules naming them: what the journeys and `/orienter` read first.
    public func ruleBook(for index: PlaceIndex) async throws -> OrientationRuleBook {
        let structures = StructureDirectory(places: index.entries.map(\.merged), territory: index.territory, completions: try await structures.completions())
        return OrientationRuleBook(rules: try await orientationRules.all(), structures: structures)
    }
}
