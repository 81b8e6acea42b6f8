import Foundation
import MaillageCore
import MaillageStorage

/// Turns a person's second factor off, against their password (checked by the caller, counted on `keys`) and a
/// current code: the code is spent, the key and recovery codes removed and the password's attempt cleared together.
public struct TurnSecondFactorOff: Sendable {
    let database: any Transactions
    let accounts: AccountRepository
    let recoveryCodes: RecoveryCodeRepository
    let spending: SecondFactorSpending
    let throttle: AttemptThrottle

    public init(
        database: any Transactions, accounts: AccountRepository, recoveryCodes: RecoveryCodeRepository, spending: SecondFactorSpending,
        throttle: AttemptThrottle
    ) {
        (self.database, self.accounts, self.recoveryCodes, self.spending, self.throttle) = (database, accounts, recoveryCodes, spending, throttle)
    }

    /// Throws ``AccountRefusal/wrongCode`` when the code was spent meanwhile (nothing changes).
    public func callAsFunction(
        for account: AccountRepository.Account, proof: SecondFactorProof, keys: [AttemptThrottle.Key], by author: Author,
        now: Date = Date()
    ) async throws {
        let (accounts, recoveryCodes, spending, throttle) = (accounts, recoveryCodes, spending, throttle)
        try await database.transaction { db in
            try await spending.require(proof, of: account, now: now, on: db)
            try await accounts.setSecondFactor(secret: nil, for: account.id, on: db)
            try await recoveryCodes.delete(for: account.id, on: db)
            try await throttle.succeeded(keys, on: db)
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: author, action: "second facteur désactivé",
                    objectKind: AuditKinds.account, objectID: String(account.id)), on: db)
        }
    }
}
