import ArgumentParser
import Logging

/// `maillage migrate`: brings the database schema up to date.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Applique les migrations de schéma en attente.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let db = try await database.open(logger: .cli("maillage.migrate"), migrate: false)
        let applied = try await db.migrate()
        print(applied.isEmpty ? "Schéma à jour." : "Migrations appliquées : \(applied.joined(separator: ", "))")
        try await db.shutdown()
    }
}
