import ArgumentParser
import Foundation
import Logging
import MaillageImport
import MaillageStorage

/// `--database`: an SQLite path (default `maillage-data/maillage.sqlite`) or a `postgres://` URL; also `MAILLAGE_DATABASE`.
/// `--migrate`: apply pending migrations on opening.
///
/// An embedded SQLite database serves one instance and is migrated on opening; a PostgreSQL database, shared by
/// several instances, is only migrated by `maillage migrate` (or `--migrate`): otherwise a command refuses an
/// out-of-date schema and changes nothing.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Fichier SQLite ou URL postgres:// (par défaut : $MAILLAGE_DATABASE ou maillage-data/maillage.sqlite).")
    var database: String?

    @Flag(name: .long, help: "Appliquer les migrations en attente à l'ouverture (d'office pour une base SQLite).")
    var migrate = false

    var configuration: DatabaseConfiguration {
        DatabaseConfiguration(database ?? ProcessInfo.processInfo.environment["MAILLAGE_DATABASE"] ?? "maillage-data/maillage.sqlite")
    }

    /// Whether opening applies pending migrations.
    var migratesOnOpen: Bool { migrate || configuration.migratesAtStartByDefault }

    /// Opens the database and finishes a merge left pending (by an interrupted import, or by a migration that rebuilds
    /// the places), so that every command reads whole places.
    func open(logger: Logger) async throws -> AppDatabase {
        let database = try await AppDatabase.open(configuration, logger: logger, schema: migratesOnOpen ? .migrate : .requireCurrent)
        do {
            try await Importer(database: database).finishPendingMerge()
        } catch {
            try? await database.shutdown()
            throw error
        }
        return database
    }
}

extension Logger {
    /// The CLI's logger: warnings and above unless `LOG_LEVEL` says otherwise.
    static func cli(_ label: String, default level: Logger.Level = .warning) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? level
        return logger
    }
}
