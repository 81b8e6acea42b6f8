import SQLKit

/// Throttles that count an attempt before its check, in one row per key updated atomically, replace the failures
/// recorded after it (which parallel attempts could outrun).
struct CreateAttemptCounters: Migration {
    let name = "0022_attempt_counters"

    private typealias C = AccountTables.AttemptCounter

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: C.table)
            .column(C.key, type: .text, .primaryKey(autoIncrement: false))
            .column(C.attempts, type: .bigint, .notNull)
            .column(C.startedAt, type: db.doubleType, .notNull)
            .column(C.lastAt, type: db.doubleType, .notNull)
            .run()
        try await db.create(index: "attempt_counters_last").on(C.table).column(C.lastAt).run()
        try await db.drop(table: AccountTables.Failure.table).run()
    }
}
