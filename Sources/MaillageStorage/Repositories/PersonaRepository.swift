import Foundation
import MaillageCore
import SQLKit

/// The personas of each territory's workshop library, in typed columns. Every change is checked against the version the
/// editor read: a persona changed by someone else in between is a conflict, reported and never overwritten. Every
/// change writes its audit event (before and after) in its own transaction.
public struct PersonaRepository: Sendable {
    let database: AppDatabase

    private typealias P = PersonaTables.Persona
    private typealias N = PersonaTables.Need
    private typealias S = PersonaTables.Slot
    private typealias T = PersonaTables.Support

    /// A persona as stored, with the version edits must quote.
    public struct Stored: Sendable, Equatable {
        public var persona: Persona
        public var version: Int
        /// The territory whose library holds it.
        public var territory: Siren
    }

    /// Someone else changed or deleted the persona since it was read.
    public struct Conflict: Error, Sendable {
        public var id: String
    }

    /// The personas of a territory's library (of every library when nil), by first name.
    public func all(territory: Siren? = nil) async throws -> [Stored] {
        var query = database.sql.select().from(P.table)
        if let territory { query = query.where(P.territory, .equal, SQLBind(territory.rawValue)) }
        return try await Self.load(query.orderBy(P.firstName).orderBy(P.id), on: database.sql)
    }

    public func find(id: String) async throws -> Stored? {
        try await Self.find(id: id, on: database.sql)
    }

    private static func find(id: String, on db: any SQLDatabase) async throws -> Stored? {
        try await load(db.select().from(P.table).where(P.id, .equal, SQLBind(id)), on: db).first
    }

    /// Stores a new persona in a territory's library under an identifier made from its first name; returns it as stored.
    public func create(_ persona: Persona, territory: Siren, by author: Author, now: Date = Date()) async throws -> Stored {
        try await database.transaction { session in
            let created = try await Self.insert(persona, territory: territory, on: session)
            try await Self.audit("persona créé", created, before: nil, after: created.persona, by: author, now: now, on: session)
            try await ChangeLog.record(.personas, keys: [created.persona.id], on: session, database: database)
            return created
        }
    }

    /// Gives an empty library the default personas (``Persona/defaultLibrary``); returns how many were added.
    public func seedDefaultLibrary(territory: Siren, by author: Author, now: Date = Date()) async throws -> Int {
        try await database.transaction { session in
            let existing = try await session.select().column(P.id).from(P.table).where(P.territory, .equal, SQLBind(territory.rawValue)).first()
            guard existing == nil else { return 0 }
            var ids: [String] = []
            for persona in Persona.defaultLibrary {
                let created = try await Self.insert(persona, territory: territory, on: session)
                try await Self.audit("persona créé", created, before: nil, after: created.persona, by: author, now: now, on: session)
                ids.append(created.persona.id)
            }
            try await ChangeLog.record(.personas, keys: ids, on: session, database: database)
            return ids.count
        }
    }

    private static func insert(_ persona: Persona, territory: Siren, on session: any SQLDatabase) async throws -> Stored {
        let taken = Set(try await session.select().column(P.id).from(P.table).all(decodingColumn: P.id, as: String.self))
        var stored = persona
        stored.id = Persona.identifier(for: persona.firstName, taken: taken)
        try await session.insert(into: P.table).columns(columns.map(\.name) + [P.version, P.territory])
            .values(columns.map { SQLBind($0.value(stored)) } + [SQLBind(1), SQLBind(territory.rawValue)]).run()
        try await insertLists(of: stored, on: session)
        return Stored(persona: stored, version: 1, territory: territory)
    }

    /// Writes the audit event of a change, with the persona before and after as JSON.
    private static func audit(
        _ action: String, _ stored: Stored, before: Persona?, after: Persona?, by author: Author, now: Date,
        on session: any SQLDatabase
    ) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json(_ persona: Persona?) throws -> String? { try persona.map { String(decoding: try encoder.encode($0), as: UTF8.self) } }
        try await AuditRepository.record(
            AuditEvent(
                at: now, by: author, territory: stored.territory, action: action,
                objectKind: AuditKinds.persona, objectID: stored.persona.id, before: try json(before), after: try json(after)),
            on: session)
    }

    /// Replaces a persona if it is still at `version`; throws ``Conflict`` otherwise (nothing is written).
    public func update(_ persona: Persona, version: Int, by author: Author, now: Date = Date()) async throws -> Stored {
        try await database.transaction { session in
            let before = try await Self.find(id: persona.id, on: session)
            // The version test is in the UPDATE itself: of two writers quoting the same version, exactly one changes a row.
            var update = session.update(P.table).set(P.version, to: SQLBind(version + 1))
            for column in Self.columns where column.name != P.id { update = update.set(column.name, to: SQLBind(column.value(persona))) }
            let changed = try await update.where(P.id, .equal, SQLBind(persona.id)).where(P.version, .equal, SQLBind(version))
                .returning(P.id).all()
            guard changed.count == 1 else { throw Conflict(id: persona.id) }
            for table in [N.table, S.table, T.table] {
                try await session.delete(from: table).where(N.personaID, .equal, SQLBind(persona.id)).run()
            }
            try await Self.insertLists(of: persona, on: session)
            guard let before, before.version == version else { throw Conflict(id: persona.id) }
            let stored = Stored(persona: persona, version: version + 1, territory: before.territory)
            try await Self.audit("persona modifié", stored, before: before.persona, after: persona, by: author, now: now, on: session)
            try await ChangeLog.record(.personas, keys: [persona.id], on: session, database: database)
            return stored
        }
    }

    /// Deletes a persona if it is still at `version`; throws ``Conflict`` otherwise.
    public func delete(id: String, version: Int, by author: Author, now: Date = Date()) async throws {
        try await database.transaction { session in
            let before = try await Self.find(id: id, on: session)
            let deleted = try await session.delete(from: P.table).where(P.id, .equal, SQLBind(id)).where(P.version, .equal, SQLBind(version))
                .returning(P.id).all()
            guard deleted.count == 1, let before, before.version == version else { throw Conflict(id: id) }
            try await Self.audit("persona supprimé", before, before: before.persona, after: nil, by: author, now: now, on: session)
            try await ChangeLog.record(.personas, keys: [id], on: session, database: database)
        }
    }

    /// A single-valued column and how to read it from a persona.
    private struct Column: Sendable {
        var name: String
        var value: @Sendable (Persona) -> any Encodable & Sendable
    }

    private static let columns: [Column] = [
        Column(name: P.id) { $0.id },
        Column(name: P.firstName) { $0.firstName },
        Column(name: P.description) { $0.description },
        Column(name: P.ageBand) { $0.ageBand.rawValue },
        Column(name: P.communeCode) { $0.commune.rawValue },
        Column(name: P.qpv) { $0.qpv },
        Column(name: P.situation) { $0.situation.rawValue },
        Column(name: P.equipment) { $0.equipment.rawValue },
        Column(name: P.internetAtHome) { $0.internetAtHome },
        Column(name: P.autonomy) { $0.autonomy.rawValue },
        Column(name: P.mobility) { $0.mobility.rawValue },
        Column(name: P.maxMinutes) { $0.maxMinutes },
        Column(name: P.freeOnly) { $0.freeOnly }
    ]

    private static func insertLists(of persona: Persona, on db: any SQLDatabase) async throws {
        try await db.insertBatched(
            into: N.table, columns: [N.personaID, N.position, N.task, N.service],
            rows: persona.needs.enumerated().map { [persona.id, $0.offset, $0.element.task, $0.element.service.rawValue] },
            maxBinds: 1_000)
        try await db.insertBatched(
            into: S.table, columns: [S.personaID, S.position, S.day, S.startMinute, S.endMinute],
            rows: persona.availability.enumerated().map {
                [persona.id, $0.offset, $0.element.day.rawValue, $0.element.span.start, $0.element.span.end]
            }, maxBinds: 1_000)
        try await db.insertBatched(
            into: T.table, columns: [T.personaID, T.position, T.support],
            rows: persona.specificSupports.enumerated().map { [persona.id, $0.offset, $0.element.rawValue] },
            maxBinds: 1_000)
    }

    /// Reads the personas a query selects, with their lists (three more queries, whatever their number).
    private static func load(_ query: SQLSelectBuilder, on db: any SQLDatabase) async throws -> [Stored] {
        let rows = try await query.columns(columns.map(\.name) + [P.version, P.territory]).all()
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.decode(column: P.id, as: String.self) }
        let needs = try await grouped(
            db.select().columns(N.personaID, N.task, N.service).from(N.table)
                .where(N.personaID, .in, ids).orderBy(N.personaID).orderBy(N.position), idColumn: N.personaID
        ) { row in
            PersonaNeed(task: try row.decode(column: N.task, as: String.self), service: try decode(Service.self, row, N.service))
        }
        let slots = try await grouped(
            db.select().columns(S.personaID, S.day, S.startMinute, S.endMinute).from(S.table)
                .where(S.personaID, .in, ids).orderBy(S.personaID).orderBy(S.position), idColumn: S.personaID
        ) { row in
            WeeklySlot(
                day: try decode(Weekday.self, row, S.day),
                span: TimeSpan(start: try row.decode(column: S.startMinute, as: Int.self), end: try row.decode(column: S.endMinute, as: Int.self)))
        }
        let supports = try await grouped(
            db.select().columns(T.personaID, T.support).from(T.table)
                .where(T.personaID, .in, ids).orderBy(T.personaID).orderBy(T.position), idColumn: T.personaID
        ) { row in
            try decode(SpecificSupport.self, row, T.support)
        }
        return try zip(rows, ids).map { row, id in
            guard let commune = CommuneCode(try row.decode(column: P.communeCode, as: String.self)) else {
                throw StoredValueError(column: P.communeCode)
            }
            let persona = Persona(
                id: id, firstName: try row.decode(column: P.firstName, as: String.self),
                description: try row.decode(column: P.description, as: String.self), ageBand: try decode(Persona.AgeBand.self, row, P.ageBand),
                commune: commune, qpv: try row.decode(column: P.qpv, as: String?.self),
                situation: try decode(Persona.Situation.self, row, P.situation), equipment: try decode(Persona.Equipment.self, row, P.equipment),
                internetAtHome: try row.decode(column: P.internetAtHome, as: Bool.self), autonomy: try decode(Persona.Autonomy.self, row, P.autonomy),
                specificSupports: supports[id] ?? [], mobility: try decode(Persona.Mobility.self, row, P.mobility),
                maxMinutes: try row.decode(column: P.maxMinutes, as: Double.self), availability: slots[id] ?? [],
                freeOnly: try row.decode(column: P.freeOnly, as: Bool.self), needs: needs[id] ?? [])
            guard let territory = Siren(try row.decode(column: P.territory, as: String.self)) else { throw StoredValueError(column: P.territory) }
            return Stored(persona: persona, version: try row.decode(column: P.version, as: Int.self), territory: territory)
        }
    }

    private static func grouped<T>(_ query: SQLSelectBuilder, idColumn: String, _ transform: (any SQLRow) throws -> T) async throws -> [String: [T]] {
        var result: [String: [T]] = [:]
        for row in try await query.all() { result[try row.decode(column: idColumn, as: String.self), default: []].append(try transform(row)) }
        return result
    }

    private static func decode<V: RawRepresentable>(_ type: V.Type, _ row: any SQLRow, _ column: String) throws -> V where V.RawValue: Decodable {
        guard let value = V(rawValue: try row.decode(column: column, as: V.RawValue.self)) else { throw StoredValueError(column: column) }
        return value
    }
}
