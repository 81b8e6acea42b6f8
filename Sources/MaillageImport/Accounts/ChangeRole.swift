import Foundation
import MaillageCore
import MaillageStorage
import SQLKit

/// Gives or takes away a role, with its journal entry in the role's territory: the one place for the web's
/// invitations and role removal and the command line's `user role` and `user create`. Who may change which role is
/// the caller's check (``AccessPolicy``); the command line is the administrator.
public struct ChangeRole: Sendable {
    /// Given or taken away.
    public enum Change: Sendable { case give, takeAway }

    let database: any Transactions
    let accounts: AccountRepository
    /// The territory a role's scope lies in (``AccessPolicy/territory(of:)``), for the journal.
    let policy: AccessPolicy

    public init(database: any Transactions, accounts: AccountRepository, policy: AccessPolicy) {
        (self.database, self.accounts, self.policy) = (database, accounts, policy)
    }

    /// Changes the role in one transaction; returns whether anything changed (a role already held, or not held, is left
    /// as it is and not journalled).
    @discardableResult
    public func callAsFunction(_ change: Change, _ grant: RoleGrant, of accountID: Int, by author: Author, now: Date = Date()) async throws -> Bool {
        try await database.transaction { db in try await apply(change, grant, of: accountID, by: author, now: now, on: db) }
    }

    /// The same, inside the caller's transaction.
    @discardableResult
    func apply(_ change: Change, _ grant: RoleGrant, of accountID: Int, by author: Author, now: Date, on db: any SQLDatabase) async throws -> Bool {
        let changed =
            switch change {
            case .give: try await accounts.grant(grant, to: accountID, now: now, on: db)
            case .takeAway: try await accounts.revoke(grant, from: accountID, on: db)
            }
        guard changed else { return false }
        try await AuditRepository.record(
            AuditEvent(
                at: now, by: author, territory: policy.territory(of: grant.scope),
                action: change == .give ? "rôle donné" : "rôle retiré", objectKind: AuditKinds.role,
                objectID: String(accountID), before: change == .give ? nil : grant.description,
                after: change == .give ? grant.description : nil), on: db)
        return true
    }
}
