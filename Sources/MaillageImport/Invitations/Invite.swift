import Foundation
import MaillageCore
import MaillageStorage

/// Invites someone to a role: a single-use invitation link (7 days) for their e-mail, journalled in the role's
/// territory. Whether the inviter may give that role is the caller's check (``AccessPolicy``'s `invite`).
public struct Invite: Sendable {
    let database: any Transactions
    let accounts: AccountRepository
    let links: OneTimeLinkRepository
    let policy: AccessPolicy

    public init(database: any Transactions, accounts: AccountRepository, links: OneTimeLinkRepository, policy: AccessPolicy) {
        (self.database, self.accounts, self.links, self.policy) = (database, accounts, links, policy)
    }

    /// Returns the link's token (to put in the URL, never stored).
    public func callAsFunction(_ email: String, to grant: RoleGrant, by actor: Actor, now: Date = Date()) async throws -> String {
        let (accounts, links, territory) = (accounts, links, policy.territory(of: grant.scope))
        return try await database.transaction { db in
            let existing = try await accounts.find(email: email, on: db)
            let token = try await links.create(
                .invitation, email: email, accountID: existing?.id, grant: grant, createdBy: actor.accountID,
                now: now, on: db)
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: Author(actor), territory: territory, action: "invitation créée",
                    objectKind: AuditKinds.invitation, objectID: email, after: grant.description), on: db)
            return token
        }
    }
}
