import Foundation
import MaillageCore
import SQLKit

/// The missing places register: ideas of places the territory lacks, their supporters (one each) and their status.
public struct MissingPlaceRepository: Sendable {
    let database: AppDatabase

    private typealias M = OfferTables.Missing
    private typealias P = OfferTables.Support
    private typealias V = OfferTables.MissingValue

    /// The register of a territory, by priority then age.
    public func all(territory: Siren) async throws -> [MissingPlace] {
        try await load(database.sql.select().column("*").from(M.table).where(M.territory, .equal, SQLBind(territory.rawValue)), on: database.sql)
    }

    public func find(id: Int, on db: (any SQLDatabase)? = nil) async throws -> MissingPlace? {
        let db = db ?? database.sql
        return try await load(db.select().column("*").from(M.table).where(M.id, .equal, SQLBind(id)), on: db).first
    }

    public func create(_ missing: MissingPlace) async throws -> MissingPlace {
        try await database.transaction { db in
            let id = try await db.insert(into: M.table)
                .columns(
                    M.territory, M.commune, M.qpv, M.justification, M.origin, M.status, M.priority,
                    M.placeID, M.createdAt, M.authorID, M.authorLabel
                )
                .values(
                    SQLBind(missing.territory.rawValue), SQLBind(missing.commune?.rawValue), SQLBind(missing.qpv),
                    SQLBind(missing.justification), SQLBind(missing.origin.rawValue), SQLBind(missing.status.rawValue), SQLBind(missing.priority),
                    SQLBind(missing.placeID), SQLBind(Timestamp.text(missing.createdAt)), SQLBind(missing.author.accountID),
                    SQLBind(missing.author.label)
                )
                .returning(M.id).first(decodingColumn: M.id, as: Int.self)
            guard let id else { throw StoredValueError(column: M.id) }
            let lists = [
                (V.services, missing.services.map(\.rawValue)), (V.publics, missing.publics.map(\.rawValue)), (V.needs, missing.needs.map(\.rawValue))
            ]
            let rows: [[any Encodable & Sendable]] = lists.flatMap { list, values in values.enumerated().map { [id, list, $0.offset, $0.element] } }
            try await db.insertBatched(
                into: V.table, columns: [V.missingPlaceID, V.list, V.position, V.value], rows: rows,
                maxBinds: database.maxBindsPerStatement)
            var stored = missing
            stored.id = id
            try await AuditRepository.record(
                AuditEvent(
                    at: missing.createdAt, by: missing.author, territory: missing.territory, action: "lieu manquant proposé",
                    objectKind: AuditKinds.missingPlace, objectID: "\(id)", after: Self.summary(stored)), on: db)
            return stored
        }
    }

    /// Adds a person's support (once); false when they already supported it.
    public func support(id: Int, by actor: Actor, now: Date = Date()) async throws -> Bool {
        try await database.transaction { db in
            let existing = try await db.select().column(P.accountID).from(P.table).where(P.missingPlaceID, .equal, SQLBind(id))
                .where(P.accountID, .equal, SQLBind(actor.accountID)).first()
            guard existing == nil else { return false }
            try await db.insert(into: P.table).columns(P.missingPlaceID, P.accountID, P.supportedAt)
                .values(SQLBind(id), SQLBind(actor.accountID), SQLBind(Timestamp.text(now))).run()
            let territory = try await find(id: id, on: db)?.territory
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: Author(actor), territory: territory, action: "lieu manquant soutenu",
                    objectKind: AuditKinds.missingPlace, objectID: "\(id)"), on: db)
            return true
        }
    }

    /// Changes status and priority (and, once opened, the place it became), with its audit event.
    public func update(id: Int, status: MissingPlaceStatus, priority: Int, placeID: String?, by author: Author, now: Date = Date()) async throws {
        try await database.transaction { db in
            guard let before = try await find(id: id, on: db) else { throw StoredValueError(column: M.id) }
            try await db.update(M.table).set(M.status, to: SQLBind(status.rawValue)).set(M.priority, to: SQLBind(priority))
                .set(M.placeID, to: SQLBind(placeID)).where(M.id, .equal, SQLBind(id)).run()
            var after = before
            (after.status, after.priority, after.placeID) = (status, priority, placeID)
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: author, territory: before.territory, action: "lieu manquant mis à jour",
                    objectKind: AuditKinds.missingPlace, objectID: "\(id)",
                    before: Self.summary(before), after: Self.summary(after)), on: db)
        }
    }

    private func load(_ query: SQLSelectBuilder, on db: any SQLDatabase) async throws -> [MissingPlace] {
        let rows = try await query.all()
        let ids = try rows.map { try $0.decode(column: M.id, as: Int.self) }
        var counts: [Int: Int] = [:]
        let supportRows: [any SQLRow] =
            ids.isEmpty
            ? []
            : try await db.inChunks(ids) { chunk in
                try await db.select().column(P.missingPlaceID).from(P.table).where(P.missingPlaceID, .in, chunk).all()
            }
        for row in supportRows { counts[try row.decode(column: P.missingPlaceID, as: Int.self), default: 0] += 1 }
        var lists: [Int: [String: [(position: Int, value: String)]]] = [:]
        let valueRows: [any SQLRow] =
            ids.isEmpty
            ? []
            : try await db.inChunks(ids) { chunk in
                try await db.select().column("*").from(V.table).where(V.missingPlaceID, .in, chunk).all()
            }
        for row in valueRows {
            lists[try row.decode(column: V.missingPlaceID, as: Int.self), default: [:]][try row.decode(column: V.list, as: String.self), default: []]
                .append((try row.decode(column: V.position, as: Int.self), try row.decode(column: V.value, as: String.self)))
        }
        // The values of one of a missing place's lists, in order (values no longer known are left out).
        func values<T: RawRepresentable<String>>(_ list: String, of id: Int) -> [T] {
            (lists[id]?[list] ?? []).sorted { $0.position < $1.position }.compactMap { T(rawValue: $0.value) }
        }
        return try rows.map { row in
            let id = try row.decode(column: M.id, as: Int.self)
            guard let origin = MissingPlace.Origin(rawValue: try row.decode(column: M.origin, as: String.self)),
                let status = MissingPlaceStatus(rawValue: try row.decode(column: M.status, as: String.self))
            else { throw StoredValueError(column: M.status) }
            return MissingPlace(
                id: id, territory: try row.siren(M.territory), commune: try row.optionalString(M.commune).flatMap(CommuneCode.init),
                qpv: try row.optionalString(M.qpv), services: values(V.services, of: id),
                publics: values(V.publics, of: id), needs: values(V.needs, of: id),
                justification: try row.decode(column: M.justification, as: String.self), origin: origin, status: status,
                priority: try row.decode(column: M.priority, as: Int.self), supporters: counts[id] ?? 0, placeID: try row.optionalString(M.placeID),
                createdAt: try Timestamp.date(try row.decode(column: M.createdAt, as: String.self)),
                author: Author(
                    accountID: try row.decodeNil(column: M.authorID) ? nil : try row.decode(column: M.authorID, as: Int.self),
                    label: try row.decode(column: M.authorLabel, as: String.self)))
        }.sorted {
            ($0.status == .abandonnee ? 1 : 0, $0.priority, -$0.supporters, $0.id) < (
                $1.status == .abandonnee ? 1 : 0, $1.priority, -$1.supporters, $1.id
            )
        }
    }

    static func summary(_ missing: MissingPlace) -> String {
        [
            missing.commune?.rawValue ?? missing.qpv ?? "territoire", missing.services.map(\.rawValue).joined(separator: ", "),
            missing.needs.map(\.label).joined(separator: ", "), missing.status.label, "priorité \(missing.priority)", missing.justification
        ]
        .joined(separator: " ; ")
    }
}
