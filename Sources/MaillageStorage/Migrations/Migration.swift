import SQLKit

/// One step of the schema, applied once, in order. It spells the table and column names of its time as literals, never
/// with the `Schema/` constants that repositories use, so that a later rename cannot change what it does.
protocol Migration: Sendable {
    /// A unique, never-renamed name, prefixed by its order (`0001_territory`).
    var name: String { get }
    func prepare(on database: any SQLDatabase) async throws
}

/// The ordered, append-only list of migrations: add new ones at the end, never change what a shipped one does.
let allMigrations: [any Migration] = [
    CreateTerritory(),
    CreatePlaces(),
    CreateImportRuns(),
    CreatePersonas(),
    CreatePendingBlocks(),
    TypedPersonas(),
    ReaderVersions(),
    CreateChangeLog(),
    TypedImportRuns(),
    TypedPlaces(),
    TypedSourceRecords(),
    CreateAccounts(),
    PersonasByTerritory(),
    SecondFactor(),
    CreateOffer(),
    ChangeLogStructures(),
    CreateCycles(),
    CreatePartnerships(),
    ChangeLogRules(),
    WorkshopSecrets(),
    CreateRecoveryCodes(),
    CreateAttemptCounters(),
    ForgetClearKeys(),
    SnapshotCoverageRule(),
    ListsAsChildTables()
]
