import Foundation
import MaillageCore
import MaillageStorage
import MaillageTestSupport
@testable import MaillageWeb
import Testing

/// What people type is bounded as the database bounds it, and a name never starts like a spreadsheet formula.
@Suite("Bounded text and declared names", .serialized)
struct BoundedTextTests {
    /// One « e » carrying `marks` combining acute accents: one character on screen, 1 + `marks` for the database.
    static func accented(_ marks: Int) -> String { "e" + String(repeating: "\u{0301}", count: marks) }

    @Test(arguments: TestDatabases.available)
    func combiningAccentsAreCountedAsTheDatabaseCountsThemAndNeverMakeA500(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup: an open workshop, its animateur, a phone that joined it
            var animateur = try await MeetingCycleTests.animateur(site)
            let cycle = try await site.database.cycles.create(Cycle(territory: .caph, title: "Cycle", goal: ""), by: .commandLine)
            let meeting = try await site.database.cycles.createMeeting(
                Meeting(cycleID: cycle.id, territory: .caph, startsAt: Date(), venue: "Raismes"),
                by: .commandLine)
            let code = try await MeetingCycleTests.open(site, &animateur, meeting: meeting.id)
            var phone = try await MeetingCycleTests.phone(site, code: code, name: "Léa")
            _ = try await site.get("/rencontres/\(meeting.id)/atelier", as: &phone)
            _ = try await site.get("/rencontres/\(meeting.id)", as: &animateur)
            // Act: each form gets a text of one character on screen and more than its limit for the database
            var stranger = Browser()
            _ = try await site.get("/rejoindre?code=\(code)", as: &stranger)
            let joined = try await site.post("/rejoindre", [("code", code), ("nom", Self.accented(150))], as: &stranger)
            let card = try await site.post(
                "/rencontres/\(meeting.id)/atelier",
                [
                    ("table", "59172"), ("type", "ressource"), ("texte", Self.accented(700)),
                    ("cle", "carte-accents-0001")
                ], as: &phone)
            let participant = try await site.post(
                "/rencontres/\(meeting.id)/participants", [("nom", Self.accented(300)), ("profil", "elu")], as: &animateur)
            let title = try await site.post("/cycles", [("territoire", "200042190"), ("titre", Self.accented(300)), ("objectif", "")], as: &animateur)
            // Check: each refused with its field named; nothing stored
            for (answer, field) in [(joined, "Prénom ou initiales"), (card, "Texte"), (participant, "Nom"), (title, "Titre")] {
                #expect(answer.status == 422 && answer.html.contains(field), "\(field): \(answer.status)")
            }
            #expect(try await site.database.workshop.cards(meetingID: meeting.id).isEmpty)
            #expect(try await site.database.participants.all(meetingID: meeting.id).isEmpty)
            #expect(try await site.database.cycles.all(territory: .caph).count == 1)
            // and a decomposed accent counts as the one character it is
            #expect(try QueryReader(query: "nom=Le%CC%81a").single("nom")?.unicodeScalars.count == 3)
        }
    }

    @Test(arguments: TestDatabases.available)
    func aNameThatStartsLikeAFormulaIsRefusedWithItsFieldAndNothingIsStored(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup: a structure's member, the territory's coordinator, a meeting
            let fixture = try await OfferFixture.denainPlace(site.database)
            try await DeclarationTests.accounts(site, fixture)
            var member = try await site.signIn(DeclarationTests.member)
            _ = try await site.get(fixture.declareURI, as: &member)
            var animateur = try await MeetingCycleTests.animateur(site)
            let cycle = try await site.database.cycles.create(Cycle(territory: .caph, title: "Cycle", goal: ""), by: .commandLine)
            let meeting = try await site.database.cycles.createMeeting(
                Meeting(cycleID: cycle.id, territory: .caph, startsAt: Date(), venue: "Raismes"),
                by: .commandLine)
            _ = try await site.get("/rencontres/\(meeting.id)", as: &animateur)
            for formula in ["=HYPERLINK(\"http://x\",\"Cliquez\")", "+33 lien", "-2+3+cmd|' /C calc'!A0", "@SOMME(A1)"] {
                // Act: the place's name, a participant's name and structure, an account's name
                let declared = try await site.post(fixture.declareURI, OfferFixture.form(of: fixture.place, changes: ["nom": [formula]]), as: &member)
                let person = try await site.post(
                    "/rencontres/\(meeting.id)/participants", [("nom", formula), ("structure", formula), ("profil", "elu")],
                    as: &animateur)
                let accounts = site.database.accounts
                let account = await #expect(throws: ParameterError.self) {
                    try await site.database.transaction { db in _ = try await accounts.create(email: "x@caph.fr", name: formula, now: Date(), on: db)
                    }
                }
                // Check: 422 naming the field, a French reason, nothing stored
                #expect(
                    declared.status == 422 && DeclarationTests.errors(declared.html).contains("Nom du lieu") && declared.html.contains("formule"),
                    "\(formula)")
                #expect(
                    person.status == 422 && person.html.contains("Nom") && person.html.contains("Structure") && person.html.contains("formule"),
                    "\(formula)")
                #expect(account?.parameter == "nom" && account?.message.contains("formule") == true)
            }
            #expect(try await site.database.declarations.list(.init()).isEmpty)
            #expect(try await site.database.participants.all(meetingID: meeting.id).isEmpty)
            #expect(try await site.database.accounts.find(email: "x@caph.fr") == nil)
            // a persona's first name too
            var karima = try #require(try await site.database.personas.find(id: "karima")).persona
            karima.firstName = "=1+1"
            #expect(karima.validationErrors(in: TestData.packIndex.territory).contains { $0.field == .prenom && $0.message.contains("formule") })
        }
    }
}
