import Foundation
import Hummingbird
import MaillageStorage

/// Every check of a secret in one order: the attempt counted on its throttle keys first (one atomic statement per
/// key, refused beyond the rule's allowance), then the check; an attempt the password queue cannot take is given back.
struct SecretCheck: Sendable {
    let throttle: AttemptThrottle
    let hasher: PasswordHasher

    /// Counts the attempt on `keys`, then checks the password against its hash (``PasswordHasher/verify(_:hash:)``).
    func password(_ password: String, matches hash: String?, keys: [AttemptThrottle.Key], now: Date = Date()) async throws -> Bool {
        try await throttle.admit(keys, now: now, refusing: "Trop de tentatives")
        do {
            return try await hasher.verify(password, hash: hash)
        } catch let busy as HTTPError where busy.status == .tooManyRequests {
            try await throttle.giveBack(keys)
            throw busy
        }
    }

    /// A signed-in person's current password counts with their sign-ins from the same address: one allowance for both.
    static func currentPasswordKeys(_ account: AccountRepository.Account, _ context: AppRequestContext) -> [AttemptThrottle.Key] {
        AttemptThrottle.signIn(email: account.email, address: context.clientAddress ?? "inconnue")
    }
}

extension AttemptThrottle {
    /// Counts an attempt on `keys`, or throws a `429` with `Retry-After` that says `reason` and how long to wait.
    func admit(_ keys: [Key], now: Date = Date(), refusing reason: String) async throws {
        do {
            try await admit(keys, now: now)
        } catch let refusal as Refusal {
            let seconds = max(1, Int(refusal.wait.rounded(.up)))
            let delay = seconds < 120 ? "\(seconds) secondes" : "\((seconds + 59) / 60) minutes"
            throw HTTPError(.tooManyRequests, headers: [.retryAfter: String(seconds)], message: "\(reason) : réessayez dans \(delay).")
        }
    }
}
