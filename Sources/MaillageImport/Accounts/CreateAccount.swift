import Foundation
import MaillageCore
import MaillageStorage
import SQLKit

/// Creates an account with a role and the single-use link where the person chooses a first password (the command
/// line's `user create`); ``insert(email:name:by:now:on:)`` is the one way an account is made, also when an invitation
/// is accepted.
public struct CreateAccount: Sendable {
    let database: any Transactions
    let accounts: AccountRepository
    let links: OneTimeLinkRepository
    let changeRole: ChangeRole

    public init(database: any Transactions, accounts: AccountRepository, links: OneTimeLinkRepository, changeRole: ChangeRole) {
        (self.database, self.accounts, self.links, self.changeRole) = (database, accounts, links, changeRole)
    }

    /// The account, its role and its first-password link, together or not at all; returns the account and the link's
    /// token. Throws ``AccountRepository/EmailTaken`` when the address is someone's.
    public func callAsFunction(
        email: String, name: String, role grant: RoleGrant, by author: Author,
        now: Date = Date()
    ) async throws -> (account: AccountRepository.Account, token: String) {
        try await database.transaction { db in
            let account = try await insert(email: email, name: name, by: author, now: now, on: db)
            try await changeRole.apply(.give, grant, of: account.id, by: author, now: now, on: db)
            let token = try await links.create(
                .reset, email: account.email, accountID: account.id, grant: nil, createdBy: author.accountID,
                now: now, on: db)
            return (account, token)
        }
    }

    /// Makes an account without a password and journals it, inside the caller's transaction; `author` nil: the person
    /// makes it themselves (accepting an invitation).
    func insert(email: String, name: String, by author: Author?, now: Date, on db: any SQLDatabase) async throws -> AccountRepository.Account {
        let account = try await accounts.create(email: email, name: name, now: now, on: db)
        try await AuditRepository.record(
            AuditEvent(
                at: now, by: author ?? Author(accountID: account.id, label: account.name), action: "compte créé",
                objectKind: AuditKinds.account, objectID: String(account.id), after: account.email), on: db)
        return account
    }
}
