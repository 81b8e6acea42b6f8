import Foundation
import MaillageCore
import SQLKit

/// The live workshop of a meeting: the cards its tables send, what the animateurs do with them, and the passes of
/// participants who joined without an account. Every change moves the meeting's version, which live boards watch.
public struct WorkshopRepository: Sendable {
    let database: AppDatabase

    private typealias K = CycleTables.WorkshopCard
    private typealias S = CycleTables.Pass
    private typealias M = CycleTables.Meeting

    /// A pass of a participant without an account: for one meeting, until it closes or ends.
    public struct Pass: Hashable, Sendable {
        /// What names the pass in the database (its token's hash), for counting its cards.
        public var id: String
        public var meetingID: Int
        public var label: String
        public var expiresAt: Date
    }

    /// Whether a card was kept or was already there (sent twice by the same phone).
    public enum Outcome: Hashable, Sendable {
        case added(WorkshopCard)
        case alreadyThere(WorkshopCard)
    }

    // MARK: Cards

    public func cards(meetingID: Int, on db: (any SQLDatabase)? = nil) async throws -> [WorkshopCard] {
        let db = db ?? database.sql
        return try await db.select().column("*").from(K.table).where(K.meetingID, .equal, SQLBind(meetingID)).orderBy(K.id).all().map(Self.card)
    }

    /// The shown cards every meeting's table wrote for a commune, the most recent first.
    public func shownCards(table commune: CommuneCode) async throws -> [WorkshopCard] {
        try await database.sql.select().column("*").from(K.table).where(K.tableCommune, .equal, SQLBind(commune.rawValue))
            .where(K.visibility, .equal, SQLBind("visible")).orderBy(K.id, .descending).limit(500).all().map(Self.card)
    }

    /// Adds a card, once: a second card with the same client key for the meeting returns the first, even when both
    /// arrive at the same instant on two instances (the insert ignores the duplicate, then reads it back). Refused while
    /// the workshop is not open (``WorkshopClosed``), beyond ``WorkshopCard/maxPerTable`` cards at the card's table
    /// (``TableFull``) and, for a card sent on a pass (`passID`), beyond ``WorkshopCard/maxPerPassPerMinute`` in the
    /// pass's current minute (``CardRateExceeded``); a refused card changes nothing.
    public func add(_ card: WorkshopCard, passID: String? = nil, now: Date = Date()) async throws -> Outcome {
        try await database.transaction { db in
            // The meeting's row is locked (PostgreSQL; SQLite's writers are already one at a time): the cards of one
            // meeting are added one after the other, so the table's count below holds until the insert.
            let state = try await db.select().column(CycleTables.Meeting.workshop).from(CycleTables.Meeting.table)
                .where(CycleTables.Meeting.id, .equal, SQLBind(card.meetingID)).for(.update)
                .first(decodingColumn: CycleTables.Meeting.workshop, as: String.self)
            guard state == WorkshopState.ouvert.rawValue else { throw WorkshopClosed() }
            if let existing = try await sameCard(card, on: db) { return .alreadyThere(existing) }
            let count =
                try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(K.table)
                .where(K.meetingID, .equal, SQLBind(card.meetingID)).where(K.tableCommune, .equal, SQLBind(card.table.rawValue))
                .first(decodingColumn: "n", as: Int.self) ?? 0
            guard count < WorkshopCard.maxPerTable else { throw TableFull(table: card.table, limit: WorkshopCard.maxPerTable) }
            let id = try await db.insert(into: K.table)
                .columns(
                    K.meetingID, K.tableCommune, K.kind, K.text, K.placeID, K.neighbourCommune, K.personaID, K.authorLabel, K.createdAt,
                    K.visibility, K.mergedInto, K.clientKey
                )
                .values(
                    SQLBind(card.meetingID), SQLBind(card.table.rawValue), SQLBind(card.kind.rawValue), SQLBind(card.text), SQLBind(card.placeID),
                    SQLBind(card.neighbourCommune?.rawValue), SQLBind(card.personaID), SQLBind(card.authorLabel),
                    SQLBind(Timestamp.text(card.createdAt)),
                    SQLBind("visible"), SQLBind(nil as Int?), SQLBind(card.clientKey)
                )
                .ignoringConflicts(with: [K.meetingID, K.clientKey])
                .returning(K.id).first(decodingColumn: K.id, as: Int.self)
            guard let id else {
                guard let existing = try await sameCard(card, on: db) else { throw StoredValueError(column: K.clientKey) }
                return .alreadyThere(existing)
            }
            if let passID { try await countCard(passID: passID, now: now, on: db) }
            try await CycleRepository.bumpVersion(meetingID: card.meetingID, on: db)
            var stored = card
            stored.id = id
            stored.visibility = .visible
            return .added(stored)
        }
    }

    /// The card of the meeting with the same client key, if any.
    private func sameCard(_ card: WorkshopCard, on db: any SQLDatabase) async throws -> WorkshopCard? {
        try await db.select().column("*").from(K.table).where(K.meetingID, .equal, SQLBind(card.meetingID))
            .where(K.clientKey, .equal, SQLBind(card.clientKey)).first().map(Self.card)
    }

    /// Counts a card in the pass's current minute, in one statement that also checks the limit (a new minute starts
    /// the count again): of parallel cards on one pass, exactly the allowed number pass. Throws ``CardRateExceeded``.
    private func countCard(passID: String, now: Date, on db: any SQLDatabase) async throws {
        let minuteAgo = Timestamp.text(now - 60), nowText = Timestamp.text(now)
        let counted = try await db.update(S.table)
            .set(
                S.windowCount,
                to: "CASE WHEN \(ident: S.windowStart) <= \(bind: minuteAgo) THEN 1 ELSE \(ident: S.windowCount) + 1 END" as SQLQueryString
            )
            .set(
                S.windowStart,
                to: "CASE WHEN \(ident: S.windowStart) <= \(bind: minuteAgo) THEN \(bind: nowText) ELSE \(ident: S.windowStart) END" as SQLQueryString
            )
            .where(S.tokenHash, .equal, SQLBind(passID))
            .where {
                $0.where(S.windowStart, .lessThanOrEqual, SQLBind(minuteAgo)).orWhere(
                    S.windowCount, .lessThan, SQLBind(WorkshopCard.maxPerPassPerMinute))
            }
            .returning(S.tokenHash).all()
        guard counted.isEmpty else { return }
        let start =
            try await db.select().column(S.windowStart).from(S.table).where(S.tokenHash, .equal, SQLBind(passID))
            .first(decodingColumn: S.windowStart, as: String.self).flatMap { try? Timestamp.date($0) } ?? now
        throw CardRateExceeded(retryAfter: max(1, Int((start + 60).timeIntervalSince(now).rounded(.up))))
    }

    /// Shows, hides or merges a card into another of the same meeting and table (which must be shown).
    public func moderate(
        cardID: Int, meetingID: Int, to visibility: WorkshopCard.Visibility, territory: Siren, by author: Author,
        now: Date = Date()
    ) async throws {
        try await database.transaction { db in
            let cards = try await cards(meetingID: meetingID, on: db)
            guard let card = cards.first(where: { $0.id == cardID }) else { throw RowNotFound() }
            var mergedInto: Int?
            if case .merged(let target) = visibility {
                guard target != cardID, let into = cards.first(where: { $0.id == target }), into.isShown, into.table == card.table else {
                    throw InvalidMerge()
                }
                mergedInto = into.id
            }
            try await db.update(K.table).set(K.visibility, to: SQLBind(Self.visibilityText(visibility))).set(K.mergedInto, to: SQLBind(mergedInto))
                .where(K.id, .equal, SQLBind(cardID)).run()
            // Cards merged into a card now hidden or merged follow it, so that no card points to a hidden one.
            if visibility != .visible {
                let follower = mergedInto.map { Self.visibilityText(.merged(into: $0)) } ?? Self.visibilityText(visibility)
                try await db.update(K.table).set(K.visibility, to: SQLBind(follower)).set(K.mergedInto, to: SQLBind(mergedInto))
                    .where(K.mergedInto, .equal, SQLBind(cardID)).run()
            }
            try await CycleRepository.bumpVersion(meetingID: meetingID, on: db)
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: author, territory: territory, action: "carte d'atelier modérée",
                    objectKind: AuditKinds.card, objectID: "\(cardID)",
                    before: Self.visibilityText(card.visibility), after: Self.visibilityText(visibility)), on: db)
        }
    }

    // MARK: Passes

    /// Makes a pass for the meeting; returns the token for the cookie (only its hash is kept).
    public func issuePass(meetingID: Int, label: String, expiresAt: Date) async throws -> String {
        let token = SecretToken.make()
        try await database.transaction { db in
            try await db.insert(into: S.table).columns(S.tokenHash, S.meetingID, S.label, S.expiresAt, S.windowStart, S.windowCount)
                .values(
                    SQLBind(SecretToken.hash(token)), SQLBind(meetingID), SQLBind(label), SQLBind(Timestamp.text(expiresAt)), SQLBind(""), SQLBind(0)
                )
                .run()
        }
        return token
    }

    /// The live pass of a cookie's token (nil when unknown, expired or its meeting closed).
    public func pass(token: String, now: Date = Date()) async throws -> Pass? {
        guard SecretToken.isWellFormed(token),
            let row = try await database.sql.select().column("*").from(S.table).where(S.tokenHash, .equal, SQLBind(SecretToken.hash(token))).first()
        else { return nil }
        let expiresAt = try Timestamp.date(try row.decode(column: S.expiresAt, as: String.self))
        guard expiresAt > now else { return nil }
        return Pass(
            id: SecretToken.hash(token), meetingID: try row.decode(column: S.meetingID, as: Int.self),
            label: try row.decode(column: S.label, as: String.self),
            expiresAt: expiresAt)
    }

    /// Deletes expired passes.
    public func purgePasses(now: Date) async throws {
        try await database.transaction { db in
            try await db.delete(from: S.table).where(S.expiresAt, .lessThanOrEqual, SQLBind(Timestamp.text(now))).run()
        }
    }

    // MARK: The projected view

    /// Makes a new projection token for the meeting, replacing the former one (whose address stops working at once);
    /// returns it for the animateur's link (only its hash is kept).
    public func renewProjectionToken(meetingID: Int, territory: Siren, by author: Author, now: Date = Date()) async throws -> String {
        let token = SecretToken.make()
        try await setProjectionHash(
            SecretToken.hash(token), meetingID: meetingID, action: "lien de projection renouvelé", territory: territory, by: author, now: now)
        return token
    }

    /// Ends the meeting's projection token: its address then shows the board without the join code.
    public func revokeProjectionToken(meetingID: Int, territory: Siren, by author: Author, now: Date = Date()) async throws {
        try await setProjectionHash(nil, meetingID: meetingID, action: "lien de projection révoqué", territory: territory, by: author, now: now)
    }

    /// Whether `token` is the meeting's live projection token.
    public func isProjectionToken(_ token: String, meetingID: Int) async throws -> Bool {
        guard SecretToken.isWellFormed(token) else { return false }
        return try await database.sql.select().column(M.id).from(M.table).where(M.id, .equal, SQLBind(meetingID))
            .where(M.projectionTokenHash, .equal, SQLBind(SecretToken.hash(token))).first() != nil
    }

    /// Whether the meeting has a live projection token (for the animateurs' page).
    public func hasProjectionToken(meetingID: Int) async throws -> Bool {
        try await database.sql.select().column(M.id).from(M.table).where(M.id, .equal, SQLBind(meetingID))
            .where(M.projectionTokenHash, .isNot, SQLLiteral.null).first() != nil
    }

    private func setProjectionHash(_ hash: String?, meetingID: Int, action: String, territory: Siren, by author: Author, now: Date) async throws {
        try await database.transaction { db in
            let updated = try await db.update(M.table).set(M.projectionTokenHash, to: SQLBind(hash)).where(M.id, .equal, SQLBind(meetingID))
                .returning(M.id).all()
            guard !updated.isEmpty else { throw RowNotFound() }
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: author, territory: territory, action: action, objectKind: AuditKinds.meeting,
                    objectID: "\(meetingID)"), on: db)
        }
    }

    // MARK: Rows

    private static func visibilityText(_ visibility: WorkshopCard.Visibility) -> String {
        switch visibility {
        case .visible: "visible"
        case .hidden: "masquee"
        case .merged: "fusionnee"
        }
    }

    private static func card(_ row: any SQLRow) throws -> WorkshopCard {
        guard let kind = CardKind(rawValue: try row.decode(column: K.kind, as: String.self)),
            let table = CommuneCode(try row.decode(column: K.tableCommune, as: String.self))
        else { throw StoredValueError(column: K.kind) }
        let visibility: WorkshopCard.Visibility
        switch try row.decode(column: K.visibility, as: String.self) {
        case "visible": visibility = .visible
        case "masquee": visibility = .hidden
        case "fusionnee": visibility = .merged(into: try row.decode(column: K.mergedInto, as: Int.self))
        default: throw StoredValueError(column: K.visibility)
        }
        return WorkshopCard(
            id: try row.decode(column: K.id, as: Int.self), meetingID: try row.decode(column: K.meetingID, as: Int.self), table: table,
            kind: kind, text: try row.decode(column: K.text, as: String.self), placeID: try row.optionalString(K.placeID),
            neighbourCommune: try row.optionalString(K.neighbourCommune).flatMap(CommuneCode.init),
            personaID: try row.optionalString(K.personaID), authorLabel: try row.decode(column: K.authorLabel, as: String.self),
            createdAt: try Timestamp.date(try row.decode(column: K.createdAt, as: String.self)), visibility: visibility,
            clientKey: try row.decode(column: K.clientKey, as: String.self))
    }
}
