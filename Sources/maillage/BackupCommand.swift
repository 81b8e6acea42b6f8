import ArgumentParser
import Foundation
import MaillageStorage

/// `maillage backup --out FILE`: a checked copy of the database, taken while the server runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Sauvegarde la base, serveur en marche (SQLite : copie cohérente vérifiée ; PostgreSQL : pg_dump).")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Fichier de sauvegarde à écrire (remplacé s'il existe).") var out: String

    func run() async throws {
        let clock = ContinuousClock(), start = clock.now
        let copy = try await DatabaseBackup(configuration: database.configuration, logger: .cli("maillage.backup")).backup(to: out)
        print("Sauvegarde écrite : \(copy.path)")
        print("Taille : \(BackupCommand.size(copy.bytes)) · schéma : \(copy.schemaVersion) · durée : \(BackupCommand.seconds(clock.now - start))")
    }

    /// `12,3 Mio`.
    static func size(_ bytes: Int) -> String {
        String(format: "%.1f Mio", Double(bytes) / 1_048_576).replacingOccurrences(of: ".", with: ",")
    }

    /// `0,42 s`.
    static func seconds(_ duration: Duration) -> String {
        let (whole, fraction) = duration.components
        return String(format: "%.2f s", Double(whole) + Double(fraction) / 1e18).replacingOccurrences(of: ".", with: ",")
    }
}
