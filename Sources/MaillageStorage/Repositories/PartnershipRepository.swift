import Foundation
import MaillageCore
import SQLKit

/// The partnerships between structures. Every change is in the trail; the same link twice is refused
/// (``DuplicatePartnership``), never stored again.
public struct PartnershipRepository: Sendable {
    let database: AppDatabase

    private typealias L = PartnershipTables.Link

    public func all(territory: Siren) async throws -> [Partnership] {
        try await database.sql.select().column("*").from(L.table).where(L.territory, .equal, SQLBind(territory.rawValue)).orderBy(L.id).all()
            .map(Self.partnership)
    }

    public func find(id: Int, on db: (any SQLDatabase)? = nil) async throws -> Partnership? {
        try await (db ?? database.sql).select().column("*").from(L.table).where(L.id, .equal, SQLBind(id)).first().map(Self.partnership)
    }

    public func create(_ link: Partnership, by author: Author) async throws -> Partnership {
        try await database.transaction { db in
            let existing = try await db.select().column(L.id).from(L.table).where(L.from, .equal, SQLBind(link.from)).where(
                L.to, .equal, SQLBind(link.to)
            )
            .where(L.kind, .equal, SQLBind(link.kind.rawValue)).first(decodingColumn: L.id, as: Int.self)
            if let existing { throw DuplicatePartnership(existingID: existing) }
            let meetingID: Int? = if case .meeting(let id) = link.origin { id } else { nil }
            let id = try await db.insert(into: L.table)
                .columns(L.territory, L.from, L.to, L.kind, L.state, L.meetingID, L.notes, L.confirmed, L.createdAt, L.updatedAt)
                .values(
                    SQLBind(link.territory.rawValue), SQLBind(link.from), SQLBind(link.to), SQLBind(link.kind.rawValue), SQLBind(link.state.rawValue),
                    SQLBind(meetingID), SQLBind(link.notes), SQLBind(link.confirmed), SQLBind(Timestamp.text(link.createdAt)),
                    SQLBind(Timestamp.text(link.updatedAt))
                )
                .returning(L.id).first(decodingColumn: L.id, as: Int.self)
            guard let id else { throw StoredValueError(column: L.id) }
            var stored = link
            stored.id = id
            try await AuditRepository.record(
                AuditEvent(
                    at: link.createdAt, by: author, territory: link.territory, action: "partenariat déclaré",
                    objectKind: AuditKinds.partnership, objectID: "\(id)", after: Self.summary(stored)), on: db)
            return stored
        }
    }

    /// Changes a link's state and notes; `confirm` records the second structure's confirmation.
    public func update(id: Int, state: PartnershipState, notes: String, confirm: Bool = false, by author: Author, now: Date = Date()) async throws {
        try await database.transaction { db in
            guard let before = try await find(id: id, on: db) else { throw RowNotFound() }
            var after = before
            (after.state, after.notes, after.updatedAt) = (state, notes, now)
            if confirm { after.confirmed = true }
            try await db.update(L.table).set(L.state, to: SQLBind(state.rawValue)).set(L.notes, to: SQLBind(notes)).set(
                L.confirmed, to: SQLBind(after.confirmed)
            )
            .set(L.updatedAt, to: SQLBind(Timestamp.text(now))).where(L.id, .equal, SQLBind(id)).run()
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: author, territory: before.territory, action: confirm ? "partenariat confirmé" : "partenariat mis à jour",
                    objectKind: AuditKinds.partnership, objectID: "\(id)",
                    before: Self.summary(before), after: Self.summary(after)), on: db)
        }
    }

    private static func partnership(_ row: any SQLRow) throws -> Partnership {
        guard let kind = PartnershipKind(rawValue: try row.decode(column: L.kind, as: String.self)),
            let state = PartnershipState(rawValue: try row.decode(column: L.state, as: String.self))
        else { throw StoredValueError(column: L.kind) }
        let meetingID = try row.decodeNil(column: L.meetingID) ? nil : try row.decode(column: L.meetingID, as: Int.self)
        return Partnership(
            id: try row.decode(column: L.id, as: Int.self), territory: try row.siren(L.territory),
            from: try row.decode(column: L.from, as: String.self),
            to: try row.decode(column: L.to, as: String.self), kind: kind, state: state,
            origin: meetingID.map(Partnership.Origin.meeting) ?? .declared,
            notes: try row.decode(column: L.notes, as: String.self), confirmed: try row.decode(column: L.confirmed, as: Bool.self),
            createdAt: try Timestamp.date(try row.decode(column: L.createdAt, as: String.self)),
            updatedAt: try Timestamp.date(try row.decode(column: L.updatedAt, as: String.self)))
    }

    static func summary(_ link: Partnership) -> String {
        [link.from, link.kind.label, link.to, link.state.label, link.confirmed ? "confirmé" : "à confirmer", link.notes].filter { !$0.isEmpty }
            .joined(separator: " ; ")
    }
}
