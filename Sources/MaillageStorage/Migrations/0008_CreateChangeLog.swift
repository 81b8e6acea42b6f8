import SQLKit

/// What each write changed, in commit order: an instance polls it (a one-row query each second) to learn of another
/// instance's writes and reload only what changed.
struct CreateChangeLog: Migration {
    let name = "0008_change_log"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "change_log")
            .column("seq", type: db.sequenceType, .primaryKey(autoIncrement: true))
            .column("topic", type: .text, .notNull)
            .column("item", type: .text)
            .column("changed_at", type: .text, .notNull)
            .check(SQLRaw("topic IN ('lieux', 'territoire', 'personas')"), named: nil as String?)
            .run()
    }
}
