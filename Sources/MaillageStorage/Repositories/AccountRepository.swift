import Foundation
import MaillageCore
import SQLKit

/// People who can sign in and the roles they hold. Writing methods take the caller's transaction, so that the change
/// and its audit event commit together.
public struct AccountRepository: Sendable {
    let database: AppDatabase

    private typealias A = AccountTables.Account
    private typealias G = AccountTables.Grant

    public enum Status: String, Sendable, Codable {
        case actif
        case desactive
    }

    /// A person as stored (never the password hash, which only ``credentials(email:)`` gives).
    public struct Account: Sendable, Equatable, Identifiable {
        public var id: Int
        public var email: String
        public var name: String
        public var status: Status
        /// Whether the person has chosen a password (an invited person has not yet).
        public var hasPassword: Bool
        /// Whether signing in also asks for a code of the person's authenticator app.
        public var hasSecondFactor: Bool
        public var grants: Set<RoleGrant>

        /// The person as an actor of the policy (an inactive account acts for nobody).
        public var actor: Actor? { status == .actif ? Actor(accountID: id, name: name, grants: grants) : nil }
    }

    /// The e-mail is already someone's.
    public struct EmailTaken: Error, Sendable { public var email: String }

    /// An e-mail as stored: trimmed, lower-cased; nil when it is not an address.
    public static func normalized(email: String) -> String? {
        let text = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard (3...254).contains(text.count), parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "," || $0 == ";" }),
            !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format })
        else { return nil }
        return text
    }

    public func all() async throws -> [Account] {
        try await load(database.sql.select().from(A.table).orderBy(A.name).orderBy(A.id), on: database.sql)
    }

    public func find(id: Int, on db: (any SQLDatabase)? = nil) async throws -> Account? {
        let db = db ?? database.sql
        return try await load(db.select().from(A.table).where(A.id, .equal, SQLBind(id)), on: db).first
    }

    public func find(email: String, on db: (any SQLDatabase)? = nil) async throws -> Account? {
        guard let email = Self.normalized(email: email) else { return nil }
        let db = db ?? database.sql
        return try await load(db.select().from(A.table).where(A.email, .equal, SQLBind(email)), on: db).first
    }

    /// The account and its password hash, to check a sign-in.
    public func credentials(email: String) async throws -> (account: Account, passwordHash: String?)? {
        guard let account = try await find(email: email) else { return nil }
        return (account, try await passwordHash(of: account.id))
    }

    /// The password hash of an account (nil before the person chose one).
    public func passwordHash(of id: Int) async throws -> String? {
        try await database.sql.select().column(A.passwordHash).from(A.table).where(A.id, .equal, SQLBind(id)).first()?.optionalString(A.passwordHash)
    }

    /// Creates an active account without a password; throws ``EmailTaken`` when the address is someone's.
    public func create(email: String, name: String, now: Date, on db: any SQLDatabase) async throws -> Account {
        guard let email = Self.normalized(email: email) else { throw ParameterError(parameter: "email", message: "une adresse e-mail") }
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...120).contains(name.storedLength) else { throw ParameterError(parameter: "nom", message: "un nom de 1 à 120 caractères") }
        guard !DeclaredName.isRefused(name) else { throw ParameterError(parameter: "nom", message: DeclaredName.expectation) }
        if try await find(email: email, on: db) != nil { throw EmailTaken(email: email) }
        let id = try await db.insert(into: A.table).columns(A.email, A.name, A.status, A.createdAt)
            .values(SQLBind(email), SQLBind(name), SQLBind(Status.actif.rawValue), SQLBind(Timestamp.text(now)))
            .returning(A.id).first(decodingColumn: A.id, as: Int.self)
        guard let id else { throw StoredValueError(column: A.id) }
        return Account(id: id, email: email, name: name, status: .actif, hasPassword: false, hasSecondFactor: false, grants: [])
    }

    public func setPassword(hash: String, for id: Int, now: Date, on db: any SQLDatabase) async throws {
        try await db.update(A.table).set(A.passwordHash, to: SQLBind(hash)).set(A.passwordChangedAt, to: SQLBind(Timestamp.text(now)))
            .where(A.id, .equal, SQLBind(id)).run()
    }

    /// The person's TOTP secret, when the second factor is on.
    public func secondFactorSecret(of id: Int) async throws -> String? {
        try await database.sql.select().column(A.totpSecret).from(A.table).where(A.id, .equal, SQLBind(id)).first()?.optionalString(A.totpSecret)
    }

    /// Turns the second factor on (with its secret) or off (nil).
    public func setSecondFactor(secret: String?, for id: Int, on db: any SQLDatabase) async throws {
        try await db.update(A.table).set(A.totpSecret, to: SQLBind(secret)).set(A.totpLastStep, to: SQLLiteral.null).where(A.id, .equal, SQLBind(id))
            .run()
    }

    /// Records that a code of time step `step` was used; false when that step (or a later one) already was: a replay.
    public func useSecondFactorStep(_ step: Int, for id: Int, on db: any SQLDatabase) async throws -> Bool {
        let updated = try await db.update(A.table).set(A.totpLastStep, to: SQLBind(step)).where(A.id, .equal, SQLBind(id))
            .where { $0.where(A.totpLastStep, .is, SQLLiteral.null).orWhere(A.totpLastStep, .lessThan, SQLBind(step)) }
            .returning(A.id).all()
        return updated.count == 1
    }

    public func setStatus(_ status: Status, for id: Int, on db: any SQLDatabase) async throws {
        try await db.update(A.table).set(A.status, to: SQLBind(status.rawValue)).where(A.id, .equal, SQLBind(id)).run()
    }

    /// Gives a role (nothing when it is already held); returns whether it was new.
    @discardableResult
    public func grant(_ grant: RoleGrant, to id: Int, now: Date, on db: any SQLDatabase) async throws -> Bool {
        let held = try await matching(grant, db.select().column(G.accountID).from(G.table).where(G.accountID, .equal, SQLBind(id))).first()
        guard held == nil else { return false }
        try await db.insert(into: G.table).columns(G.accountID, G.role, G.scopeKind, G.scopeValue, G.grantedAt)
            .values(
                SQLBind(id), SQLBind(grant.role.rawValue), SQLBind(grant.scope.kind.rawValue), SQLBind(grant.scope.value),
                SQLBind(Timestamp.text(now))
            ).run()
        return true
    }

    /// Takes a role away; returns whether it was held.
    @discardableResult
    public func revoke(_ grant: RoleGrant, from id: Int, on db: any SQLDatabase) async throws -> Bool {
        let removed = try await matching(grant, db.delete(from: G.table).where(G.accountID, .equal, SQLBind(id))).returning(G.accountID).all()
        return !removed.isEmpty
    }

    /// Deletes a person: their roles, sessions and links go with them; the trail keeps their actions, anonymised.
    public func delete(id: Int, on db: any SQLDatabase) async throws {
        typealias E = AccountTables.Audit
        try await db.update(E.table).set(E.actorLabel, to: SQLBind("compte supprimé")).where(E.actorID, .equal, SQLBind(id)).run()
        // Events about the person (their account, their roles) keep what was done, not who it was done to.
        try await db.update(E.table).set(E.objectID, to: SQLBind("compte supprimé")).set(E.before, to: SQLLiteral.null).set(
            E.after, to: SQLLiteral.null
        )
        .where(E.objectKind, .in, [AuditKinds.account, AuditKinds.role, AuditKinds.session, AuditKinds.reset])
        .where(E.objectID, .equal, SQLBind(String(id))).run()
        // What the person declared, decided or proposed stays, without their name.
        typealias D = OfferTables.Declaration
        typealias M = OfferTables.Missing
        typealias P = OfferTables.Support
        try await db.update(D.table).set(D.authorLabel, to: SQLBind("compte supprimé")).set(D.authorID, to: SQLLiteral.null)
            .where(D.authorID, .equal, SQLBind(id)).run()
        try await db.update(D.table).set(D.decidedByLabel, to: SQLBind("compte supprimé")).set(D.decidedByID, to: SQLLiteral.null)
            .where(D.decidedByID, .equal, SQLBind(id)).run()
        try await db.update(M.table).set(M.authorLabel, to: SQLBind("compte supprimé")).set(M.authorID, to: SQLLiteral.null)
            .where(M.authorID, .equal, SQLBind(id)).run()
        try await db.delete(from: P.table).where(P.accountID, .equal, SQLBind(id)).run()
        try await db.delete(from: A.table).where(A.id, .equal, SQLBind(id)).run()
    }

    private func matching<B: SQLPredicateBuilder>(_ grant: RoleGrant, _ builder: B) -> B {
        builder.where(G.role, .equal, SQLBind(grant.role.rawValue)).where(G.scopeKind, .equal, SQLBind(grant.scope.kind.rawValue))
            .where(G.scopeValue, .equal, SQLBind(grant.scope.value))
    }

    private func load(_ query: SQLSelectBuilder, on db: any SQLDatabase) async throws -> [Account] {
        let rows = try await query.columns(A.id, A.email, A.name, A.status, A.passwordHash, A.totpSecret).all()
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.decode(column: A.id, as: Int.self) }
        var grants: [Int: Set<RoleGrant>] = [:]
        for row in try await db.select().columns(G.accountID, G.role, G.scopeKind, G.scopeValue).from(G.table).where(G.accountID, .in, ids).all() {
            guard let role = Role(rawValue: try row.decode(column: G.role, as: String.self)),
                let kind = Scope.Kind(rawValue: try row.decode(column: G.scopeKind, as: String.self)),
                let scope = Scope(kind: kind, value: try row.decode(column: G.scopeValue, as: String.self)),
                let grant = RoleGrant(role: role, scope: scope)
            else { throw StoredValueError(column: G.role) }
            grants[try row.decode(column: G.accountID, as: Int.self), default: []].insert(grant)
        }
        return try zip(rows, ids).map { row, id in
            guard let status = Status(rawValue: try row.decode(column: A.status, as: String.self)) else { throw StoredValueError(column: A.status) }
            return Account(
                id: id, email: try row.decode(column: A.email, as: String.self), name: try row.decode(column: A.name, as: String.self),
                status: status, hasPassword: try row.optionalString(A.passwordHash) != nil,
                hasSecondFactor: try row.optionalString(A.totpSecret) != nil, grants: grants[id] ?? [])
        }
    }
}
