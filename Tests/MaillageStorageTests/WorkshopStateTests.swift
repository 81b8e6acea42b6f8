import Foundation
import MaillageCore
import MaillageImport
import MaillageStorage
import MaillageTestSupport
import Testing

/// Opening and closing a workshop (`SetWorkshopState`): a closing freezes the meeting's figures in the transaction
/// that closes it, ends its passes and clears its code; a closing that cannot happen writes nothing.
@Suite("Workshop state use case", .serialized)
struct WorkshopStateTests {
    /// A snapshot of the figures only (the territory's picture is the caller's, and not what is checked here).
    static let figuresOnly: SetWorkshopState.SnapshotMaker = { meeting, figures in
        MeetingSnapshot(meetingID: meeting.id, takenAt: Date(), coverage: [], places: [], missing: [], cards: figures.byKind)
    }

    @Test(arguments: TestDatabases.available)
    func closingFreezesTheFiguresEndsThePassesAndClearsTheCode(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // Setup: an open workshop, a participant's pass and two cards
            let meeting = try await Self.meeting(db)
            let opened = try await SetWorkshopState(database: db)(.ouvert, meetingID: meeting.id, by: .commandLine)
            let pass = try await db.workshop.issuePass(meetingID: meeting.id, label: "Jeanne", expiresAt: Date() + 3600)
            for text in ["Une idée", "Une autre idée"] {
                _ = try await db.workshop.add(
                    WorkshopCard(
                        meetingID: meeting.id, table: Meeting.defaultFocus[0], kind: .ressource, text: text,
                        authorLabel: "Jeanne", createdAt: Date(), clientKey: "carte-\(text.count)"))
            }
            // Act
            let closed = try await SetWorkshopState(database: db)(.clos, meetingID: meeting.id, by: .commandLine, snapshot: Self.figuresOnly)
            // Check: closed without a code, the pass no longer serves, the snapshot counts both cards, the journal says so
            #expect(opened.joinCode != nil && closed.workshop == .clos && closed.joinCode == nil)
            #expect(try await db.workshop.pass(token: pass) == nil)
            let snapshot = try #require(try await db.snapshots.snapshot(meetingID: meeting.id))
            #expect(snapshot.cards.first { $0.key == .ressource }?.count == 2)
            #expect(try await db.audit.events(.init()).first?.action == "atelier : clos")  // the newest first
        }
    }

    @Test(arguments: TestDatabases.available)
    func closingAMeetingThatDoesNotExistThrowsAndWritesNothing(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // Setup
            let meeting = try await Self.meeting(db)
            let journal = try await db.audit.events(.init()).count
            // Act
            await #expect(throws: RowNotFound.self) {
                try await SetWorkshopState(database: db)(.clos, meetingID: meeting.id + 1, by: .commandLine, snapshot: Self.figuresOnly)
            }
            // Check: no snapshot, no journal entry
            #expect(try await db.snapshots.snapshot(meetingID: meeting.id + 1) == nil)
            #expect(try await db.audit.events(.init()).count == journal)
        }
    }

    static func meeting(_ db: AppDatabase) async throws -> Meeting {
        let cycle = try await db.cycles.create(Cycle(territory: .caph, title: "Cycle d'essai", goal: ""), by: .commandLine)
        return try await db.cycles.createMeeting(
            Meeting(cycleID: cycle.id, territory: .caph, startsAt: Date(), venue: "Salle des fêtes"),
            by: .commandLine)
    }
}
