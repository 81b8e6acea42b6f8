import Foundation
import SQLKit

/// One step of the schema, applied once, in order, inside a transaction.
protocol Migration: Sendable {
    /// A unique, never-renamed name, prefixed by its order (`0001_territory`).
    var name: String { get }
    func prepare(on database: any SQLDatabase) async throws
}

/// The ordered, append-only list of migrations: add new ones at the end, never edit a shipped one.
let allMigrations: [any Migration] = [
    CreateTerritory(),
    CreatePlaces(),
    CreateImportRuns(),
    CreatePersonas(),
    CreatePendingBlocks(),
]

/// Applies the migrations a database lacks and records them in `schema_migrations`.
struct Migrator {
    let database: AppDatabase

    /// Names of the migrations applied by this call.
    @discardableResult
    func migrate() async throws -> [String] {
        try await database.sql.create(table: "schema_migrations").ifNotExists()
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("applied_at", type: .text, .notNull)
            .run()
        let applied = Set(try await database.sql.select().column("name").from("schema_migrations").all()
            .map { try $0.decode(column: "name", as: String.self) })
        var done: [String] = []
        for migration in allMigrations where !applied.contains(migration.name) {
            try await database.transaction { session in
                try await migration.prepare(on: session)
                try await session.insert(into: "schema_migrations").columns("name", "applied_at")
                    .values(SQLBind(migration.name), SQLBind(ISO8601DateFormatter().string(from: Date()))).run()
            }
            database.logger.info("Migration appliquée", metadata: ["migration": .string(migration.name)])
            done.append(migration.name)
        }
        return done
    }
}

extension AppDatabase {
    /// Applies pending migrations; returns their names.
    public func migrate() async throws -> [String] { try await Migrator(database: self).migrate() }

    /// Names of all migrations this version knows, in order.
    public static var migrationNames: [String] { allMigrations.map(\.name) }
}
