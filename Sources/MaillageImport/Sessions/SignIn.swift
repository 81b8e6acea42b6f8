import Foundation
import MaillageCore
import MaillageStorage

/// What a sign-in writes once the password (and code) were checked by the caller, on the throttle's keys: a session
/// opened (the second factor's proof spent, the visitor's former session ended, the attempts cleared, the journal
/// told) in one transaction — or, for a refusal, only the journal entry.
public struct SignIn: Sendable {
    let database: any Transactions
    let sessions: SessionRepository
    let throttle: AttemptThrottle
    let spending: SecondFactorSpending
    let lifetime: SessionRepository.Lifetime

    public init(
        database: any Transactions, sessions: SessionRepository, throttle: AttemptThrottle, spending: SecondFactorSpending,
        lifetime: SessionRepository.Lifetime
    ) {
        (self.database, self.sessions, self.throttle, self.spending, self.lifetime) = (database, sessions, throttle, spending, lifetime)
    }

    /// Opens a session for `account`; returns its token, or nil when the proof was spent meanwhile (a replay: nothing
    /// changes).
    public func open(
        for account: AccountRepository.Account, as actor: Actor, proof: SecondFactorProof?, replacing former: String?,
        keys: [AttemptThrottle.Key], now: Date = Date()
    ) async throws -> String? {
        let (sessions, throttle, spending, lifetime) = (sessions, throttle, spending, lifetime)
        return try await database.transaction { db -> String? in
            guard try await spending.spend(proof, of: account, now: now, on: db) else { return nil }
            if let former { try await sessions.delete(token: former, on: db) }
            try await throttle.succeeded(keys, on: db)
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: Author(actor), action: "connexion",
                    objectKind: AuditKinds.session, objectID: String(actor.accountID)), on: db)
            return try await sessions.create(accountID: actor.accountID, now: now, lifetime: lifetime, on: db).token
        }
    }

    /// Journals a refused sign-in (of an account, or of an address no account has).
    public func refuse(accountID: Int?, now: Date = Date()) async throws {
        try await database.transaction { db in
            try await AuditRepository.record(
                AuditEvent(
                    at: now, actorID: nil, actorLabel: "inconnu", action: "connexion refusée",
                    objectKind: AuditKinds.account, objectID: accountID.map(String.init) ?? "adresse inconnue"),
                on: db)
        }
    }
}
