import Foundation
import Hummingbird
import MaillageCore
import MaillageStorage
import SQLKit

/// The second factor a person gives besides their password — a code of their authenticator app, or one of their
/// recovery codes — checked first, then spent in the transaction of what it allows (a session, a new password,
/// turning the factor off, new recovery codes), so that a code serves once.
struct SecondFactorCheck: Sendable {
    let database: AppDatabase

    /// A code that matched, to spend.
    enum Proof: Sendable {
        /// A code of the app, for this time step.
        case step(Int)
        /// One of the person's recovery codes, as typed.
        case recovery(String)
    }

    /// What `code` proves for the account: nil when the account has no second factor or the code matches neither the
    /// app nor an unused recovery code.
    func proof(_ code: String, accountID: Int, now: Date) async throws -> Proof? {
        guard let secret = try await database.accounts.secondFactorSecret(of: accountID) else { return nil }
        if let step = SecondFactorCode.matchingStep(code, secret: secret, now: now) { return .step(step) }
        return try await database.recoveryCodes.isUnused(code, for: accountID) ? .recovery(code) : nil
    }

    /// The proof asked outside signing in, of an account with a second factor (nil for an account without one),
    /// throttled with the sign-in's keys: every code counts as a sign-in attempt, a wrong one is a 401, too many are a 429.
    func require(_ code: String, of account: AccountRepository.Account, address: String?, now: Date) async throws -> Proof? {
        guard account.hasSecondFactor else { return nil }
        // Counted before the check, as a sign-in is (one atomic statement per key): parallel guesses cannot all pass.
        let (throttle, keys) = (database.attemptThrottle, AttemptThrottle.signIn(email: account.email, address: address ?? "inconnue"))
        try await throttle.admit(keys, now: now, refusing: "Trop de codes erronés. Rien n'a été changé")
        guard let proof = try await proof(code, accountID: account.id, now: now) else { throw Self.wrongCode }
        return proof
    }

    /// Spends a proof inside the caller's transaction: its time step cannot serve again, or the recovery code is used
    /// up (and the journal says so). False when it was spent meanwhile (a replay): the caller then undoes its change.
    func spend(_ proof: Proof?, of account: AccountRepository.Account, now: Date, on db: any SQLDatabase) async throws -> Bool {
        switch proof {
        case nil:
            return true
        case .step(let step):
            return try await database.accounts.useSecondFactorStep(step, for: account.id, on: db)
        case .recovery(let code):
            guard try await database.recoveryCodes.use(code, for: account.id, now: now, on: db) else { return false }
            try await AuditRepository.record(AuditEvent(at: now, actorID: account.id, actorLabel: account.name, action: "code de secours utilisé",
                                                        objectKind: AuditKinds.account, objectID: String(account.id)), on: db)
            return true
        }
    }

    static let wrongCode = HTTPError(.unauthorized, message: "Ce code ne correspond pas ou a déjà servi : rien n'a été changé. "
                                         + "Saisissez le code que votre application affiche maintenant, ou un code de secours encore inutilisé.")
}
