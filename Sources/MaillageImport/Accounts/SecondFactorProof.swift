import Foundation
import MaillageCore
import MaillageStorage
import SQLKit

/// A second-factor code that matched (checked by the web's `SecondFactorCheck`), to spend in the transaction of what
/// it allows, so that it serves once.
public enum SecondFactorProof: Sendable {
    /// A code of the app, for this time step.
    case step(Int)
    /// One of the person's recovery codes, as typed.
    case recovery(String)
}

/// Spends second-factor proofs: a time step cannot serve again, a recovery code is used up (and the journal says so).
public struct SecondFactorSpending: Sendable {
    let accounts: AccountRepository
    let recoveryCodes: RecoveryCodeRepository

    public init(accounts: AccountRepository, recoveryCodes: RecoveryCodeRepository) {
        (self.accounts, self.recoveryCodes) = (accounts, recoveryCodes)
    }

    /// Spends `proof` (nil: the account has no second factor) inside the caller's transaction. False when it was spent
    /// meanwhile (a replay): the caller then undoes its change.
    func spend(_ proof: SecondFactorProof?, of account: AccountRepository.Account, now: Date, on db: any SQLDatabase) async throws -> Bool {
        switch proof {
        case nil:
            return true
        case .step(let step):
            return try await accounts.useSecondFactorStep(step, for: account.id, on: db)
        case .recovery(let code):
            guard try await recoveryCodes.use(code, for: account.id, now: now, on: db) else { return false }
            try await AuditRepository.record(
                AuditEvent(
                    at: now, actorID: account.id, actorLabel: account.name, action: "code de secours utilisé",
                    objectKind: AuditKinds.account, objectID: String(account.id)), on: db)
            return true
        }
    }

    /// Spends `proof`, or throws ``AccountRefusal/wrongCode`` (rolling the caller's transaction back).
    func require(_ proof: SecondFactorProof?, of account: AccountRepository.Account, now: Date, on db: any SQLDatabase) async throws {
        guard try await spend(proof, of: account, now: now, on: db) else { throw AccountRefusal.wrongCode }
    }
}
