import SQLKit

/// The change log learns topics: its CHECK is rebuilt, which SQLite can only do by copying the table. Sequence numbers
/// are kept, so that running instances lose no change. Each migration that uses it (0016, 0019) names the whole list
/// of topics allowed after it.
struct ChangeLogTopics {
    /// The topics' stored values (``ChangeLog/Topic``'s raw values at the time of the migration).
    let topics: [String]

    func rebuild(on db: any SQLDatabase) async throws {
        let copy = "change_log_v2"
        let allowed = topics.map { "'\($0)'" }.joined(separator: ", ")
        try await db.create(table: copy)
            .column("seq", type: db.sequenceType, .primaryKey(autoIncrement: true))
            .column("topic", type: .text, .notNull)
            .column("item", type: .text)
            .column("changed_at", type: .text, .notNull)
            .check(SQLRaw("topic IN (\(allowed))"), named: nil as String?)
            .run()
        try await db.raw("INSERT INTO \(ident: copy) (seq, topic, item, changed_at) SELECT seq, topic, item, changed_at FROM \(ident: "change_log")")
            .run()
        try await db.drop(table: "change_log").run()
        try await db.raw("ALTER TABLE \(ident: copy) RENAME TO \(ident: "change_log")").run()
        try await db.continueSequence(table: "change_log", column: "seq")
    }
}
