import Foundation
import MaillageCore
import SQLKit

/// The live workshop of a meeting: the cards its tables send, what the animateurs do with them, and the passes of
/// participants who joined without an account. Every change moves the meeting's version, which live boards watch.
public struct WorkshopRepository: Sendable {
    let database: AppDatabase

    private typealias K = CycleTables.Contribution
    private typealias S = CycleTables.Pass

    /// A pass of a participant without an account: for one meeting, until it closes or ends.
    public struct Pass: Hashable, Sendable {
        public var meetingID: Int
        public var label: String
        public var expiresAt: Date
    }

    /// Whether a card was kept or was already there (sent twice by the same phone).
    public enum Outcome: Hashable, Sendable {
        case added(Contribution)
        case alreadyThere(Contribution)
    }

    // MARK: Cards

    public func cards(meetingID: Int, on db: (any SQLDatabase)? = nil) async throws -> [Contribution] {
        let db = db ?? database.sql
        return try await db.select().column("*").from(K.table).where(K.meetingID, .equal, SQLBind(meetingID)).orderBy(K.id).all().map(Self.card)
    }

    /// The shown cards every meeting's table wrote for a commune, the most recent first.
    public func shownCards(table commune: CommuneCode) async throws -> [Contribution] {
        try await database.sql.select().column("*").from(K.table).where(K.tableCommune, .equal, SQLBind(commune.rawValue))
            .where(K.visibility, .equal, SQLBind("visible")).orderBy(K.id, .descending).limit(500).all().map(Self.card)
    }

    /// Adds a card, once: a second card with the same client key for the meeting returns the first. Refused while the
    /// workshop is not open (``WorkshopClosed``) and beyond ``Contribution/maxPerMeeting``.
    public func add(_ card: Contribution) async throws -> Outcome {
        try await database.transaction { db in
            let state = try await db.select().column(CycleTables.Meeting.workshop).from(CycleTables.Meeting.table)
                .where(CycleTables.Meeting.id, .equal, SQLBind(card.meetingID)).first(decodingColumn: CycleTables.Meeting.workshop, as: String.self)
            guard state == WorkshopState.ouvert.rawValue else { throw WorkshopClosed() }
            if let existing = try await db.select().column("*").from(K.table).where(K.meetingID, .equal, SQLBind(card.meetingID))
                .where(K.clientKey, .equal, SQLBind(card.clientKey)).first().map(Self.card) {
                return .alreadyThere(existing)
            }
            let count = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(K.table)
                .where(K.meetingID, .equal, SQLBind(card.meetingID)).first(decodingColumn: "n", as: Int.self) ?? 0
            guard count < Contribution.maxPerMeeting else { throw TooMany(limit: Contribution.maxPerMeeting) }
            let id = try await db.insert(into: K.table)
                .columns(K.meetingID, K.tableCommune, K.kind, K.text, K.placeID, K.neighbourCommune, K.personaID, K.authorLabel, K.createdAt,
                         K.visibility, K.mergedInto, K.clientKey)
                .values(SQLBind(card.meetingID), SQLBind(card.table.rawValue), SQLBind(card.kind.rawValue), SQLBind(card.text), SQLBind(card.placeID),
                        SQLBind(card.neighbourCommune?.rawValue), SQLBind(card.personaID), SQLBind(card.authorLabel), SQLBind(Timestamp.text(card.createdAt)),
                        SQLBind("visible"), SQLBind(nil as Int?), SQLBind(card.clientKey))
                .returning(K.id).first(decodingColumn: K.id, as: Int.self)
            guard let id else { throw StoredValueError(column: K.id) }
            try await CycleRepository.bumpVersion(meetingID: card.meetingID, on: db)
            var stored = card
            stored.id = id
            stored.visibility = .visible
            return .added(stored)
        }
    }

    /// Shows, hides or merges a card into another of the same meeting and table (which must be shown).
    public func moderate(cardID: Int, meetingID: Int, to visibility: Contribution.Visibility, territory: Siren, by author: Author,
                         now: Date = Date()) async throws {
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
            try await AuditRepository.record(AuditEvent(at: now, by: author, territory: territory, action: "carte d'atelier modérée",
                                                        objectKind: AuditKinds.card, objectID: "\(cardID)",
                                                        before: Self.visibilityText(card.visibility), after: Self.visibilityText(visibility)), on: db)
        }
    }

    // MARK: Passes

    /// Makes a pass for the meeting; returns the token for the cookie (only its hash is kept).
    public func issuePass(meetingID: Int, label: String, expiresAt: Date) async throws -> String {
        let token = SecretToken.make()
        try await database.transaction { db in
            try await db.insert(into: S.table).columns(S.tokenHash, S.meetingID, S.label, S.expiresAt)
                .values(SQLBind(SecretToken.hash(token)), SQLBind(meetingID), SQLBind(label), SQLBind(Timestamp.text(expiresAt)))
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
        return Pass(meetingID: try row.decode(column: S.meetingID, as: Int.self), label: try row.decode(column: S.label, as: String.self),
                    expiresAt: expiresAt)
    }

    /// Deletes expired passes.
    public func purgePasses(now: Date) async throws {
        try await database.transaction { db in
            try await db.delete(from: S.table).where(S.expiresAt, .lessThanOrEqual, SQLBind(Timestamp.text(now))).run()
        }
    }

    // MARK: Rows

    private static func visibilityText(_ visibility: Contribution.Visibility) -> String {
        switch visibility {
        case .visible: "visible"
        case .hidden: "masquee"
        case .merged: "fusionnee"
        }
    }

    private static func card(_ row: any SQLRow) throws -> Contribution {
        guard let kind = ContributionKind(rawValue: try row.decode(column: K.kind, as: String.self)),
              let table = CommuneCode(try row.decode(column: K.tableCommune, as: String.self)) else { throw StoredValueError(column: K.kind) }
        let visibility: Contribution.Visibility
        switch try row.decode(column: K.visibility, as: String.self) {
        case "visible": visibility = .visible
        case "masquee": visibility = .hidden
        case "fusionnee": visibility = .merged(into: try row.decode(column: K.mergedInto, as: Int.self))
        default: throw StoredValueError(column: K.visibility)
        }
        return Contribution(id: try row.decode(column: K.id, as: Int.self), meetingID: try row.decode(column: K.meetingID, as: Int.self), table: table,
                            kind: kind, text: try row.decode(column: K.text, as: String.self), placeID: try row.optionalString(K.placeID),
                            neighbourCommune: try row.optionalString(K.neighbourCommune).flatMap(CommuneCode.init),
                            personaID: try row.optionalString(K.personaID), authorLabel: try row.decode(column: K.authorLabel, as: String.self),
                            createdAt: try Timestamp.date(try row.decode(column: K.createdAt, as: String.self)), visibility: visibility,
                            clientKey: try row.decode(column: K.clientKey, as: String.self))
    }
}
