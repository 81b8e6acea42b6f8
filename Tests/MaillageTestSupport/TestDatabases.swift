import Foundation
import Logging
import MaillageStorage

/// The databases the storage suite runs on: in-memory SQLite always, PostgreSQL when `MAILLAGE_TEST_POSTGRES_URL` is set.
public enum TestDatabases {
    public enum Kind: String, CaseIterable, Sendable {
        case sqlite, postgres
    }

    public static var postgresURL: String? { ProcessInfo.processInfo.environment["MAILLAGE_TEST_POSTGRES_URL"] }

    /// The backends available in this run.
    public static var available: [Kind] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    static var logger: Logger {
        var logger = Logger(label: "maillage.test")
        logger.logLevel = .warning
        return logger
    }

    /// Runs `body` on a fresh database of the given kind (migrated unless `schema` says otherwise), then drops it.
    public static func with<T>(_ kind: Kind, schema: AppDatabase.SchemaPolicy = .migrate, _ body: (AppDatabase) async throws -> T) async throws -> T {
        switch kind {
        case .sqlite:
            return try await using(try await AppDatabase.open(.sqliteInMemory, logger: logger, schema: schema), body)
        case .postgres:
            return try await withFreshPostgres { url in
                try await using(try await AppDatabase.open(.postgres(url: url), logger: logger, schema: schema), body)
            }
        }
    }

    /// Runs `body` with the URL of a new, empty PostgreSQL database, dropped afterwards (several instances can open it).
    public static func withFreshPostgres<T>(_ body: (String) async throws -> T) async throws -> T {
        guard let url = postgresURL, var components = URLComponents(string: url) else { throw TestDatabaseError.noPostgres }
        let admin = try await AppDatabase.open(.postgres(url: url), logger: logger, schema: .unchecked)
        let name = "maillage_test_\(UUID().uuidString.prefix(8).lowercased())"
        try await admin.sql.raw("CREATE DATABASE \(unsafeRaw: name)").run()
        components.path = "/\(name)"
        func drop() async {
            try? await admin.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
            try? await admin.shutdown()
        }
        do {
            let result = try await body(components.string!)
            await drop()
            return result
        } catch {
            await drop()
            throw error
        }
    }

    private static func using<T>(_ database: AppDatabase, _ body: (AppDatabase) async throws -> T) async throws -> T {
        do {
            let result = try await body(database)
            try await database.shutdown()
            return result
        } catch {
            try? await database.shutdown()
            throw error
        }
    }

    public enum TestDatabaseError: Error { case noPostgres }
}
