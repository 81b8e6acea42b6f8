import Foundation
import MaillageCore
import MaillageStorage

/// Ends a person's session, or all of them (« se déconnecter partout »), with its journal entry.
public struct SignOut: Sendable {
    let database: any Transactions
    let sessions: SessionRepository

    public init(database: any Transactions, sessions: SessionRepository) {
        (self.database, self.sessions) = (database, sessions)
    }

    /// Ends the session of `token`.
    public func callAsFunction(_ token: String, of actor: Actor, now: Date = Date()) async throws {
        let sessions = sessions
        try await database.transaction { db in
            try await sessions.delete(token: token, on: db)
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: Author(actor), action: "déconnexion",
                    objectKind: AuditKinds.session, objectID: String(actor.accountID)), on: db)
        }
    }

    /// Ends every session of the person.
    public func everywhere(_ actor: Actor, now: Date = Date()) async throws {
        let sessions = sessions
        try await database.transaction { db in
            let ended = try await sessions.deleteAll(accountID: actor.accountID, on: db)
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: Author(actor), action: "déconnexion partout", objectKind: AuditKinds.session,
                    objectID: String(actor.accountID), after: "\(ended) session(s)"), on: db)
        }
    }
}
