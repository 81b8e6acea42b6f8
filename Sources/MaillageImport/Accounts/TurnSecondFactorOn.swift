import Foundation
import MaillageCore
import MaillageStorage

/// Turns a person's second factor on with the key their app shows codes of (a code of `step` proved it), spends that
/// step and gives the first recovery codes, in one transaction; refused when it is already on.
public struct TurnSecondFactorOn: Sendable {
    let database: any Transactions
    let accounts: AccountRepository
    let recoveryCodes: RenewRecoveryCodes

    public init(database: any Transactions, accounts: AccountRepository, recoveryCodes: RenewRecoveryCodes) {
        (self.database, self.accounts, self.recoveryCodes) = (database, accounts, recoveryCodes)
    }

    /// Returns the recovery codes, to show once. Throws ``AccountRefusal/secondFactorAlreadyOn``.
    public func callAsFunction(secret: String, step: Int, for accountID: Int, by author: Author, now: Date = Date()) async throws -> [String] {
        let (accounts, recoveryCodes) = (accounts, recoveryCodes)
        return try await database.transaction { db in
            // Replacing the key of an active second factor would skip the code that turning it off asks.
            guard try await accounts.find(id: accountID, on: db)?.hasSecondFactor == false else { throw AccountRefusal.secondFactorAlreadyOn }
            try await accounts.setSecondFactor(secret: secret, for: accountID, on: db)
            _ = try await accounts.useSecondFactorStep(step, for: accountID, on: db)
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: author, action: "second facteur activé",
                    objectKind: AuditKinds.account, objectID: String(accountID)), on: db)
            return try await recoveryCodes.replace(for: accountID, by: author, now: now, on: db)
        }
    }
}
