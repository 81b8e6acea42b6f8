import Foundation
import Logging
import MaillageStorage
import ServiceLifecycle

/// Deletes, every hour, what is kept no longer than its retention: ended sessions, old one-time links, failed
/// sign-ins and the address hashes of anonymous reports after a day, workshop passes once expired, meeting
/// participants' names a year after their meeting, audit events of more than three years (see `/donnees-personnelles`).
struct RetentionService: ServiceLifecycle.Service {
    let database: AppDatabase
    let lifetime: SessionRepository.Lifetime
    let logger: Logger

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await purge(now: Date())
                } catch is CancellationError {
                    return
                } catch {
                    logger.error("Purge des données expirées impossible", metadata: ["error": "\(error)"])
                }
                try await Task.sleep(for: .seconds(3600))
            }
        }
    }

    func purge(now: Date) async throws {
        try await database.sessions.purge(now: now, lifetime: lifetime)
        try await database.links.purge(now: now)
        try await database.signInThrottle.purge(now: now)
        try await database.audit.purge(now: now)
        try await database.declarations.forgetSenders(before: now - 24 * 3600)
        try await database.workshop.purgePasses(now: now)
        try await database.participants.anonymise(now: now)
    }
}
