import Foundation
import MaillageCore
import SQLKit

/// The hand completions of the structures recognised from the data (name, kind, contact, communes served).
public struct StructureRepository: Sendable {
    let database: AppDatabase

    private typealias S = OfferTables.Structure
    private typealias C = OfferTables.StructureCommune

    public func completions() async throws -> [StructureCompletion] {
        try await Self.load(database.sql.select().column("*").from(S.table).orderBy(S.id), on: database.sql)
    }

    private static func load(_ query: SQLSelectBuilder, on db: any SQLDatabase) async throws -> [StructureCompletion] {
        let rows = try await query.all()
        let ids = try rows.map { try $0.decode(column: S.id, as: String.self) }
        var communes: [String: [(position: Int, commune: CommuneCode)]] = [:]
        let communeRows: [any SQLRow] =
            ids.isEmpty
            ? []
            : try await db.inChunks(ids) { chunk in
                try await db.select().column("*").from(C.table).where(C.structureID, .in, chunk).all()
            }
        for row in communeRows {
            guard let commune = CommuneCode(try row.decode(column: C.commune, as: String.self)) else { continue }
            communes[try row.decode(column: C.structureID, as: String.self), default: []].append(
                (try row.decode(column: C.position, as: Int.self), commune))
        }
        return try rows.map { row in
            guard let kind = StructureKind(rawValue: try row.decode(column: S.kind, as: String.self)) else { throw StoredValueError(column: S.kind) }
            return StructureCompletion(
                structureID: try row.decode(column: S.id, as: String.self), name: try row.decode(column: S.name, as: String.self),
                kind: kind, contactEmail: try row.optionalString(S.contactEmail), contactPhone: try row.optionalString(S.contactPhone),
                communes: (communes[try row.decode(column: S.id, as: String.self)] ?? []).sorted { $0.position < $1.position }.map(\.commune))
        }
    }

    /// Saves a structure's completion, with its audit event and a change-log entry (every instance rebuilds its register).
    public func save(_ completion: StructureCompletion, territory: Siren?, by author: Author, now: Date = Date()) async throws {
        try await database.transaction { db in
            // The one completion replaced, read in this transaction.
            let before = try await Self.load(db.select().column("*").from(S.table).where(S.id, .equal, SQLBind(completion.structureID)), on: db).first
            try await db.delete(from: S.table).where(S.id, .equal, SQLBind(completion.structureID)).run()
            try await db.insert(into: S.table).columns(S.id, S.name, S.kind, S.contactEmail, S.contactPhone, S.updatedAt)
                .values(
                    SQLBind(completion.structureID), SQLBind(completion.name), SQLBind(completion.kind.rawValue), SQLBind(completion.contactEmail),
                    SQLBind(completion.contactPhone), SQLBind(Timestamp.text(now))
                )
                .run()
            let rows: [[any Encodable & Sendable]] = completion.communes.enumerated().map { [completion.structureID, $0.offset, $0.element.rawValue] }
            try await db.insertBatched(
                into: C.table, columns: [C.structureID, C.position, C.commune], rows: rows, maxBinds: database.maxBindsPerStatement)
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: author, territory: territory, action: "structure complétée",
                    objectKind: AuditKinds.structure, objectID: completion.structureID,
                    before: before.map(Self.summary), after: Self.summary(completion)), on: db)
            try await ChangeLog.record(.structures, keys: [completion.structureID], on: db, database: database)
        }
    }

    static func summary(_ completion: StructureCompletion) -> String {
        [
            completion.name, completion.kind.label, completion.contactEmail ?? "", completion.contactPhone ?? "",
            completion.communes.map(\.rawValue).joined(separator: ",")
        ].joined(separator: " ; ")
    }
}
