import Foundation
import MaillageCore
import SQLKit

/// The snapshots frozen when meetings close: stored once per meeting (a meeting closed again replaces its own).
public struct SnapshotRepository: Sendable {
    let database: AppDatabase

    private typealias N = CycleTables.Snapshot
    private typealias V = CycleTables.SnapshotCoverage
    private typealias L = CycleTables.SnapshotPlace
    private typealias G = CycleTables.SnapshotMissing
    private typealias T = CycleTables.SnapshotCount

    /// Stores a snapshot inside the caller's transaction (the one that closes the meeting).
    public func store(_ snapshot: MeetingSnapshot, on db: any SQLDatabase) async throws {
        let id = SQLBind(snapshot.meetingID)
        try await db.delete(from: N.table).where(N.meetingID, .equal, id).run()
        for (table, column) in [(V.table, V.meetingID), (L.table, L.meetingID), (G.table, G.meetingID), (T.table, T.meetingID)] {
            try await db.delete(from: table).where(column, .equal, id).run()
        }
        try await db.insert(into: N.table).columns(N.meetingID, N.takenAt, N.coverageRuleVersion)
            .values(id, SQLBind(Timestamp.text(snapshot.takenAt)), SQLBind(snapshot.coverageRuleVersion)).run()
        let binds = database.maxBindsPerStatement
        try await db.insertBatched(
            into: V.table, columns: [V.meetingID, V.commune, V.need, V.coverage],
            rows: snapshot.coverage.map { [snapshot.meetingID, $0.commune.rawValue, $0.need, $0.coverage.rawValue] }, maxBinds: binds)
        try await db.insertBatched(
            into: L.table, columns: [L.meetingID, L.placeID, L.name, L.commune],
            rows: snapshot.places.map { [snapshot.meetingID, $0.id, $0.name, $0.commune?.rawValue] }, maxBinds: binds)
        try await db.insertBatched(
            into: G.table, columns: [G.meetingID, G.missingID, G.summary, G.status],
            rows: snapshot.missing.map { [snapshot.meetingID, $0.id, $0.summary, $0.status.rawValue] }, maxBinds: binds)
        try await db.insertBatched(
            into: T.table, columns: [T.meetingID, T.kind, T.count],
            rows: snapshot.cards.map { [snapshot.meetingID, $0.key.rawValue, $0.count] }, maxBinds: binds)
    }

    /// The snapshot of a meeting, if it was closed.
    public func snapshot(meetingID: Int) async throws -> MeetingSnapshot? {
        let db = database.sql
        let id = SQLBind(meetingID)
        guard
            let header = try await db.select().column(N.takenAt).column(N.coverageRuleVersion).from(N.table).where(N.meetingID, .equal, id)
                .first()
        else { return nil }
        let taken = try header.decode(column: N.takenAt, as: String.self)
        let coverage = try await db.select().column("*").from(V.table).where(V.meetingID, .equal, id).all().map { row in
            guard let commune = CommuneCode(try row.decode(column: V.commune, as: String.self)),
                let coverage = CoverageClass(rawValue: try row.decode(column: V.coverage, as: String.self))
            else { throw StoredValueError(column: V.coverage) }
            return MeetingSnapshot.Coverage(commune: commune, need: try row.decode(column: V.need, as: String.self), coverage: coverage)
        }
        let places = try await db.select().column("*").from(L.table).where(L.meetingID, .equal, id).all().map { row in
            MeetingSnapshot.PlaceEntry(
                id: try row.decode(column: L.placeID, as: String.self), name: try row.decode(column: L.name, as: String.self),
                commune: try row.optionalString(L.commune).flatMap(CommuneCode.init))
        }
        let missing = try await db.select().column("*").from(G.table).where(G.meetingID, .equal, id).orderBy(G.missingID).all().map { row in
            guard let status = MissingPlaceStatus(rawValue: try row.decode(column: G.status, as: String.self)) else {
                throw StoredValueError(column: G.status)
            }
            return MeetingSnapshot.MissingEntry(
                id: try row.decode(column: G.missingID, as: Int.self), summary: try row.decode(column: G.summary, as: String.self),
                status: status)
        }
        let counts = try await db.select().column("*").from(T.table).where(T.meetingID, .equal, id).all().map { row in
            guard let kind = CardKind(rawValue: try row.decode(column: T.kind, as: String.self)) else { throw StoredValueError(column: T.kind) }
            return Tally(kind, try row.decode(column: T.count, as: Int.self))
        }.sorted { CardKind.allCases.firstIndex(of: $0.key)! < CardKind.allCases.firstIndex(of: $1.key)! }
        return MeetingSnapshot(
            meetingID: meetingID, takenAt: try Timestamp.date(taken),
            coverageRuleVersion: try header.decode(column: N.coverageRuleVersion, as: Int.self), coverage: coverage,
            places: places, missing: missing, cards: counts)
    }
}
