import Foundation
import MaillageCore
@testable import MaillageStorage
import MaillageTestSupport
import SQLKit
import Testing

/// A meeting snapshot keeps the version of the coverage rule its classes were made by (migration 0024).
@Suite("Snapshots and the coverage rule's version", .serialized)
struct SnapshotRuleVersionTests {
    static let raismes = CommuneCode("59491")!

    /// A closed meeting of a new cycle of CAPH.
    static func meeting(in db: AppDatabase) async throws -> Meeting {
        let cycle = try await db.cycles.create(Cycle(territory: .caph, title: "Cycle d'essai", goal: ""), by: .commandLine)
        return try await db.cycles.createMeeting(
            Meeting(cycleID: cycle.id, territory: .caph, startsAt: Date(), venue: "Salle des fêtes"),
            by: .commandLine)
    }

    /// A meeting written with the SQL of the schema 0023 left (its communes still a joined column); returns its id.
    static func meetingOfThatTime(in db: AppDatabase) async throws -> Int {
        let cycle = try #require(
            try await db.sql.raw(
                """
                INSERT INTO cycles (territory, title, goal, created_at) VALUES ('200042190', 'Cycle d''essai', '', '2026-11-01T09:00:00Z') RETURNING id
                """
            ).first(decodingColumn: "id", as: Int.self))
        let meeting = try await db.sql.raw(
            """
            INSERT INTO meetings (cycle_id, starts_at, venue, focus_communes, workshop_state, decisions, version) \
            VALUES (\(bind: cycle), '2026-11-20T14:00:00Z', 'Salle des fêtes', '59491', 'clos', '', 1) RETURNING id
            """
        ).first(decodingColumn: "id", as: Int.self)
        return try #require(meeting)
    }

    static func snapshot(of meeting: Meeting, ruleVersion: Int) -> MeetingSnapshot {
        MeetingSnapshot(
            meetingID: meeting.id, takenAt: Date(timeIntervalSince1970: 1_765_000_000), coverageRuleVersion: ruleVersion,
            coverage: [.init(commune: raismes, need: Need.openOnSaturday.key, coverage: .withinReach)], places: [], missing: [],
            cards: [])
    }

    @Test(arguments: TestDatabases.available)
    func eachSnapshotKeepsTheVersionOfTheRuleItWasMadeBy(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // Setup: two meetings, one closed under today's rule, one under a later version
            let today = try await Self.meeting(in: db), later = try await Self.meeting(in: db)
            // Act
            for (meeting, version) in [(today, CoverageRule.version), (later, CoverageRule.version + 1)] {
                let snapshot = Self.snapshot(of: meeting, ruleVersion: version)
                try await db.transaction { try await db.snapshots.store(snapshot, on: $0) }
            }
            // Check: each reads back with its own version and its coverage
            let first = try #require(try await db.snapshots.snapshot(meetingID: today.id))
            let second = try #require(try await db.snapshots.snapshot(meetingID: later.id))
            #expect(first == Self.snapshot(of: today, ruleVersion: CoverageRule.version))
            #expect(second.coverageRuleVersion == CoverageRule.version + 1)
            #expect(SnapshotComparison(from: first, to: second).coverageRuleChange != nil)
        }
    }

    @Test(arguments: TestDatabases.available)
    func snapshotsTakenBeforeMigration0024WereMadeByTheFirstRule(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind, schema: .unchecked) { db in
            // Setup: the schema as migration 0023 left it, and a meeting closed then (its snapshot written with the
            // names of that schema)
            try await Migrator(database: db).migrate(through: "0023_forget_clear_keys")
            let meeting = try await Self.meetingOfThatTime(in: db)
            try await db.sql.insert(into: "meeting_snapshots").columns("meeting_id", "taken_at")
                .values(SQLBind(meeting), SQLBind("2026-11-20T18:00:00Z")).run()
            try await db.sql.insert(into: "snapshot_coverage").columns("meeting_id", "commune_code", "need", "coverage")
                .values(SQLBind(meeting), SQLBind(Self.raismes.rawValue), SQLBind(Need.openOnSaturday.key), SQLBind("a-portee")).run()
            // Act
            let applied = try await db.migrate()
            // Check: 0024 applied, the old snapshot read as made by version 1 with its coverage unchanged
            #expect(applied == Array(AppDatabase.migrationNames.drop { $0 != "0024_snapshot_coverage_rule" }))
            let snapshot = try #require(try await db.snapshots.snapshot(meetingID: meeting))
            #expect(snapshot.coverageRuleVersion == 1)
            #expect(snapshot.coverage == [.init(commune: Self.raismes, need: Need.openOnSaturday.key, coverage: .withinReach)])
            try await db.requireCurrentSchema()
        }
    }
}
