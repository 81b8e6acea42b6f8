import Foundation
import MaillageCore
import MaillageStorage

/// Disables an account: it acts for nobody any more (``AccountRepository/Account/actor``) and every session it has ends
/// with it, in one transaction with its journal entry.
public struct DisableAccount: Sendable {
    let database: any Transactions
    let accounts: AccountRepository
    let sessions: SessionRepository

    public init(database: any Transactions, accounts: AccountRepository, sessions: SessionRepository) {
        (self.database, self.accounts, self.sessions) = (database, accounts, sessions)
    }

    public func callAsFunction(_ accountID: Int, by author: Author, now: Date = Date()) async throws {
        let (accounts, sessions) = (accounts, sessions)
        try await database.transaction { db in
            try await accounts.setStatus(.desactive, for: accountID, on: db)
            try await sessions.deleteAll(accountID: accountID, on: db)
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: author, action: "compte désactivé",
                    objectKind: AuditKinds.account, objectID: String(accountID)), on: db)
        }
    }
}
