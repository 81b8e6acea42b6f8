/// Reads one consistent snapshot: the index with the structures and rules derived from it, and the diagnostics,
/// matrices and JSON computed on it once (what a computation must take from a single moment).
protocol IndexSnapshotReading: Sendable {
    var snapshot: IndexStore.Snapshot { get }
}
