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

    /// Runs `body` on a fresh, migrated database of the given kind, then drops it.
    public static func with<T>(_ kind: Kind, _ body: (AppDatabase) async throws -> T) async throws -> T {
        var logger = Logger(label: "maillage.test")
        logger.logLevel = .warning
        switch kind {
        case .sqlite:
            let database = try await AppDatabase.open(.sqliteInMemory, logger: logger)
            do {
                let result = try await body(database)
                try await database.shutdown()
                return result
            } catch {
                try? await database.shutdown()
                throw error
            }
        case .postgres:
            guard let url = postgresURL, var components = URLComponents(string: url) else { throw TestDatabaseError.noPostgres }
            let admin = try await AppDatabase.open(.postgres(url: url), logger: logger, migrate: false)
            let name = "maillage_test_\(UUID().uuidString.prefix(8).lowercased())"
            try await admin.sql.raw("CREATE DATABASE \(unsafeRaw: name)").run()
            components.path = "/\(name)"
            let database = try await AppDatabase.open(.postgres(url: components.string!), logger: logger)
            do {
                let result = try await body(database)
                try await database.shutdown()
                try await admin.sql.raw("DROP DATABASE \(unsafeRaw: name)").run()
                try await admin.shutdown()
                return result
            } catch {
                try? await database.shutdown()
                try? await admin.sql.raw("DROP DATABASE \(unsafeRaw: name)").run()
                try? await admin.shutdown()
                throw error
            }
        }
    }

    public enum TestDatabaseError: Error { case noPostgres }
}
