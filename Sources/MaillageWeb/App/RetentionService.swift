import Foundation
import Logging
import MaillageStorage
import ServiceLifecycle

/// Runs the retention purge (``AppDatabase/purgeExpired(now:retention:)``) at start-up and then every hour.
struct RetentionService: ServiceLifecycle.Service {
    let database: AppDatabase
    let retention: AppDatabase.Retention
    let logger: Logger

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let counts = try await database.purgeExpired(now: Date(), retention: retention)
                    for (what, count) in counts where count > 0 { logger.info("Rétention", metadata: [what: .stringConvertible(count)]) }
                } catch is CancellationError {
                    return
                } catch {
                    logger.error("Purge des données expirées impossible", metadata: ["error": "\(error)"])
                }
                try await Task.sleep(for: .seconds(3600))
            }
        }
    }
}
