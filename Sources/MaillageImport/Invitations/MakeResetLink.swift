import Foundation
import MaillageCore
import MaillageStorage

/// A single-use link (7 days) where a person chooses a new password, made by someone allowed to (the caller's check,
/// ``AccessPolicy``'s `resetPassword`), journalled.
public struct MakeResetLink: Sendable {
    let database: any Transactions
    let links: OneTimeLinkRepository

    public init(database: any Transactions, links: OneTimeLinkRepository) {
        (self.database, self.links) = (database, links)
    }

    /// Returns the link's token (to put in the URL, never stored).
    public func callAsFunction(for target: AccountRepository.Account, by actor: Actor, now: Date = Date()) async throws -> String {
        let links = links
        return try await database.transaction { db in
            let token = try await links.create(
                .reset, email: target.email, accountID: target.id, grant: nil, createdBy: actor.accountID, now: now, on: db)
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: Author(actor), action: "lien de réinitialisation créé",
                    objectKind: AuditKinds.reset, objectID: String(target.id)), on: db)
            return token
        }
    }
}
