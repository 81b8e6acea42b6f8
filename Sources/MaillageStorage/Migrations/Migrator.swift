import Foundation
import SQLKit

/// Applies the migrations a database lacks and records them in `schema_migrations`.
///
/// All pending migrations run in one transaction. On PostgreSQL the transaction first takes an advisory lock, so that
/// two instances (or two `maillage migrate`) started together apply each migration once: the second waits, then finds
/// nothing left to do. On SQLite `BEGIN IMMEDIATE` serialises writers the same way.
struct Migrator {
    let database: AppDatabase

    /// The advisory lock key of Maillage's migrations ("MAILLAGE" in ASCII, as a signed 64-bit integer).
    static let advisoryLockKey: Int64 = 0x4D41_494C_4C41_4745

    /// Names of the migrations applied by this call.
    /// - Parameter last: stop after this migration (to test an upgrade from an older schema); nil for all.
    @discardableResult
    func migrate(through last: String? = nil) async throws -> [String] {
        let lastIndex = try last.map { name in
            guard let index = allMigrations.firstIndex(where: { $0.name == name }) else { throw UnknownMigration(name: name) }
            return index
        }
        let wanted = allMigrations[...(lastIndex ?? allMigrations.count - 1)]
        let done = try await database.setupTransaction { session in
            try await Self.createLedger(on: session)
            let applied = Set(try await Self.appliedNames(on: session))
            var done: [String] = []
            for migration in wanted where !applied.contains(migration.name) {
                try await migration.prepare(on: session)
                try await session.insert(into: "schema_migrations").columns("name", "applied_at")
                    .values(SQLBind(migration.name), SQLBind(ISO8601DateFormatter().string(from: Date()))).run()
                done.append(migration.name)
            }
            return done
        }
        for name in done { database.logger.info("Migration appliquée", metadata: ["migration": .string(name)]) }
        return done
    }

    /// How the stored schema compares with the migrations this version knows.
    func status() async throws -> SchemaStatus {
        let applied = try await Self.tableExists(on: database.sql) ? try await Self.appliedNames(on: database.sql) : []
        let known = Set(allMigrations.map(\.name))
        return SchemaStatus(
            pending: allMigrations.map(\.name).filter { !applied.contains($0) },
            unknown: applied.filter { !known.contains($0) }.sorted())
    }

    private static func createLedger(on db: any SQLDatabase) async throws {
        try await db.create(table: "schema_migrations").ifNotExists()
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("applied_at", type: .text, .notNull)
            .run()
    }

    private static func appliedNames(on db: any SQLDatabase) async throws -> [String] {
        try await db.select().column("name").from("schema_migrations").all(decodingColumn: "name", as: String.self)
    }

    private static func tableExists(on db: any SQLDatabase) async throws -> Bool {
        let query: SQLQueryString =
            db.dialect.name == "postgresql"
            ? "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'"
            : "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
        return try await db.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0 > 0
    }
}

extension AppDatabase {
    /// Applies pending migrations; returns their names.
    public func migrate() async throws -> [String] { try await Migrator(database: self).migrate() }

    /// How the stored schema compares with this version's migrations.
    public func schemaStatus() async throws -> SchemaStatus { try await Migrator(database: self).status() }

    /// Throws ``SchemaOutOfDate`` unless the schema is exactly the one this version expects.
    public func requireCurrentSchema() async throws {
        let status = try await schemaStatus()
        guard status.isCurrent else { throw SchemaOutOfDate(status: status) }
    }

    /// Runs `body` in one transaction that first takes the migrations' lock (an advisory lock on PostgreSQL): instances
    /// started together on one database migrate it or set it up (a first territory in an empty one) one after the other.
    public func setupTransaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let lock = migrationLockStatement
        return try await transaction { db in
            if let lock { try await db.raw(lock).run() }
            return try await body(db)
        }
    }

    /// Names of all migrations this version knows, in order.
    public static var migrationNames: [String] { allMigrations.map(\.name) }
}

/// A migration name that is none of ``allMigrations``': migrating "through" it would silently run them all.
struct UnknownMigration: Error, CustomStringConvertible {
    let name: String
    var description: String { "Aucune migration ne s'appelle « \(name) »" }
}
