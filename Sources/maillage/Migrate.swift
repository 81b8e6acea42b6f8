import ArgumentParser
import Foundation
import Logging
import MaillageImport
import MaillageStorage

/// `maillage migrate`: brings the database schema up to date (under a lock: instances started together wait for it).
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Applique les migrations de schéma en attente.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let db = try await AppDatabase.open(database.configuration, logger: .cli("maillage.migrate"), schema: .unchecked)
        do {
            let status = try await db.schemaStatus()
            guard status.unknown.isEmpty else { throw SchemaOutOfDate(status: status) }
            let applied = try await db.migrate()
            print(applied.isEmpty ? "Schéma à jour." : "Migrations appliquées : \(applied.joined(separator: ", "))")
            let rebuilt = try await Importer(database: db).finishPendingMerge()
            if rebuilt > 0 { print("Lieux recalculés : \(rebuilt)") }
            try await db.shutdown()
        } catch {
            try? await db.shutdown()
            throw error
        }
    }
}
