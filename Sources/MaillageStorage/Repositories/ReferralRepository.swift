import Foundation
import MaillageCore
import SQLKit

/// Orientations sent between structures: stored with the person's consent, answered by the receiving structure (a
/// stale answer is refused, never applied twice), expired after 30 days without answer, and anonymised after their
/// retention. The trail names the structures and the status, never the person.
public struct ReferralRepository: Sendable {
    let database: AppDatabase

    private typealias O = PartnershipTables.Referral

    /// The orientations a structure sent or received, the most recent first.
    public func involving(structures ids: Set<String>) async throws -> [Referral] {
        guard !ids.isEmpty else { return [] }
        return try await database.sql.select().column("*").from(O.table)
            .where { $0.where(O.from, .in, Array(ids)).orWhere(O.to, .in, Array(ids)) }
            .orderBy(O.id, .descending).limit(500).all().map(Self.referral)
    }

    public func find(id: Int, on db: (any SQLDatabase)? = nil) async throws -> Referral? {
        try await (db ?? database.sql).select().column("*").from(O.table).where(O.id, .equal, SQLBind(id)).first().map(Self.referral)
    }

    public func create(_ referral: Referral, by author: Author) async throws -> Referral {
        try await database.transaction { db in
            let id = try await db.insert(into: O.table)
                .columns(
                    O.territory, O.from, O.to, O.need, O.person, O.contact, O.note, O.consentAt, O.status, O.refusalReason, O.createdAt, O.updatedAt,
                    O.anonymised
                )
                .values(
                    SQLBind(referral.territory.rawValue), SQLBind(referral.from), SQLBind(referral.to), SQLBind(referral.need.rawValue),
                    SQLBind(referral.person),
                    SQLBind(referral.contact), SQLBind(referral.note), SQLBind(Timestamp.text(referral.consentAt)),
                    SQLBind(ReferralStatus.envoyee.rawValue),
                    SQLBind(""), SQLBind(Timestamp.text(referral.createdAt)), SQLBind(Timestamp.text(referral.createdAt)), SQLBind(false)
                )
                .returning(O.id).first(decodingColumn: O.id, as: Int.self)
            guard let id else { throw StoredValueError(column: O.id) }
            try await AuditRepository.record(
                AuditEvent(
                    at: referral.createdAt, by: author, territory: referral.territory, action: "orientation envoyée",
                    objectKind: AuditKinds.referral, objectID: "\(id)",
                    after: "\(referral.from) → \(referral.to) ; \(referral.need.rawValue)"), on: db)
            var stored = referral
            stored.id = id
            return stored
        }
    }

    /// Moves an orientation from `expected` to `status`; false when it was no longer in `expected` (another answer came
    /// first), in which case nothing changes.
    public func answer(
        id: Int, from expected: ReferralStatus, to status: ReferralStatus, reason: String = "", by author: Author,
        now: Date = Date()
    ) async throws -> Bool {
        try await database.transaction { db in
            let changed = try await db.update(O.table).set(O.status, to: SQLBind(status.rawValue)).set(O.refusalReason, to: SQLBind(reason))
                .set(O.updatedAt, to: SQLBind(Timestamp.text(now))).where(O.id, .equal, SQLBind(id)).where(
                    O.status, .equal, SQLBind(expected.rawValue)
                )
                .returning(O.territory).all(decodingColumn: O.territory, as: String.self)
            guard let territory = changed.first else { return false }
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: author, territory: Siren(territory), action: "orientation : \(status.label.lowercased())",
                    objectKind: AuditKinds.referral, objectID: "\(id)", before: expected.label, after: status.label), on: db)
            return true
        }
    }

    /// Expires the orientations still waiting for an answer after ``Referral/answerDelay``; returns how many.
    @discardableResult
    public func expire(now: Date) async throws -> Int {
        try await database.transaction { db in
            try await db.update(O.table).set(O.status, to: SQLBind(ReferralStatus.expiree.rawValue)).set(
                O.updatedAt, to: SQLBind(Timestamp.text(now))
            )
            .where(O.status, .in, ReferralStatus.allCases.filter(\.awaitsAnswer).map(\.rawValue))
            .where(O.createdAt, .lessThan, SQLBind(Timestamp.text(now - Referral.answerDelay)))
            .returning(O.id).all().count
        }
    }

    /// Erases the person's details of orientations older than `retention`; returns how many.
    @discardableResult
    public func anonymise(now: Date, retention: TimeInterval = Referral.defaultAnonymisation) async throws -> Int {
        try await database.transaction { db in
            try await db.update(O.table).set(O.person, to: SQLBind("")).set(O.contact, to: SQLBind("")).set(O.note, to: SQLBind(""))
                .set(O.refusalReason, to: SQLBind("")).set(O.anonymised, to: SQLBind(true))
                .where(O.anonymised, .equal, SQLBind(false)).where(O.createdAt, .lessThan, SQLBind(Timestamp.text(now - retention)))
                .returning(O.id).all().count
        }
    }

    /// How many orientations the structures of some territories sent, per pair, need and status (never who for): what
    /// the network and the diagnostic show.
    public func flows(territories: [Siren]) async throws -> ReferralFlows {
        guard !territories.isEmpty else { return ReferralFlows(counts: []) }
        let rows = try await database.sql.select().column(O.from).column(O.to).column(O.need).column(O.status)
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(O.table)
            .where(O.territory, .in, territories.map(\.rawValue)).groupBy(O.from).groupBy(O.to).groupBy(O.need).groupBy(O.status).all()
        return ReferralFlows(
            counts: try rows.map { row in
                guard let need = Service(rawValue: try row.decode(column: O.need, as: String.self)),
                    let status = ReferralStatus(rawValue: try row.decode(column: O.status, as: String.self))
                else { throw StoredValueError(column: O.status) }
                return ReferralFlows.Count(
                    from: try row.decode(column: O.from, as: String.self), to: try row.decode(column: O.to, as: String.self),
                    need: need, status: status, count: try row.decode(column: "n", as: Int.self))
            })
    }

    private static func referral(_ row: any SQLRow) throws -> Referral {
        guard let need = Service(rawValue: try row.decode(column: O.need, as: String.self)),
            let status = ReferralStatus(rawValue: try row.decode(column: O.status, as: String.self))
        else { throw StoredValueError(column: O.status) }
        return Referral(
            id: try row.decode(column: O.id, as: Int.self), territory: try row.siren(O.territory),
            from: try row.decode(column: O.from, as: String.self),
            to: try row.decode(column: O.to, as: String.self), need: need, person: try row.decode(column: O.person, as: String.self),
            contact: try row.decode(column: O.contact, as: String.self), note: try row.decode(column: O.note, as: String.self),
            consentAt: try Timestamp.date(try row.decode(column: O.consentAt, as: String.self)), status: status,
            refusalReason: try row.decode(column: O.refusalReason, as: String.self),
            createdAt: try Timestamp.date(try row.decode(column: O.createdAt, as: String.self)),
            updatedAt: try Timestamp.date(try row.decode(column: O.updatedAt, as: String.self)),
            anonymised: try row.decode(column: O.anonymised, as: Bool.self))
    }
}
