import Foundation
import MaillageCore
import SQLKit

/// Signed-in sessions, in the database so that every instance knows them. The cookie carries a random token; only its
/// hash is stored. A session ends after ``Lifetime/idle`` without activity, or at ``Lifetime/absolute`` whatever.
public struct SessionRepository: Sendable {
    let database: AppDatabase

    private typealias S = AccountTables.Session

    /// How long a session lives.
    public struct Lifetime: Sendable, Equatable {
        public var idle: TimeInterval
        public var absolute: TimeInterval

        public init(idle: TimeInterval = 2 * 3600, absolute: TimeInterval = 12 * 3600) {
            self.idle = idle
            self.absolute = absolute
        }
    }

    /// A live session.
    public struct Session: Sendable, Equatable {
        public var accountID: Int
        /// The token every state-changing form of the session must carry.
        public var csrfToken: String
        public var expiresAt: Date
    }

    /// Activity is written at most this often, so that a page view is not a write.
    static let touchInterval: TimeInterval = 60

    /// Opens a session; returns the token for the cookie (never stored) and the session.
    public func create(accountID: Int, now: Date, lifetime: Lifetime, on db: any SQLDatabase) async throws -> (token: String, session: Session) {
        let token = SecretToken.make(), csrf = SecretToken.make()
        let expires = now + lifetime.absolute
        try await db.insert(into: S.table).columns(S.tokenHash, S.accountID, S.csrfToken, S.createdAt, S.lastSeenAt, S.expiresAt)
            .values(
                SQLBind(SecretToken.hash(token)), SQLBind(accountID), SQLBind(csrf), SQLBind(Timestamp.text(now)),
                SQLBind(Timestamp.text(now)), SQLBind(Timestamp.text(expires))
            ).run()
        return (token, Session(accountID: accountID, csrfToken: csrf, expiresAt: expires))
    }

    /// The live session of a cookie's token (nil when unknown, idle too long or past its end); notes the activity.
    public func find(token: String, now: Date, lifetime: Lifetime) async throws -> Session? {
        guard SecretToken.isWellFormed(token) else { return nil }
        let hash = SecretToken.hash(token)
        guard
            let row = try await database.sql.select().columns(S.accountID, S.csrfToken, S.lastSeenAt, S.expiresAt).from(S.table)
                .where(S.tokenHash, .equal, SQLBind(hash)).first()
        else { return nil }
        let lastSeen = try Timestamp.date(try row.decode(column: S.lastSeenAt, as: String.self))
        let expires = try Timestamp.date(try row.decode(column: S.expiresAt, as: String.self))
        guard now < expires, now.timeIntervalSince(lastSeen) < lifetime.idle else { return nil }
        if now.timeIntervalSince(lastSeen) >= Self.touchInterval {
            try await database.sql.update(S.table).set(S.lastSeenAt, to: SQLBind(Timestamp.text(now))).where(S.tokenHash, .equal, SQLBind(hash)).run()
        }
        return Session(
            accountID: try row.decode(column: S.accountID, as: Int.self), csrfToken: try row.decode(column: S.csrfToken, as: String.self),
            expiresAt: expires)
    }

    /// Ends one session.
    public func delete(token: String, on db: any SQLDatabase) async throws {
        try await db.delete(from: S.table).where(S.tokenHash, .equal, SQLBind(SecretToken.hash(token))).run()
    }

    /// Ends every session of a person (sign out everywhere, a new password, a disabled account); returns how many.
    @discardableResult
    public func deleteAll(accountID: Int, on db: any SQLDatabase) async throws -> Int {
        try await db.delete(from: S.table).where(S.accountID, .equal, SQLBind(accountID)).returning(S.accountID).all().count
    }

    /// How many live sessions a person has.
    public func count(accountID: Int, now: Date) async throws -> Int {
        try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(S.table)
            .where(S.accountID, .equal, SQLBind(accountID)).where(S.expiresAt, .greaterThan, SQLBind(Timestamp.text(now)))
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Deletes the sessions that can no longer be used.
    @discardableResult
    public func purge(now: Date, lifetime: Lifetime) async throws -> Int {
        try await database.transaction { db in
            try await db.delete(from: S.table).where { group in
                group.where(S.expiresAt, .lessThanOrEqual, SQLBind(Timestamp.text(now)))
                    .orWhere(S.lastSeenAt, .lessThanOrEqual, SQLBind(Timestamp.text(now - lifetime.idle)))
            }.returning(S.accountID).all().count
        }
    }
}
