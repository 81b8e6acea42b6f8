import ArgumentParser
import Foundation
import Logging
import MaillageStorage

/// `--database`: an SQLite path (default `maillage-data/maillage.sqlite`) or a `postgres://` URL; also `MAILLAGE_DATABASE`.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Fichier SQLite ou URL postgres:// (par défaut : $MAILLAGE_DATABASE ou maillage-data/maillage.sqlite).")
    var database: String?

    var configuration: DatabaseConfiguration {
        DatabaseConfiguration(database ?? ProcessInfo.processInfo.environment["MAILLAGE_DATABASE"] ?? "maillage-data/maillage.sqlite")
    }

    func open(logger: Logger, migrate: Bool = true) async throws -> AppDatabase {
        try await AppDatabase.open(configuration, logger: logger, migrate: migrate)
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
