import Foundation
import MaillageCore
import MaillageImport
@testable import MaillageStorage
import MaillageTestSupport
import Testing

/// `/donnees-personnelles` says every participant's name is replaced a year after the meeting: so it is, those who
/// agreed to be named included.
@Suite("Participants' names after a year", .serialized)
struct ParticipantRetentionTests {
    @Test(arguments: TestDatabases.available)
    func everyNameOfAMeetingHeldMoreThanAYearAgoIsReplacedAndTheRecentOnesStay(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // Setup: a meeting 400 days ago and one 10 days ago, each with a participant who agreed to be named, one who
            // did not (whose name happens to start with « Participant ») and a card signed with a first name
            let now = Date()
            let cycle = try await db.cycles.create(Cycle(territory: .caph, title: "Cycle d'essai", goal: ""), by: .commandLine)
            var ids: [String: Int] = [:]
            for (label, age) in [("ancienne", 400.0), ("récente", 10.0)] {
                let meeting = try await db.cycles.createMeeting(
                    Meeting(
                        cycleID: cycle.id, territory: .caph, startsAt: now - age * 86_400,
                        venue: "Salle des fêtes"), by: .commandLine)
                _ = try await SetWorkshopState(database: db)(.ouvert, meetingID: meeting.id, by: .commandLine)
                for (name, named) in [("Jeanne Martin \(label)", true), ("Participant Jean \(label)", false)] {
                    let person = try await db.participants.add(
                        Participant(
                            meetingID: meeting.id, name: name, structure: "CCAS", profile: .elu,
                            namedInPublic: named), territory: .caph, by: .commandLine)
                    ids[name] = person.id
                }
                _ = try await db.workshop.add(
                    WorkshopCard(
                        meetingID: meeting.id, table: Meeting.defaultFocus[0], kind: .ressource, text: "Une idée",
                        authorLabel: "Jeanne \(label)", createdAt: now, clientKey: "carte-\(meeting.id)-essai"))
                ids[label] = meeting.id
            }
            // Act
            let purged = try await db.purgeExpired(now: now, retention: .init())
            let again = try await db.purgeExpired(now: now, retention: .init())
            // Check: both names of the old meeting replaced and its agreement gone; its card no longer names anyone;
            // the recent meeting untouched; figures unchanged; a second pass has nothing left to do
            let old = try await db.participants.all(meetingID: try #require(ids["ancienne"]))
            #expect(Set(old.map(\.name)) == Set(["Jeanne Martin ancienne", "Participant Jean ancienne"].map { "Participant \(ids[$0]!)" }))
            #expect(old.allSatisfy { !$0.namedInPublic && $0.structure == "CCAS" && $0.profile == .elu })
            #expect(try await db.workshop.cards(meetingID: try #require(ids["ancienne"])).map(\.authorLabel) == ["Participant"])
            let recent = try await db.participants.all(meetingID: try #require(ids["récente"]))
            #expect(recent.map(\.name) == ["Jeanne Martin récente", "Participant Jean récente"] && recent.map(\.namedInPublic) == [true, false])
            #expect(try await db.workshop.cards(meetingID: try #require(ids["récente"])).map(\.authorLabel) == ["Jeanne récente"])
            #expect(purged["participants anonymisés"] == 2 && again["participants anonymisés"] == 0)
        }
    }
}
