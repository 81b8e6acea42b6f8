import SQLKit

/// One step of the schema, applied once, in order.
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
    // A structure's hand completion.
    ChangeLogTopics(name: "0016_change_log_structures", topics: ["lieux", "territoire", "personas", "structures"]),
    CreateCycles(),
    CreatePartnerships(),
    // A territory's orientation rules, which the journeys read.
    ChangeLogTopics(name: "0019_change_log_rules", topics: ["lieux", "territoire", "personas", "structures", "regles"]),
    WorkshopSecrets(),
    CreateRecoveryCodes(),
    CreateAttemptCounters(),
    ForgetClearKeys(),
    ListsAsChildTables(),
]
