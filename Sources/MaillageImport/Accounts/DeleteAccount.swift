import Foundation
import MaillageCore
import MaillageStorage

/// Deletes an account at the person's request: their roles, sessions and links go with it, and the links they made
/// that nobody used are withdrawn; the journal keeps their actions without their name, and says that an account was
/// deleted (not which).
public struct DeleteAccount: Sendable {
    let database: any Transactions
    let accounts: AccountRepository
    let links: OneTimeLinkRepository

    public init(database: any Transactions, accounts: AccountRepository, links: OneTimeLinkRepository) {
        (self.database, self.accounts, self.links) = (database, accounts, links)
    }

    public func callAsFunction(_ accountID: Int, by author: Author, now: Date = Date()) async throws {
        let (accounts, links) = (accounts, links)
        try await database.transaction { db in
            try await links.withdrawUnused(madeBy: accountID, on: db)
            try await accounts.delete(id: accountID, on: db)
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: author, action: "compte supprimé",
                    objectKind: AuditKinds.account, objectID: "compte supprimé"), on: db)
        }
    }
}
