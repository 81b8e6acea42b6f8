import ArgumentParser
import Foundation
import MaillageStorage

/// `maillage restore FILE`: replaces the database with a backup of this version's schema, after checking it.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Remplace la base par une sauvegarde vérifiée (arrêtez d'abord le serveur ; refusée, elle ne change rien).")

    @Argument(help: "Sauvegarde à restaurer (fichier écrit par « maillage backup »).") var file: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let clock = ContinuousClock(), start = clock.now
        let copy = try await DatabaseBackup(configuration: database.configuration, logger: .cli("maillage.restore")).restore(from: file)
        print(
            "Base restaurée depuis \(copy.path) (\(BackupCommand.size(copy.bytes)), schéma \(copy.schemaVersion), "
                + "\(BackupCommand.seconds(clock.now - start))). Vous pouvez redémarrer le serveur.")
    }
}
