import SQLKit

/// The lists kept as `|`-joined text — a meeting's focus communes, a missing place's services, publics and needs, the
/// communes a structure serves — move into child tables, one row per value in its order; the text columns are dropped.
/// Literal names: a migration never follows today's schema constants.
struct ListsAsChildTables: Migration {
    let name = "0025_lists_as_child_tables"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "meeting_focus_communes")
            .column("meeting_id", type: .bigint, .notNull)
            .column("position", type: .int, .notNull)
            .column("commune_code", type: .text, .notNull)
            .primaryKey("meeting_id", "position")
            .foreignKey(["meeting_id"], references: "meetings", ["id"], onDelete: .cascade)
            .run()
        try await db.create(table: "missing_place_values")
            .column("missing_place_id", type: .bigint, .notNull)
            .column("list", type: .text, .notNull)
            .column("position", type: .int, .notNull)
            .column("value", type: .text, .notNull)
            .primaryKey("missing_place_id", "list", "position")
            .foreignKey(["missing_place_id"], references: "missing_places", ["id"], onDelete: .cascade)
            .check("list IN ('services', 'publics', 'needs')" as SQLQueryString, named: nil as String?)
            .run()
        try await db.create(table: "structure_communes")
            .column("structure_id", type: .text, .notNull)
            .column("position", type: .int, .notNull)
            .column("commune_code", type: .text, .notNull)
            .primaryKey("structure_id", "position")
            .foreignKey(["structure_id"], references: "structure_completions", ["structure_id"], onDelete: .cascade)
            .run()
        for (id, communes) in try await takeLists(of: "meetings", key: "id", as: Int.self, column: "focus_communes", on: db) {
            for (position, code) in communes.enumerated() {
                try await db.insert(into: "meeting_focus_communes").columns("meeting_id", "position", "commune_code")
                    .values(SQLBind(id), SQLBind(position), SQLBind(code)).run()
            }
        }
        for list in ["services", "publics", "needs"] {
            for (id, values) in try await takeLists(of: "missing_places", key: "id", as: Int.self, column: list, on: db) {
                for (position, value) in values.enumerated() {
                    try await db.insert(into: "missing_place_values").columns("missing_place_id", "list", "position", "value")
                        .values(SQLBind(id), SQLBind(list), SQLBind(position), SQLBind(value)).run()
                }
            }
        }
        for (id, communes) in try await takeLists(of: "structure_completions", key: "structure_id", as: String.self, column: "communes", on: db) {
            for (position, code) in communes.enumerated() {
                try await db.insert(into: "structure_communes").columns("structure_id", "position", "commune_code")
                    .values(SQLBind(id), SQLBind(position), SQLBind(code)).run()
            }
        }
    }

    /// Each row's `|`-joined `column` as its non-empty values in order; the column is dropped once read (SQLite drops a column
    /// that no index or constraint names, as these).
    private func takeLists<Key: Decodable>(
        of table: String, key: String, as _: Key.Type, column: String,
        on db: any SQLDatabase
    ) async throws -> [(Key, [String])] {
        let rows = try await db.select().columns(key, column).from(table).all().map { row in
            (try row.decode(column: key, as: Key.self), try row.decode(column: column, as: String.self).split(separator: "|").map(String.init))
        }
        try await db.alter(table: table).dropColumn(column).run()
        return rows
    }
}
