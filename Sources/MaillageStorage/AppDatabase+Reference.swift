import MaillageCore

extension AppDatabase {
    /// Every merged place and the territory reference, read at the same time (each is mostly decoding rows, and gets
    /// its own core): what a search index or a diagnostic is built from.
    public func placesAndTerritory() async throws -> (places: [MergedPlace], territory: TerritoryData) {
        async let places = places.all()
        async let territory = territories.load()
        return (try await places, try await territory)
    }
}
