import Foundation
import MaillageCore
import SQLKit

/// Cycles of meetings and their meetings (with agenda), numbered by date. Every change is in the trail.
public struct CycleRepository: Sendable {
    let database: AppDatabase

    private typealias C = CycleTables.Cycle
    private typealias P = CycleTables.Person
    private typealias M = CycleTables.Meeting
    private typealias A = CycleTables.Agenda
    private typealias F = CycleTables.FocusCommune

    /// The cycles of a territory, the most recent first.
    public func all(territory: Siren) async throws -> [Cycle] {
        try await loadCycles(
            database.sql.select().column("*").from(C.table).where(C.territory, .equal, SQLBind(territory.rawValue))
                .orderBy(C.id, .descending), on: database.sql)
    }

    public func find(id: Int, on db: (any SQLDatabase)? = nil) async throws -> Cycle? {
        let db = db ?? database.sql
        return try await loadCycles(db.select().column("*").from(C.table).where(C.id, .equal, SQLBind(id)), on: db).first
    }

    public func create(_ cycle: Cycle, by author: Author, now: Date = Date()) async throws -> Cycle {
        try await database.transaction { db in
            let id = try await db.insert(into: C.table).columns(C.territory, C.title, C.goal, C.startsOn, C.endsOn, C.createdAt)
                .values(
                    SQLBind(cycle.territory.rawValue), SQLBind(cycle.title), SQLBind(cycle.goal), SQLBind(cycle.startsOn?.description),
                    SQLBind(cycle.endsOn?.description), SQLBind(Timestamp.text(now))
                )
                .returning(C.id).first(decodingColumn: C.id, as: Int.self)
            guard let id else { throw StoredValueError(column: C.id) }
            try await storePeople(of: cycle, id: id, on: db)
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: author, territory: cycle.territory, action: "cycle créé",
                    objectKind: AuditKinds.cycle, objectID: "\(id)", after: cycle.title), on: db)
            var stored = cycle
            stored.id = id
            return stored
        }
    }

    /// Replaces what the cycle says of itself (title, goal, dates, people).
    public func update(_ cycle: Cycle, by author: Author, now: Date = Date()) async throws {
        try await database.transaction { db in
            guard let before = try await find(id: cycle.id, on: db) else { throw RowNotFound() }
            try await db.update(C.table).set(C.title, to: SQLBind(cycle.title)).set(C.goal, to: SQLBind(cycle.goal))
                .set(C.startsOn, to: SQLBind(cycle.startsOn?.description)).set(C.endsOn, to: SQLBind(cycle.endsOn?.description))
                .where(C.id, .equal, SQLBind(cycle.id)).run()
            try await db.delete(from: P.table).where(P.cycleID, .equal, SQLBind(cycle.id)).run()
            try await storePeople(of: cycle, id: cycle.id, on: db)
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: author, territory: before.territory, action: "cycle modifié",
                    objectKind: AuditKinds.cycle, objectID: "\(cycle.id)", before: before.title, after: cycle.title), on: db)
        }
    }

    // MARK: Meetings

    /// The meetings of a cycle in date order, numbered from 1.
    public func meetings(cycle id: Int, on db: (any SQLDatabase)? = nil) async throws -> [Meeting] {
        let db = db ?? database.sql
        guard let cycle = try await find(id: id, on: db) else { return [] }
        return try await loadMeetings(db.select().column("*").from(M.table).where(M.cycleID, .equal, SQLBind(id)), territory: cycle.territory, on: db)
    }

    /// A meeting, numbered within its cycle.
    public func meeting(id: Int, on db: (any SQLDatabase)? = nil) async throws -> Meeting? {
        let db = db ?? database.sql
        guard
            let cycleID = try await db.select().column(M.cycleID).from(M.table).where(M.id, .equal, SQLBind(id))
                .first(decodingColumn: M.cycleID, as: Int.self)
        else { return nil }
        return try await meetings(cycle: cycleID, on: db).first { $0.id == id }
    }

    /// The meeting whose open workshop has this join code.
    public func meeting(joinCode: String) async throws -> Meeting? {
        guard
            let id = try await database.sql.select().column(M.id).from(M.table).where(M.joinCode, .equal, SQLBind(joinCode))
                .where(M.workshop, .equal, SQLBind(WorkshopState.ouvert.rawValue)).first(decodingColumn: M.id, as: Int.self)
        else { return nil }
        return try await meeting(id: id)
    }

    public func createMeeting(_ meeting: Meeting, by author: Author, now: Date = Date()) async throws -> Meeting {
        try await database.transaction { db in
            let id = try await db.insert(into: M.table)
                .columns(M.cycleID, M.startsAt, M.venuePlaceID, M.venue, M.workshop, M.joinCode, M.decisions, M.version)
                .values(
                    SQLBind(meeting.cycleID), SQLBind(Timestamp.text(meeting.startsAt)), SQLBind(meeting.venuePlaceID), SQLBind(meeting.venue),
                    SQLBind(WorkshopState.enPreparation.rawValue), SQLBind(nil as String?),
                    SQLBind(meeting.decisions), SQLBind(0)
                )
                .returning(M.id).first(decodingColumn: M.id, as: Int.self)
            guard let id else { throw StoredValueError(column: M.id) }
            try await storeAgenda(meeting.agenda, meetingID: id, on: db)
            try await storeFocus(meeting.focusCommunes, meetingID: id, on: db)
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: author, territory: meeting.territory, action: "rencontre créée",
                    objectKind: AuditKinds.meeting, objectID: "\(id)", after: Self.summary(meeting)), on: db)
            guard let stored = try await self.meeting(id: id, on: db) else { throw RowNotFound() }
            return stored
        }
    }

    /// Replaces a meeting's date, venue, agenda, tables and decisions (not its workshop's state).
    public func updateMeeting(_ meeting: Meeting, by author: Author, now: Date = Date()) async throws {
        try await database.transaction { db in
            guard let before = try await self.meeting(id: meeting.id, on: db) else { throw RowNotFound() }
            try await db.update(M.table).set(M.startsAt, to: SQLBind(Timestamp.text(meeting.startsAt))).set(
                M.venuePlaceID, to: SQLBind(meeting.venuePlaceID)
            )
            .set(M.venue, to: SQLBind(meeting.venue))
            .set(M.decisions, to: SQLBind(meeting.decisions)).where(M.id, .equal, SQLBind(meeting.id)).run()
            try await db.delete(from: A.table).where(A.meetingID, .equal, SQLBind(meeting.id)).run()
            try await storeAgenda(meeting.agenda, meetingID: meeting.id, on: db)
            try await db.delete(from: F.table).where(F.meetingID, .equal, SQLBind(meeting.id)).run()
            try await storeFocus(meeting.focusCommunes, meetingID: meeting.id, on: db)
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: author, territory: before.territory, action: "rencontre modifiée",
                    objectKind: AuditKinds.meeting, objectID: "\(meeting.id)",
                    before: Self.summary(before), after: Self.summary(meeting)), on: db)
        }
    }

    /// Opens or closes the meeting's workshop inside the caller's transaction; returns the meeting after. Opening gives
    /// it a new join code (a code seen at an earlier opening no longer works); closing clears the code and ends every
    /// pass. The snapshot a closing freezes is the use case's (`SetWorkshopState`, in the same transaction).
    public func setWorkshop(_ state: WorkshopState, meetingID: Int, by author: Author, now: Date, on db: any SQLDatabase) async throws -> Meeting {
        guard let before = try await self.meeting(id: meetingID, on: db) else { throw RowNotFound() }
        let code = state == .ouvert ? try await Self.unusedJoinCode(on: db) : nil
        try await db.update(M.table).set(M.workshop, to: SQLBind(state.rawValue)).set(M.joinCode, to: SQLBind(code))
            .where(M.id, .equal, SQLBind(meetingID)).run()
        try await Self.bumpVersion(meetingID: meetingID, on: db)
        if state != .ouvert {
            try await db.delete(from: CycleTables.Pass.table).where(CycleTables.Pass.meetingID, .equal, SQLBind(meetingID)).run()
        }
        guard let after = try await self.meeting(id: meetingID, on: db) else { throw RowNotFound() }
        try await AuditRepository.record(
            AuditEvent(
                at: now, by: author, territory: before.territory, action: "atelier : \(state.label.lowercased())",
                objectKind: AuditKinds.meeting, objectID: "\(meetingID)",
                before: before.workshop.label, after: state.label), on: db)
        return after
    }

    /// Gives the open workshop a new join code: the former one stops working at once; the passes taken with it stay
    /// valid. Refused (``WorkshopClosed``) when the workshop is not open.
    public func renewJoinCode(meetingID: Int, by author: Author, now: Date = Date()) async throws -> Meeting {
        try await database.transaction { db in
            guard let before = try await self.meeting(id: meetingID, on: db) else { throw RowNotFound() }
            guard before.workshop == .ouvert else { throw WorkshopClosed() }
            try await db.update(M.table).set(M.joinCode, to: SQLBind(try await Self.unusedJoinCode(on: db))).where(M.id, .equal, SQLBind(meetingID))
                .run()
            // Moves the version, so that the projected view shows the new code.
            try await Self.bumpVersion(meetingID: meetingID, on: db)
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: author, territory: before.territory, action: "atelier : nouveau code",
                    objectKind: AuditKinds.meeting, objectID: "\(meetingID)"), on: db)
            guard let after = try await self.meeting(id: meetingID, on: db) else { throw RowNotFound() }
            return after
        }
    }

    /// A code unused by any meeting (a collision among 887 million is unlikely, but checked). The code is kept readable,
    /// not hashed: the animateurs show it to the room for the whole workshop, so it must be read back; it is short-lived
    /// (new at each opening and on request, cleared at closing), only shown to the animateurs and the projection token,
    /// and guessing it is throttled per address.
    private static func unusedJoinCode(on db: any SQLDatabase) async throws -> String {
        var code: String
        repeat {
            code = JoinCode.make()
        } while try await db.select().column(M.id).from(M.table).where(M.joinCode, .equal, SQLBind(code)).first() != nil
        return code
    }

    /// What a live board watches: the meeting's change counter, and whether its workshop is open.
    public struct Pulse: Hashable, Sendable {
        public var version: Int
        public var isOpen: Bool

        public init(version: Int, isOpen: Bool) {
            self.version = version
            self.isOpen = isOpen
        }
    }

    /// The meeting's change counter: it moves with every card and moderation.
    public func version(meetingID: Int) async throws -> Int? {
        try await pulse(meetingID: meetingID)?.version
    }

    /// The meeting's change counter and workshop state, in one read (nil for an unknown meeting).
    public func pulse(meetingID: Int) async throws -> Pulse? {
        guard
            let row = try await database.sql.select().column(M.version).column(M.workshop).from(M.table).where(M.id, .equal, SQLBind(meetingID))
                .first()
        else { return nil }
        return Pulse(
            version: try row.decode(column: M.version, as: Int.self),
            isOpen: try row.decode(column: M.workshop, as: String.self) == WorkshopState.ouvert.rawValue)
    }

    static func bumpVersion(meetingID: Int, on db: any SQLDatabase) async throws {
        try await db.update(M.table).set(SQLIdentifier(M.version), to: SQLRaw("\(M.version) + 1")).where(M.id, .equal, SQLBind(meetingID)).run()
    }

    // MARK: Rows

    private func storePeople(of cycle: Cycle, id: Int, on db: any SQLDatabase) async throws {
        let rows: [[any Encodable & Sendable]] =
            cycle.organisers.enumerated().map { [id, "organisateur", $0.offset, $0.element] }
            + cycle.animateurs.enumerated().map { [id, "animateur", $0.offset, $0.element] }
        try await db.insertBatched(
            into: P.table, columns: [P.cycleID, P.role, P.position, P.name], rows: rows, maxBinds: database.maxBindsPerStatement)
    }

    private func storeAgenda(_ agenda: [AgendaItem], meetingID: Int, on db: any SQLDatabase) async throws {
        let rows: [[any Encodable & Sendable]] = agenda.enumerated().map {
            [meetingID, $0.offset, $0.element.title, $0.element.kind.rawValue, $0.element.minutes]
        }
        try await db.insertBatched(
            into: A.table, columns: [A.meetingID, A.position, A.title, A.kind, A.minutes], rows: rows,
            maxBinds: database.maxBindsPerStatement)
    }

    private func storeFocus(_ communes: [CommuneCode], meetingID: Int, on db: any SQLDatabase) async throws {
        let rows: [[any Encodable & Sendable]] = communes.enumerated().map { [meetingID, $0.offset, $0.element.rawValue] }
        try await db.insertBatched(into: F.table, columns: [F.meetingID, F.position, F.commune], rows: rows, maxBinds: database.maxBindsPerStatement)
    }

    private func loadCycles(_ query: SQLSelectBuilder, on db: any SQLDatabase) async throws -> [Cycle] {
        let rows = try await query.all()
        let ids = try rows.map { try $0.decode(column: C.id, as: Int.self) }
        var people: [Int: [(role: String, position: Int, name: String)]] = [:]
        let personRows: [any SQLRow] =
            ids.isEmpty
            ? []
            : try await db.inChunks(ids) { chunk in
                try await db.select().column("*").from(P.table).where(P.cycleID, .in, chunk).all()
            }
        for row in personRows {
            people[try row.decode(column: P.cycleID, as: Int.self), default: []].append(
                (
                    try row.decode(column: P.role, as: String.self), try row.decode(column: P.position, as: Int.self),
                    try row.decode(column: P.name, as: String.self)
                ))
        }
        return try rows.map { row in
            let id = try row.decode(column: C.id, as: Int.self)
            let own = (people[id] ?? []).sorted { $0.position < $1.position }
            return Cycle(
                id: id, territory: try row.siren(C.territory), title: try row.decode(column: C.title, as: String.self),
                goal: try row.decode(column: C.goal, as: String.self),
                startsOn: try row.optionalString(C.startsOn).flatMap(CalendarDay.init),
                endsOn: try row.optionalString(C.endsOn).flatMap(CalendarDay.init),
                organisers: own.filter { $0.role == "organisateur" }.map(\.name), animateurs: own.filter { $0.role == "animateur" }.map(\.name))
        }
    }

    private func loadMeetings(_ query: SQLSelectBuilder, territory: Siren, on db: any SQLDatabase) async throws -> [Meeting] {
        let rows = try await query.all()
        let ids = try rows.map { try $0.decode(column: M.id, as: Int.self) }
        var agenda: [Int: [(position: Int, item: AgendaItem)]] = [:]
        let agendaRows: [any SQLRow] =
            ids.isEmpty
            ? []
            : try await db.inChunks(ids) { chunk in
                try await db.select().column("*").from(A.table).where(A.meetingID, .in, chunk).all()
            }
        for row in agendaRows {
            guard let kind = WorkshopKind(rawValue: try row.decode(column: A.kind, as: String.self)) else { throw StoredValueError(column: A.kind) }
            let minutes = try row.decodeNil(column: A.minutes) ? nil : try row.decode(column: A.minutes, as: Int.self)
            agenda[try row.decode(column: A.meetingID, as: Int.self), default: []].append(
                (
                    try row.decode(column: A.position, as: Int.self),
                    AgendaItem(title: try row.decode(column: A.title, as: String.self), kind: kind, minutes: minutes)
                ))
        }
        var focus: [Int: [(position: Int, commune: CommuneCode)]] = [:]
        let focusRows: [any SQLRow] =
            ids.isEmpty
            ? []
            : try await db.inChunks(ids) { chunk in
                try await db.select().column("*").from(F.table).where(F.meetingID, .in, chunk).all()
            }
        for row in focusRows {
            guard let commune = CommuneCode(try row.decode(column: F.commune, as: String.self)) else { continue }
            focus[try row.decode(column: F.meetingID, as: Int.self), default: []].append((try row.decode(column: F.position, as: Int.self), commune))
        }
        let meetings = try rows.map { row in
            let id = try row.decode(column: M.id, as: Int.self)
            guard let state = WorkshopState(rawValue: try row.decode(column: M.workshop, as: String.self)) else {
                throw StoredValueError(column: M.workshop)
            }
            return Meeting(
                id: id, cycleID: try row.decode(column: M.cycleID, as: Int.self), territory: territory,
                startsAt: try Timestamp.date(try row.decode(column: M.startsAt, as: String.self)),
                venuePlaceID: try row.optionalString(M.venuePlaceID), venue: try row.decode(column: M.venue, as: String.self),
                agenda: (agenda[id] ?? []).sorted { $0.position < $1.position }.map(\.item),
                focusCommunes: (focus[id] ?? []).sorted { $0.position < $1.position }.map(\.commune),
                workshop: state, joinCode: try row.optionalString(M.joinCode), decisions: try row.decode(column: M.decisions, as: String.self))
        }.sorted { ($0.startsAt, $0.id) < ($1.startsAt, $1.id) }
        return meetings.enumerated().map { offset, meeting in
            var numbered = meeting
            numbered.number = offset + 1
            return numbered
        }
    }

    static func summary(_ meeting: Meeting) -> String {
        [
            Timestamp.text(meeting.startsAt), meeting.venue, meeting.focusCommunes.map(\.rawValue).joined(separator: ", "),
            meeting.agenda.map(\.title).joined(separator: ", ")
        ].joined(separator: " ; ")
    }
}
