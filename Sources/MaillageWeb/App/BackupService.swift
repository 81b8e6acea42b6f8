import Foundation
import Logging
import MaillageStorage
import ServiceLifecycle

/// Backs the database up at start-up and then at every interval of its ``BackupSchedule`` into
/// `maillage-<UTC date and time>.<sqlite|dump>`, keeps the newest, and logs each; a failure is logged and the server
/// goes on.
struct BackupService: ServiceLifecycle.Service {
    let backup: DatabaseBackup
    let schedule: BackupSchedule
    let logger: Logger

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await backUp(now: Date())
                try await Task.sleep(for: schedule.interval)
            }
        }
    }

    /// Writes one backup and removes the oldest beyond the count kept.
    func backUp(now: Date) async {
        let clock = ContinuousClock(), start = clock.now
        do {
            try FileManager.default.createDirectory(atPath: schedule.directory, withIntermediateDirectories: true)
            let name = "maillage-\(Self.stamp(now)).\(backup.configuration.isPostgres ? "dump" : "sqlite")"
            let copy = try await backup.backup(to: URL(fileURLWithPath: schedule.directory).appendingPathComponent(name).path)
            logger.info(
                "Sauvegarde écrite",
                metadata: [
                    "fichier": .string(copy.path), "octets": .stringConvertible(copy.bytes),
                    "schéma": .string(copy.schemaVersion), "durée": .string("\(clock.now - start)")
                ])
            for old in try backups().dropLast(schedule.keep) {
                try FileManager.default.removeItem(atPath: URL(fileURLWithPath: schedule.directory).appendingPathComponent(old).path)
                logger.info("Ancienne sauvegarde supprimée", metadata: ["fichier": .string(old)])
            }
        } catch {
            logger.error("Sauvegarde impossible", metadata: ["error": .string(AppDatabase.describe(error))])
        }
    }

    /// This service's backups in the directory, oldest first (their names sort by date).
    func backups() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: schedule.directory)
            .filter { $0.wholeMatch(of: Self.ownName) != nil }.sorted()
    }

    /// The names this service gives its files (`maillage-20261206T195600Z.sqlite`): a backup made by hand in the same
    /// directory is never one of those it deletes.
    nonisolated(unsafe) private static let ownName = /maillage-\d{8}T\d{6}Z\.(sqlite|dump)/

    /// `20261206T195600Z`: UTC, sorts as the dates do.
    private static func stamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}
