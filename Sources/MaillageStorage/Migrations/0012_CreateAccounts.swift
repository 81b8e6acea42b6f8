import SQLKit

/// People, their scoped roles, sessions shared by every instance, single-use links, failed sign-ins and the trail of
/// changes.
struct CreateAccounts: Migration {
    let name = "0012_accounts"

    private typealias A = AccountTables.Account
    private typealias G = AccountTables.Grant
    private typealias S = AccountTables.Session
    private typealias L = AccountTables.Link
    private typealias F = AccountTables.Failure
    private typealias E = AccountTables.Audit

    /// A role's scope must be of its kind (the same rule as `Role.scopeKind`, written as literals).
    private static let roleFitsScope: SQLQueryString = """
        (role = 'administrateur' AND scope_kind = 'instance' AND scope_value = '')
        OR (role IN ('coordinateur', 'animateur', 'participant') AND scope_kind = 'territory' AND length(scope_value) = 9)
        OR (role = 'membre' AND scope_kind = 'structure' AND length(scope_value) BETWEEN 1 AND 120)
        """

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: A.table)
            .column(A.id, type: db.sequenceType, .primaryKey(autoIncrement: true))
            .column(A.email, type: .text, .notNull, .unique)
            .column(A.name, type: .text, .notNull)
            .column(A.passwordHash, type: .text)
            .column(A.status, type: .text, .notNull)
            .column(A.createdAt, type: .text, .notNull)
            .column(A.passwordChangedAt, type: .text)
            .check("\(ident: A.status) IN ('actif', 'desactive')" as SQLQueryString, named: nil as String?)
            .check("length(\(ident: A.email)) BETWEEN 3 AND 254 AND \(ident: A.email) = lower(\(ident: A.email))" as SQLQueryString, named: nil as String?)
            .check("length(\(ident: A.name)) BETWEEN 1 AND 120" as SQLQueryString, named: nil as String?)
            .run()
        try await db.create(table: G.table)
            .column(G.accountID, type: .bigint, .notNull)
            .column(G.role, type: .text, .notNull)
            .column(G.scopeKind, type: .text, .notNull)
            .column(G.scopeValue, type: .text, .notNull)
            .column(G.grantedAt, type: .text, .notNull)
            .primaryKey(G.accountID, G.role, G.scopeKind, G.scopeValue)
            .foreignKey([G.accountID], references: A.table, [A.id], onDelete: .cascade)
            .check(Self.roleFitsScope, named: nil as String?)
            .run()
        try await db.create(table: S.table)
            .column(S.tokenHash, type: .text, .primaryKey(autoIncrement: false))
            .column(S.accountID, type: .bigint, .notNull)
            .column(S.csrfToken, type: .text, .notNull)
            .column(S.createdAt, type: .text, .notNull)
            .column(S.lastSeenAt, type: .text, .notNull)
            .column(S.expiresAt, type: .text, .notNull)
            .foreignKey([S.accountID], references: A.table, [A.id], onDelete: .cascade)
            .run()
        try await db.create(index: "sessions_account").on(S.table).column(S.accountID).run()
        try await db.create(table: L.table)
            .column(L.tokenHash, type: .text, .primaryKey(autoIncrement: false))
            .column(L.purpose, type: .text, .notNull)
            .column(L.email, type: .text, .notNull)
            .column(L.accountID, type: .bigint)
            .column(L.role, type: .text)
            .column(L.scopeKind, type: .text)
            .column(L.scopeValue, type: .text)
            .column(L.createdBy, type: .bigint)
            .column(L.createdAt, type: .text, .notNull)
            .column(L.expiresAt, type: .text, .notNull)
            .column(L.usedAt, type: .text)
            .foreignKey([L.accountID], references: A.table, [A.id], onDelete: .cascade)
            .foreignKey([L.createdBy], references: A.table, [A.id], onDelete: .setNull)
            .check("\(ident: L.purpose) IN ('invitation', 'reinitialisation')" as SQLQueryString, named: nil as String?)
            .check("(\(ident: L.purpose) = 'reinitialisation') = (\(ident: L.role) IS NULL)" as SQLQueryString, named: nil as String?)
            .check("\(ident: L.role) IS NULL OR (\(Self.roleFitsScope))" as SQLQueryString, named: nil as String?)
            .run()
        try await db.create(table: F.table)
            .column(F.id, type: db.sequenceType, .primaryKey(autoIncrement: true))
            .column(F.key, type: .text, .notNull)
            .column(F.failedAt, type: .text, .notNull)
            .run()
        try await db.create(index: "sign_in_failures_key").on(F.table).column(F.key).column(F.failedAt).run()
        try await db.create(table: E.table)
            .column(E.id, type: db.sequenceType, .primaryKey(autoIncrement: true))
            .column(E.at, type: .text, .notNull)
            .column(E.actorID, type: .bigint)
            .column(E.actorLabel, type: .text, .notNull)
            .column(E.territory, type: .text)
            .column(E.action, type: .text, .notNull)
            .column(E.objectKind, type: .text, .notNull)
            .column(E.objectID, type: .text, .notNull)
            .column(E.before, type: .text)
            .column(E.after, type: .text)
            .foreignKey([E.actorID], references: A.table, [A.id], onDelete: .setNull)
            .check("\(ident: E.territory) IS NULL OR length(\(ident: E.territory)) = 9" as SQLQueryString, named: nil as String?)
            .run()
        try await db.create(index: "audit_events_at").on(E.table).column(E.at).run()
    }
}
