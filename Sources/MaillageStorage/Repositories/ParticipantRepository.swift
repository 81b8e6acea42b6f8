import Foundation
import MaillageCore
import SQLKit

/// The people of a meeting: invited or registered, and whether they came. The trail records what changed, never
/// their names; names are forgotten ``retention`` after the meeting (``anonymise(now:)``).
public struct ParticipantRepository: Sendable {
    let database: AppDatabase

    private typealias R = CycleTables.Participant

    /// How long after a meeting its participants' names are kept: the cycle's report is written and sent by then.
    public static let retention: TimeInterval = 365 * 24 * 3600

    public func all(meetingID: Int, on db: (any SQLDatabase)? = nil) async throws -> [Participant] {
        let db = db ?? database.sql
        return try await db.select().column("*").from(R.table).where(R.meetingID, .equal, SQLBind(meetingID)).orderBy(R.id).all().map(
            Self.participant)
    }

    /// Adds a participant; refused (``TooMany``) beyond ``Participant/maxPerMeeting``.
    public func add(_ participant: Participant, territory: Siren, by author: Author, now: Date = Date()) async throws -> Participant {
        try await database.transaction { db in
            let count =
                try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(R.table)
                .where(R.meetingID, .equal, SQLBind(participant.meetingID)).first(decodingColumn: "n", as: Int.self) ?? 0
            guard count < Participant.maxPerMeeting else { throw TooMany(limit: Participant.maxPerMeeting) }
            let id = try await db.insert(into: R.table)
                .columns(R.meetingID, R.name, R.structure, R.structureID, R.profile, R.commune, R.registration, R.attended, R.namedInPublic)
                .values(
                    SQLBind(participant.meetingID), SQLBind(participant.name), SQLBind(participant.structure), SQLBind(participant.structureID),
                    SQLBind(participant.profile.rawValue), SQLBind(participant.commune?.rawValue), SQLBind(participant.registration.rawValue),
                    SQLBind(participant.attended), SQLBind(participant.namedInPublic)
                )
                .returning(R.id).first(decodingColumn: R.id, as: Int.self)
            guard let id else { throw StoredValueError(column: R.id) }
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: author, territory: territory, action: "participant ajouté",
                    objectKind: AuditKinds.participant, objectID: "\(id)",
                    after: Self.summary(participant)), on: db)
            var stored = participant
            stored.id = id
            return stored
        }
    }

    /// Takes attendance: exactly the participants in `present` came (others of the meeting did not).
    public func setAttendance(meetingID: Int, present: Set<Int>, territory: Siren, by author: Author, now: Date = Date()) async throws {
        try await database.transaction { db in
            let people = try await all(meetingID: meetingID, on: db)
            for person in people where person.attended != present.contains(person.id) {
                try await db.update(R.table).set(R.attended, to: SQLBind(present.contains(person.id))).where(R.id, .equal, SQLBind(person.id)).run()
            }
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: author, territory: territory, action: "présences relevées",
                    objectKind: AuditKinds.meeting, objectID: "\(meetingID)",
                    after: "\(people.filter { present.contains($0.id) }.count) présents sur \(people.count)"), on: db)
        }
    }

    /// Removes a participant of a meeting (a person who asks to be forgotten, an entry made by mistake).
    public func remove(id: Int, meetingID: Int, territory: Siren, by author: Author, now: Date = Date()) async throws {
        try await database.transaction { db in
            let removed = try await db.delete(from: R.table).where(R.id, .equal, SQLBind(id)).where(R.meetingID, .equal, SQLBind(meetingID))
                .returning(R.id).all()
            guard !removed.isEmpty else { throw RowNotFound() }
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: author, territory: territory, action: "participant retiré",
                    objectKind: AuditKinds.participant, objectID: "\(id)"), on: db)
        }
    }

    /// Replaces the names of every participant of the meetings held more than ``retention`` ago by « Participant N »,
    /// those who agreed to be named included: their agreement served that meeting's report, whose purpose has ended,
    /// and goes with the name. The first names left on those meetings' workshop cards become « Participant ». Profile,
    /// structure, attendance and cards stay: the figures do not change. Returns how many participants were forgotten.
    @discardableResult
    public func anonymise(now: Date) async throws -> Int {
        typealias M = CycleTables.Meeting
        typealias K = CycleTables.WorkshopCard
        let held = SQLSubquery.select {
            $0.column(M.id).from(M.table).where(M.startsAt, .lessThan, SQLBind(Timestamp.text(now - Self.retention)))
        }
        return try await database.transaction { db in
            let people = try await db.select().column(R.id).column(R.name).column(R.namedInPublic).from(R.table)
                .where(R.meetingID, .in, held).all()
            var forgotten = 0
            for row in people {
                let id = try row.decode(column: R.id, as: Int.self)
                guard try row.decode(column: R.name, as: String.self) != "Participant \(id)" || row.decode(column: R.namedInPublic, as: Bool.self)
                else { continue }
                try await db.update(R.table).set(R.name, to: SQLBind("Participant \(id)")).set(R.namedInPublic, to: SQLBind(false))
                    .where(R.id, .equal, SQLBind(id)).run()
                forgotten += 1
            }
            try await db.update(K.table).set(K.authorLabel, to: SQLBind("Participant")).where(K.meetingID, .in, held)
                .where(K.authorLabel, .notEqual, SQLBind("Participant")).run()
            return forgotten
        }
    }

    private static func participant(_ row: any SQLRow) throws -> Participant {
        guard let profile = ParticipantProfile(rawValue: try row.decode(column: R.profile, as: String.self)),
            let registration = Participant.Registration(rawValue: try row.decode(column: R.registration, as: String.self))
        else { throw StoredValueError(column: R.profile) }
        return Participant(
            id: try row.decode(column: R.id, as: Int.self), meetingID: try row.decode(column: R.meetingID, as: Int.self),
            name: try row.decode(column: R.name, as: String.self), structure: try row.decode(column: R.structure, as: String.self),
            structureID: try row.optionalString(R.structureID), profile: profile,
            commune: try row.optionalString(R.commune).flatMap(CommuneCode.init), registration: registration,
            attended: try row.decode(column: R.attended, as: Bool.self), namedInPublic: try row.decode(column: R.namedInPublic, as: Bool.self))
    }

    /// What the trail keeps of a participant: never their name.
    static func summary(_ participant: Participant) -> String {
        [participant.profile.label, participant.structure, participant.commune?.rawValue ?? "", participant.registration.label]
            .filter { !$0.isEmpty }.joined(separator: " ; ")
    }
}
