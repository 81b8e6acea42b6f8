import Foundation
import MaillageCore
import MaillageStorage
import MaillageTestSupport
@testable import MaillageWeb
import Testing

/// The missing places register, new places proposed by participants, and the structures' own pages.
@Suite("Missing places, new places, structures", .serialized)
struct RegisterTests {
    static let participant = "participante@caph.fr"

    @Test(arguments: TestDatabases.available)
    func aGapOfTheDiagnosticGoesToTheRegisterIsSupportedOnceAndOpensAsAPlace(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup: a participant and a coordinator of CAPH; Denain's diagnostic with its gaps
            let fixture = try await OfferFixture.denainPlace(site.database)
            try await DeclarationTests.accounts(site, fixture)
            try await site.account(Self.participant, [RoleGrant(role: .participant, scope: .territory(.caph))!])
            var participant = try await site.signIn(Self.participant)
            let diagnostic = try await site.get("/diagnostic/communes/59172", as: &participant)
            let link = try #require(diagnostic.html.firstMatch(of: /href="(\/lieux-manquants\/nouveau\?[^"]+)"/)?.1).replacingOccurrences(
                of: "&amp;", with: "&")
            // Act: the participant follows the gap's link, the form comes filled, and inscribes it
            let form = try await site.get(String(link), as: &participant)
            #expect(form.status == 200 && form.html.contains("<option value=\"59172\" selected>"))
            let justification = try #require(form.html.firstMatch(of: /maxlength="2000" required>([^<]+)</)?.1)
            let created = try await site.post(
                "/lieux-manquants",
                [
                    ("territoire", "200042190"), ("commune", "59172"), ("besoins", "samedi"),
                    ("origine", "diagnostic"), ("justification", String(justification))
                ], as: &participant)
            #expect(created.status == 302)
            // Check: listed, supported once whatever the clicks, shown beside the computed gaps
            let stored = try #require(try await site.database.missingPlaces.all(territory: .caph).first)
            #expect(stored.commune == OfferFixture.denain && stored.origin == .diagnostic && stored.needs == [.saturday])
            _ = try await site.post("/lieux-manquants/\(stored.id)/soutien", [], as: &participant)
            _ = try await site.post("/lieux-manquants/\(stored.id)/soutien", [], as: &participant)
            #expect(try await site.database.missingPlaces.find(id: stored.id)?.supporters == 1)
            #expect(try await site.get("/diagnostic/communes/59172", as: &participant).html.contains("N° \(stored.id)"))
            #expect(try await site.get("/communes/59172", as: &participant).html.contains("N° \(stored.id) : Ouverture le samedi"))
            #expect(try await site.get("/diagnostic?epci=200042190", as: &participant).html.contains("N° \(stored.id) — Denain"))
            // A journey's rupture offers the same register, filled from the step
            var ruptures = 0
            for persona in Persona.defaultLibrary {
                let page = try await site.get("/personas/\(persona.id)/parcours", as: &participant)
                if page.html.contains("Inscrire cette rupture au registre des lieux manquants") { ruptures += 1 }
            }
            #expect(ruptures > 0)
            // The coordinator opens it: only with the place it became
            var coordinator = try await site.signIn(DeclarationTests.coordinator)
            let withoutPlace = try await site.post(
                "/lieux-manquants/\(stored.id)/statut", [("statut", "ouverte"), ("priorite", "1")], as: &coordinator)
            let stillIdea = try await site.database.missingPlaces.find(id: stored.id)?.status
            #expect(withoutPlace.status == 422 && stillIdea == .idee)
            let opened = try await site.post(
                "/lieux-manquants/\(stored.id)/statut", [("statut", "ouverte"), ("priorite", "1"), ("lieu", fixture.place.id)],
                as: &coordinator)
            let openedPlace = try await site.database.missingPlaces.find(id: stored.id)?.placeID
            #expect(opened.status == 302 && openedPlace == fixture.place.id)
            #expect(
                try await site.post("/lieux-manquants/\(stored.id)/statut", [("statut", "retenue"), ("priorite", "1")], as: &participant).status
                    == 403)
        }
    }

    @Test func whoProposedAMissingPlaceIsShownToTheTerritorysCoordinatorsOnlyAsThePrivacyPageSays() async throws {
        try await TestSite.with { site in
            // Setup: a participant inscribes a missing place
            let fixture = try await OfferFixture.denainPlace(site.database)
            try await DeclarationTests.accounts(site, fixture)
            try await site.account(Self.participant, [RoleGrant(role: .participant, scope: .territory(.caph))!])
            var participant = try await site.signIn(Self.participant)
            let created = try await site.post(
                "/lieux-manquants",
                [
                    ("territoire", "200042190"), ("commune", "59172"), ("besoins", "samedi"),
                    ("justification", "Rien le samedi à Denain")
                ], as: &participant)
            #expect(created.status == 302)
            // Act: the register read by a visitor, by the participant, by the coordinator
            var visitor = Browser()
            let anyone = try await site.get("/lieux-manquants?territoire=200042190", as: &visitor)
            let own = try await site.get("/lieux-manquants?territoire=200042190", as: &participant)
            var coordinator = try await site.signIn(DeclarationTests.coordinator)
            let followed = try await site.get("/lieux-manquants?territoire=200042190", as: &coordinator)
            let privacy = try await site.get("/donnees-personnelles", as: &visitor)
            // Check: everyone reads the entry; only the coordinator reads who proposed it, and the privacy page says so
            #expect(anyone.html.contains("Rien le samedi à Denain") && !anyone.html.contains("proposé par") && !anyone.html.contains("Participante"))
            #expect(own.html.contains("Rien le samedi à Denain") && !own.html.contains("proposé par"))
            #expect(followed.html.contains("proposé par Participante"))
            #expect(privacy.html.contains("eux seuls voient qui l&#39;a proposé") || privacy.html.contains("eux seuls voient qui l'a proposé"))
        }
    }

    @Test(arguments: TestDatabases.available)
    func aProposedNewPlaceBecomesAPlaceOnceValidatedAndTheStructurePageShowsItsPlaces(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup
            let fixture = try await OfferFixture.denainPlace(site.database)
            try await DeclarationTests.accounts(site, fixture)
            try await site.account(Self.participant, [RoleGrant(role: .participant, scope: .territory(.caph))!])
            var participant = try await site.signIn(Self.participant)
            #expect(try await site.get("/proposer-un-lieu?commune=59172", as: &participant).html.contains("value=\"Denain\""))
            // Act: a participant proposes a place without its commune's name, which Maillage fills
            let missing = try await site.post(
                "/proposer-un-lieu", [("nom", ""), ("adresse", "2 place Wilson"), ("code_insee", "59172")], as: &participant)
            #expect(missing.status == 422 && missing.html.contains("Nom du lieu : champ obligatoire"))
            let sent = try await site.post(
                "/proposer-un-lieu",
                [
                    ("nom", "Atelier numérique de la Croix-Rouge"), ("adresse", "2 place Wilson"), ("code_insee", "59172"),
                    ("services", Service.accesInternetMateriel.rawValue), ("telephone", "03 27 44 00 00")
                ] + OfferFixture.week("Sa 09:00-12:00").flatMap { k, v in v.map { (k, $0) } },
                as: &participant)
            #expect(sent.status == 200)
            var coordinator = try await site.signIn(DeclarationTests.coordinator)
            let fields = try #require(try await site.database.declarations.find(id: 1)).fields.map { ("champ", $0.column.rawValue) }
            #expect(try await site.post("/declarations/1/decider", fields + [("decision", "valider")], as: &coordinator).status == 302)
            // Check: a place of its own source, located in Denain, searchable
            let index = try await IndexStore(database: site.database)
            let place = try #require(index.current.entries(in: OfferFixture.denain).first { $0.place.nom == "Atelier numérique de la Croix-Rouge" })
            #expect(place.place.id == "declaration-N1" && place.merged.provenances.first?.source == .declaration)
            #expect(place.place.codePostal == "59220" && place.place.telephone == "+33327440000" && place.schedule?.isOpenOnSaturday == true)
            #expect(
                try await site.get("/recherche?commune=59172&services=Acc%C3%A8s+internet+et+mat%C3%A9riel+informatique", as: &coordinator).html
                    .contains("Atelier numérique de la Croix-Rouge"))
            // The structure of the Denain place: its page, and its member completes it
            var member = try await site.signIn(DeclarationTests.member)
            let structure = try await site.get("/structures/\(fixture.structureID)", as: &member)
            #expect(structure.status == 200 && structure.html.contains("Compléter la fiche de la structure"))
            let completed = try await site.post(
                "/structures/\(fixture.structureID)",
                [
                    ("nom", "Ville de Denain — médiation"), ("type", "mairie"),
                    ("courriel", "mediation@ville-denain.fr"), ("communes", "59172 59153")
                ], as: &member)
            #expect(completed.status == 302)
            let page = try await site.get("/structures/\(fixture.structureID)", as: &participant)
            #expect(
                page.html.contains("Ville de Denain — médiation") && page.html.contains("mediation@ville-denain.fr")
                    && !page.html.contains("Compléter la fiche"))
            #expect(try await site.get("/structures?territoire=200042190", as: &participant).html.contains("Ville de Denain — médiation"))
            #expect(
                try await site.post("/structures/\(fixture.structureID)", [("nom", "Détournée"), ("type", "ccas")], as: &participant).status == 403)
        }
    }
}
