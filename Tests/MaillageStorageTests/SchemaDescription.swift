import Foundation
import MaillageStorage
import SQLKit

/// The schema of a database as text, one line per table, column, key, check and index, sorted so that two databases
/// with the same schema give the same text whatever order their tables were made in: what the migration-history test
/// compares, and what the committed snapshots hold.
enum SchemaDescription {
    /// The description of the database's schema (its tables in the current schema of PostgreSQL).
    static func of(_ database: AppDatabase) async throws -> String {
        let db = database.sql
        let tables = database.backend == .sqlite ? try await sqliteTables(db) : try await postgresTables(db)
        return tables.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    /// SQLite: the tables of `sqlite_master`, their columns (`table_info`), foreign keys (`foreign_key_list`), indexes
    /// (`index_list`, `index_info`, which include the primary and unique keys) and the CHECKs of their definition.
    private static func sqliteTables(_ db: any SQLDatabase) async throws -> [[String]] {
        let tables = try await db.raw("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all()
        var described: [[String]] = []
        for table in tables {
            let name = try table.decode(column: "name", as: String.self)
            var lines = ["table \(name)"]
            for column in try await db.raw("SELECT * FROM pragma_table_info(\(literal: name)) ORDER BY cid").all() {
                let type = try column.decode(column: "type", as: String.self)
                let notNull = try column.decode(column: "notnull", as: Int.self) == 1 ? " not null" : ""
                let defaultValue = try column.decode(column: "dflt_value", as: String?.self).map { " default \($0)" } ?? ""
                let key = try column.decode(column: "pk", as: Int.self)
                lines.append(
                    "  column \(try column.decode(column: "name", as: String.self)) \(type)\(notNull)\(defaultValue)\(key > 0 ? " primary key #\(key)" : "")"
                )
            }
            var keys: [String] = []
            for key in try await db.raw("SELECT * FROM pragma_foreign_key_list(\(literal: name)) ORDER BY id, seq").all() {
                keys.append(
                    "  foreign key #\(try key.decode(column: "id", as: Int.self)) (\(try key.decode(column: "from", as: String.self))) "
                        + "references \(try key.decode(column: "table", as: String.self)) (\(try key.decode(column: "to", as: String?.self) ?? "")) "
                        + "on delete \(try key.decode(column: "on_delete", as: String.self)) on update \(try key.decode(column: "on_update", as: String.self))"
                )
            }
            for index in try await db.raw("SELECT * FROM pragma_index_list(\(literal: name))").all() {
                let indexName = try index.decode(column: "name", as: String.self)
                let columns = try await db.raw("SELECT name FROM pragma_index_info(\(literal: indexName)) ORDER BY seqno").all()
                    .map { try $0.decode(column: "name", as: String.self) }
                let unique = try index.decode(column: "unique", as: Int.self) == 1 ? "unique " : ""
                keys.append(
                    "  \(unique)index \(indexName) (\(columns.joined(separator: ", "))) origin \(try index.decode(column: "origin", as: String.self))"
                )
            }
            keys += checks(in: try table.decode(column: "sql", as: String.self)).map { "  check \($0)" }
            described.append(lines + keys.sorted())
        }
        return described
    }

    /// The `CHECK (…)` clauses of an SQLite table's definition, as written.
    private static func checks(in definition: String) -> [String] {
        var found: [String] = []
        var rest = definition[...]
        while let start = rest.range(of: "CHECK (") {
            var depth = 0
            var end = start.upperBound
            for index in rest[start.upperBound...].indices {
                if rest[index] == "(" { depth += 1 }
                if rest[index] == ")" {
                    if depth == 0 { end = index; break }
                    depth -= 1
                }
            }
            found.append(String(rest[start.upperBound..<end]))
            rest = rest[end...]
        }
        return found
    }

    /// PostgreSQL: the base tables of `information_schema`, their columns, constraints (`pg_constraint`: primary,
    /// foreign, unique keys and checks) and indexes (`pg_indexes`).
    private static func postgresTables(_ db: any SQLDatabase) async throws -> [[String]] {
        let tables = try await db.raw(
            """
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name
            """
        ).all(decodingColumn: "table_name", as: String.self)
        var described: [[String]] = []
        for name in tables {
            var lines = ["table \(name)"]
            for column in try await db.raw(
                """
                SELECT column_name, data_type, is_nullable, column_default, is_identity FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = \(bind: name) ORDER BY ordinal_position
                """
            ).all() {
                let notNull = try column.decode(column: "is_nullable", as: String.self) == "NO" ? " not null" : ""
                let defaultValue = try column.decode(column: "column_default", as: String?.self).map { " default \($0)" } ?? ""
                let identity = try column.decode(column: "is_identity", as: String.self) == "YES" ? " identity" : ""
                lines.append(
                    "  column \(try column.decode(column: "column_name", as: String.self)) "
                        + "\(try column.decode(column: "data_type", as: String.self))\(notNull)\(defaultValue)\(identity)")
            }
            var keys: [String] = []
            for constraint in try await db.raw(
                """
                SELECT conname, pg_get_constraintdef(c.oid) AS definition FROM pg_constraint c
                JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = current_schema() AND t.relname = \(bind: name)
                """
            ).all() {
                keys.append(
                    "  constraint \(try constraint.decode(column: "conname", as: String.self)) "
                        + "\(try constraint.decode(column: "definition", as: String.self))")
            }
            for index in try await db.raw(
                """
                SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = \(bind: name)
                """
            ).all() {
                keys.append(
                    "  index \(try index.decode(column: "indexname", as: String.self)): \(try index.decode(column: "indexdef", as: String.self))")
            }
            described.append(lines + keys.sorted())
        }
        return described
    }
}
