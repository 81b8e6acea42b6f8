import Foundation
import MaillageCore
import SQLKit

/// The hand completions of the structures recognised from the data (name, kind, contact, communes served).
public struct StructureRepository: Sendable {
    let database: AppDatabase

    private typealias S = OfferTables.Structure

    public func completions() async throws -> [StructureCompletion] {
        try await Self.load(database.sql.select().column("*").from(S.table).orderBy(S.id))
    }

    private static func load(_ query: SQLSelectBuilder) async throws -> [StructureCompletion] {
        try await query.all().map { row in
            guard let kind = StructureKind(rawValue: try row.decode(column: S.kind, as: String.self)) else { throw StoredValueError(column: S.kind) }
            return StructureCompletion(structureID: try row.decode(column: S.id, as: String.self), name: try row.decode(column: S.name, as: String.self),
                                       kind: kind, contactEmail: try row.optionalString(S.contactEmail), contactPhone: try row.optionalString(S.contactPhone),
                                       communes: try row.decode(column: S.communes, as: String.self).split(separator: "|").compactMap { CommuneCode(String($0)) })
        }
    }

    /// Saves a structure's completion, with its audit event and a change-log entry (every instance rebuilds its register).
    public func save(_ completion: StructureCompletion, territory: Siren?, by author: Author, now: Date = Date()) async throws {
        try await database.transaction { db in
            // The one completion replaced, read in this transaction.
            let before = try await Self.load(db.select().column("*").from(S.table).where(S.id, .equal, SQLBind(completion.structureID))).first
            try await db.delete(from: S.table).where(S.id, .equal, SQLBind(completion.structureID)).run()
            try await db.insert(into: S.table).columns(S.id, S.name, S.kind, S.contactEmail, S.contactPhone, S.communes, S.updatedAt)
                .values(SQLBind(completion.structureID), SQLBind(completion.name), SQLBind(completion.kind.rawValue), SQLBind(completion.contactEmail),
                        SQLBind(completion.contactPhone), SQLBind(completion.communes.map(\.rawValue).joined(separator: "|")), SQLBind(Timestamp.text(now)))
                .run()
            try await AuditRepository.record(AuditEvent(at: now, by: author, territory: territory, action: "structure complétée",
                                                        objectKind: AuditKinds.structure, objectID: completion.structureID,
                                                        before: before.map(Self.summary), after: Self.summary(completion)), on: db)
            try await ChangeLog.record(.structures, keys: [completion.structureID], on: db, database: database)
        }
    }

    static func summary(_ completion: StructureCompletion) -> String {
        [completion.name, completion.kind.label, completion.contactEmail ?? "", completion.contactPhone ?? "",
         completion.communes.map(\.rawValue).joined(separator: ",")].joined(separator: " ; ")
    }
}
