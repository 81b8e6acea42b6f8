import Foundation
import Hummingbird
import MaillageCore
import MaillageImport
import MaillageStorage

/// The second factor a person gives besides their password — a code of their authenticator app, or one of their
/// recovery codes — checked here first, then spent by the use case it allows (``SecondFactorSpending``: a session, a
/// new password, turning the factor off, new recovery codes), so that a code serves once.
struct SecondFactorCheck: Sendable {
    let accounts: AccountRepository
    let recoveryCodes: RecoveryCodeRepository
    let throttle: AttemptThrottle

    /// A code that matched, to spend (by the use case it allows).
    typealias Proof = SecondFactorProof

    /// What `code` proves for the account: nil when the account has no second factor or the code matches neither the
    /// app nor an unused recovery code.
    func proof(_ code: String, accountID: Int, now: Date) async throws -> Proof? {
        guard let secret = try await accounts.secondFactorSecret(of: accountID) else { return nil }
        if let step = SecondFactorCode.matchingStep(code, secret: secret, now: now) { return .step(step) }
        return try await recoveryCodes.isUnused(code, for: accountID) ? .recovery(code) : nil
    }

    /// The proof asked outside signing in, of an account with a second factor (nil for an account without one),
    /// throttled with the sign-in's keys: every code counts as a sign-in attempt, a wrong one is a 401, too many are a 429.
    func require(_ code: String, of account: AccountRepository.Account, address: String?, now: Date) async throws -> Proof? {
        guard account.hasSecondFactor else { return nil }
        // Counted before the check, as a sign-in is (one atomic statement per key): parallel guesses cannot all pass.
        let keys = AttemptThrottle.signIn(email: account.email, address: address ?? "inconnue")
        try await throttle.admit(keys, now: now, refusing: "Trop de codes erronés. Rien n'a été changé")
        guard let proof = try await proof(code, accountID: account.id, now: now) else { throw Self.wrongCode }
        return proof
    }

    static let wrongCode = AccountRefusal.wrongCode.httpError
}
