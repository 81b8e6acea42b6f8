import Foundation
import MaillageCore

extension AppDatabase {
    /// What each kind of kept data is kept for at most, where it is configurable.
    public struct Retention: Sendable {
        public var sessions: SessionRepository.Lifetime
        /// After this long, an orientation's person details are erased.
        public var referrals: TimeInterval

        public init(sessions: SessionRepository.Lifetime = .init(), referrals: TimeInterval = Referral.defaultAnonymisation) {
            self.sessions = sessions
            self.referrals = referrals
        }
    }

    /// Deletes or anonymises what is kept no longer than its retention (see `/donnees-personnelles`): ended sessions,
    /// old one-time links, the attempt counters (sign-ins, join codes, reports: hashed keys) a day after their last attempt, expired workshop
    /// passes, meeting participants' names a year after their meeting, orientations without answer after 30 days
    /// (expired) and their person's details after `retention.referrals`, audit events of more than three years.
    public func purgeExpired(now: Date, retention: Retention) async throws -> [String: Int] {
        try await sessions.purge(now: now, lifetime: retention.sessions)
        try await links.purge(now: now)
        try await attemptThrottle.purge(now: now)
        try await audit.purge(now: now)
        try await workshop.purgePasses(now: now)
        return [
            "participants anonymisés": try await participants.anonymise(now: now),
            "orientations expirées": try await referrals.expire(now: now),
            "orientations anonymisées": try await referrals.anonymise(now: now, retention: retention.referrals)
        ]
    }
}
