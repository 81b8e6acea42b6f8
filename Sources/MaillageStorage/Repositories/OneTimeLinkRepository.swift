import Foundation
import MaillageCore
import SQLKit

/// Single-use links: an invitation to hold a role, or a password reset. The link carries a random token; only its hash
/// is stored; a link is used at most once and expires after ``lifetime``.
public struct OneTimeLinkRepository: Sendable {
    let database: AppDatabase

    private typealias L = AccountTables.Link

    /// Seven days: the time to read one's mail after a meeting.
    public static let lifetime: TimeInterval = 7 * 24 * 3600
    /// Used or expired links are kept this long, then deleted.
    public static let retention: TimeInterval = 30 * 24 * 3600

    public enum Purpose: String, Sendable {
        case invitation
        case reset = "reinitialisation"
    }

    /// A link as stored.
    public struct Link: Sendable, Equatable {
        public var purpose: Purpose
        public var email: String
        /// The person the link is for, once known (a reset, or an invitation of someone who has an account).
        public var accountID: Int?
        /// The role an invitation gives.
        public var grant: RoleGrant?
        public var createdBy: Int?
        public var expiresAt: Date
    }

    /// Makes a link; returns its token (to put in the URL, never stored).
    public func create(
        _ purpose: Purpose, email: String, accountID: Int?, grant: RoleGrant?, createdBy: Int?, now: Date,
        on db: any SQLDatabase
    ) async throws -> String {
        let token = SecretToken.make()
        try await db.insert(into: L.table)
            .columns(L.tokenHash, L.purpose, L.email, L.accountID, L.role, L.scopeKind, L.scopeValue, L.createdBy, L.createdAt, L.expiresAt)
            .values(
                SQLBind(SecretToken.hash(token)), SQLBind(purpose.rawValue), SQLBind(email), SQLBind(accountID), SQLBind(grant?.role.rawValue),
                SQLBind(grant?.scope.kind.rawValue), SQLBind(grant?.scope.value), SQLBind(createdBy), SQLBind(Timestamp.text(now)),
                SQLBind(Timestamp.text(now + Self.lifetime))
            )
            .run()
        return token
    }

    /// The link of a token if it is still usable (not used, not expired), without using it.
    public func find(token: String, now: Date, on db: (any SQLDatabase)? = nil) async throws -> Link? {
        guard SecretToken.isWellFormed(token) else { return nil }
        let db = db ?? database.sql
        guard
            let row = try await db.select().columns(L.purpose, L.email, L.accountID, L.role, L.scopeKind, L.scopeValue, L.createdBy, L.expiresAt)
                .from(L.table).where(L.tokenHash, .equal, SQLBind(SecretToken.hash(token))).where(L.usedAt, .is, SQLLiteral.null)
                .where(L.expiresAt, .greaterThan, SQLBind(Timestamp.text(now))).first()
        else { return nil }
        guard let purpose = Purpose(rawValue: try row.decode(column: L.purpose, as: String.self)) else { throw StoredValueError(column: L.purpose) }
        var grant: RoleGrant?
        if let role = try row.optionalString(L.role) {
            guard let role = Role(rawValue: role), let kind = try row.optionalString(L.scopeKind).flatMap(Scope.Kind.init(rawValue:)),
                let scope = Scope(kind: kind, value: try row.optionalString(L.scopeValue) ?? ""),
                let made = RoleGrant(role: role, scope: scope)
            else { throw StoredValueError(column: L.role) }
            grant = made
        }
        return Link(
            purpose: purpose, email: try row.decode(column: L.email, as: String.self),
            accountID: try row.decodeNil(column: L.accountID) ? nil : try row.decode(column: L.accountID, as: Int.self), grant: grant,
            createdBy: try row.decodeNil(column: L.createdBy) ? nil : try row.decode(column: L.createdBy, as: Int.self),
            expiresAt: try Timestamp.date(try row.decode(column: L.expiresAt, as: String.self)))
    }

    /// Uses the link of a token, inside the caller's transaction: of two uses of one link exactly one gets it.
    public func consume(token: String, now: Date, on db: any SQLDatabase) async throws -> Link? {
        guard let link = try await find(token: token, now: now, on: db) else { return nil }
        let used = try await db.update(L.table).set(L.usedAt, to: SQLBind(Timestamp.text(now)))
            .where(L.tokenHash, .equal, SQLBind(SecretToken.hash(token))).where(L.usedAt, .is, SQLLiteral.null).returning(L.tokenHash).all()
        return used.count == 1 ? link : nil
    }

    /// Withdraws the links an account made and nobody used yet (its deletion: a link without a maker would read as
    /// made on the command line), inside the caller's transaction.
    public func withdrawUnused(madeBy accountID: Int, on db: any SQLDatabase) async throws {
        try await db.delete(from: L.table).where(L.createdBy, .equal, SQLBind(accountID)).where(L.usedAt, .is, SQLLiteral.null).run()
    }

    /// The usable invitations to roles of some scopes, newest first (for the page that lists them).
    public func pendingInvitations(now: Date) async throws -> [(email: String, grant: RoleGrant, expiresAt: Date)] {
        try await database.sql.select().columns(L.email, L.role, L.scopeKind, L.scopeValue, L.expiresAt).from(L.table)
            .where(L.purpose, .equal, SQLBind(Purpose.invitation.rawValue)).where(L.usedAt, .is, SQLLiteral.null)
            .where(L.expiresAt, .greaterThan, SQLBind(Timestamp.text(now))).orderBy(L.createdAt, .descending).all().compactMap { row in
                guard let role = Role(rawValue: try row.decode(column: L.role, as: String.self)),
                    let kind = Scope.Kind(rawValue: try row.decode(column: L.scopeKind, as: String.self)),
                    let scope = Scope(kind: kind, value: try row.decode(column: L.scopeValue, as: String.self)),
                    let grant = RoleGrant(role: role, scope: scope)
                else { return nil }
                return (
                    try row.decode(column: L.email, as: String.self), grant, try Timestamp.date(try row.decode(column: L.expiresAt, as: String.self))
                )
            }
    }

    /// Deletes links used or expired more than ``retention`` ago.
    @discardableResult
    public func purge(now: Date) async throws -> Int {
        try await database.transaction { db in
            try await db.delete(from: L.table).where(L.expiresAt, .lessThan, SQLBind(Timestamp.text(now - Self.retention)))
                .returning(L.tokenHash).all().count
        }
    }
}
