import Foundation
import MaillageCore
import MaillageStorage
import SQLKit

/// Sets a person's password: the hash is made first (off the transaction, where a busy hashing pool changes nothing),
/// then the password is stored, every session of the person ends and a new one opens, in one transaction with its
/// journal entry. Checking the current password is the caller's (it is throttled with the sign-ins).
public struct ChangePassword: Sendable {
    let database: any Transactions
    let hasher: any PasswordHashing
    let accounts: AccountRepository
    let sessions: SessionRepository
    let lifetime: SessionRepository.Lifetime

    public init(
        database: any Transactions, hasher: any PasswordHashing, accounts: AccountRepository, sessions: SessionRepository,
        lifetime: SessionRepository.Lifetime
    ) {
        (self.database, self.hasher, self.accounts, self.sessions, self.lifetime) = (database, hasher, accounts, sessions, lifetime)
    }

    /// Returns the new session's token.
    public func callAsFunction(_ password: String, for accountID: Int, by author: Author, now: Date = Date()) async throws -> String {
        let hash = try await hasher.hash(password)
        return try await database.transaction { db in
            try await set(hash: hash, for: accountID, by: author, action: "mot de passe changé", now: now, on: db)
        }
    }

    /// Stores a hash made beforehand, ends the person's sessions and opens a new one, inside the caller's transaction;
    /// returns its token.
    func set(hash: String, for accountID: Int, by author: Author, action: String, now: Date, on db: any SQLDatabase) async throws -> String {
        try await accounts.setPassword(hash: hash, for: accountID, now: now, on: db)
        try await sessions.deleteAll(accountID: accountID, on: db)
        try await AuditRepository.record(
            AuditEvent(at: now, by: author, action: action, objectKind: AuditKinds.account, objectID: String(accountID)),
            on: db)
        return try await sessions.create(accountID: accountID, now: now, lifetime: lifetime, on: db).token
    }
}
