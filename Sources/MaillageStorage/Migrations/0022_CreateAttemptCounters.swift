import SQLKit

/// Throttles that count an attempt before its check, in one row per key updated atomically, replace the failures
/// recorded after it (which parallel attempts could outrun).
struct CreateAttemptCounters: Migration {
    let name = "0022_attempt_counters"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "attempt_counters")
            .column("counter_key", type: .text, .primaryKey(autoIncrement: false))
            .column("attempts", type: .bigint, .notNull)
            .column("started_at", type: db.doubleType, .notNull)
            .column("last_at", type: db.doubleType, .notNull)
            .run()
        try await db.create(index: "attempt_counters_last").on("attempt_counters").column("last_at").run()
        try await db.drop(table: "sign_in_failures").run()
    }
}
