import Foundation
import MaillageCore
import MaillageImport
import MaillageSources
import MaillageStorage
import MaillageTestSupport
@testable import MaillageWeb
import Testing

/// A structure declares its offer, a coordinator validates it field by field, and what is validated reaches the
/// journeys and the diagnostic, survives a re-import of the national files and is sent back upstream.
@Suite("Structures declare their offer, coordinators validate", .serialized)
struct DeclarationTests {
    static let declaredWeek = "Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00"
    static let member = "membre@denain.fr"
    static let coordinator = "coordinatrice@caph.fr"

    /// The member's declaration of the scenario: Saturday mornings, administrative help, support in foreign languages.
    static func scenarioForm(_ place: Place) -> [(String, String)] {
        var services = place.services.map(\.rawValue)
        if !place.services.contains(.aideDemarchesAdministratives) { services.append(Service.aideDemarchesAdministratives.rawValue) }
        return OfferFixture.form(
            of: place,
            changes: OfferFixture.week(declaredWeek).merging([
                "services": services, "prise_en_charge_specifique": [SpecificSupport.languesEtrangeresAutres.rawValue],
                "frais_a_charge": [Fee.gratuit.rawValue], "modalites_acces": [AccessMode.sePresenter.rawValue]
            ]) { $1 })
    }

    static func accounts(_ site: TestSite, _ fixture: OfferFixture) async throws {
        try await site.account(member, [RoleGrant(role: .membre, scope: .structure(fixture.structureID))!])
        try await site.account(coordinator, [RoleGrant(role: .coordinateur, scope: .territory(.caph))!])
    }

    /// The step of a persona's journey for a service, in an index.
    static func step(_ personaID: String, _ service: Service, _ index: PlaceIndex) -> Journey.Step? {
        Journey.compute(for: Persona.defaultLibrary.first { $0.id == personaID }!, index: index)?.steps.first { $0.need.service == service }
    }

    /// Denain's coverage for one need in the CAPH diagnostic.
    static func coverage(_ need: Need, _ index: PlaceIndex) -> CoverageClass {
        Diagnostic.compute(perimeter: .epci(index.territory.epcis[.caph]!), index: index, needs: [need]).rows
            .first { $0.commune.code == OfferFixture.denain }!.cells[0].coverage
    }

    @Test(arguments: TestDatabases.available)
    func aDenainDeclarationOnceValidatedReachesJourneysAndDiagnosticAndSurvivesAReimport(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup: a real Denain place, a member of its structure, a coordinator; journeys and diagnostic as they are
            let fixture = try await OfferFixture.denainPlace(site.database)
            try await Self.accounts(site, fixture)
            let before = try await IndexStore(database: site.database).current
            let languages = Need.specificSupport(.languesEtrangeresAutres)
            #expect(Self.coverage(languages, before) != .inCommune)
            let karimaBefore = Self.step("karima", .aideDemarchesAdministratives, before)
            let amadouBefore = Self.step("amadou", .aideDemarchesAdministratives, before)
            #expect(karimaBefore?.visit?.entry.place.id != fixture.place.id && amadouBefore?.visit?.entry.place.id != fixture.place.id)
            #expect(amadouBefore?.blocker != nil || amadouBefore?.visit?.isOutsideTerritory == true)

            // Act 1: the member declares; nothing changes before validation
            var member = try await site.signIn(Self.member)
            let form = try await site.get(fixture.declareURI, as: &member)
            #expect(form.status == 200 && form.html.contains("name=\"h-5-1-debut\"") && form.html.contains("Langues étrangères (autres)"))
            let preview = try await site.post(fixture.declareURI, Self.scenarioForm(fixture.place) + [("etape", "apercu")], as: &member)
            #expect(preview.status == 200 && preview.html.contains(Self.declaredWeek) && preview.html.contains("9 h – 12 h"))
            #expect(try await site.database.declarations.list(.init()).isEmpty)
            let sent = try await site.post(fixture.declareURI, Self.scenarioForm(fixture.place) + [("etape", "envoyer")], as: &member)
            #expect(sent.status == 200 && sent.html.contains("Déclaration n° 1 envoyée"))
            let stored = try #require(try await site.database.declarations.find(id: 1))
            #expect(Set(stored.fields.map(\.column)).isSuperset(of: [.horaires, .services, .priseEnChargeSpecifique]))
            #expect(try await IndexStore(database: site.database).current.entry(id: fixture.place.id)?.place.horaires == fixture.place.horaires)

            // Act 2: the coordinator compares and validates field by field
            var coordinator = try await site.signIn(Self.coordinator)
            #expect(
                try await site.get("/declarations", as: &coordinator).html.contains(fixture.place.nom.replacingOccurrences(of: "'", with: "&#39;")))
            let page = try await site.get("/declarations/1", as: &coordinator)
            #expect(page.status == 200 && page.html.contains("Fiche actuelle") && page.html.contains("value=\"horaires\""))
            let accepted = stored.fields.map { ("champ", $0.column.rawValue) }
            let decided = try await site.post("/declarations/1/decider", accepted + [("decision", "valider")], as: &coordinator)
            #expect(decided.status == 302)

            // Check: the place, the journeys and the diagnostic, as another instance reads them
            let after = try await IndexStore(database: site.database).current
            let place = try #require(after.entry(id: fixture.place.id)?.place)
            #expect(place.horaires == Self.declaredWeek && place.services.contains(.aideDemarchesAdministratives))
            #expect(place.priseEnChargeSpecifique == [.languesEtrangeresAutres])
            #expect(Self.step("karima", .aideDemarchesAdministratives, after)?.visit?.isOutsideTerritory == false)
            let amadou = try #require(Self.step("amadou", .aideDemarchesAdministratives, after))
            #expect(amadou.blocker == nil && amadou.visit?.entry.place.id == fixture.place.id)
            #expect(Self.coverage(languages, after) == .inCommune && Self.coverage(.openOnSaturday, after) == .inCommune)
            let shown = try await site.get("/lieux/\(fixture.place.id)", as: &coordinator)
            #expect(shown.html.contains("Déclaré par la structure") && shown.html.contains("Samedi"))
            #expect(try await site.database.audit.events(.init()).contains { $0.action == "déclaration validée" && $0.objectID == "1" })
            let account = try await site.get("/compte", as: &member)
            #expect(account.html.contains("Mes structures") && account.html.contains("/structures/\(fixture.structureID)"))
            #expect(account.html.contains("N° 1") && account.html.contains("Validé"))

            // Act 3: the national files are imported again, one of them now saying other hours
            let importer = Importer(database: site.database)
            var records = try TestData.loadPack().records
            let index = try #require(records.firstIndex { $0.provenance.key == fixture.anchor })
            records[index].place.horaires = "Mo-Fr 08:00-18:00"
            records[index].provenance.dateMaj = CalendarDay(year: 2026, month: 11, day: 30)!
            records[index].place.dateMaj = records[index].provenance.dateMaj
            _ = try await importer.importRecords(records)

            // Check: the validated field stays as declared, and the disagreement is listed for a decision
            let reimported = try await IndexStore(database: site.database).current
            #expect(reimported.entry(id: fixture.place.id)?.place.horaires == Self.declaredWeek)
            let disagreements = try await site.get("/territoires/200042190/desaccords", as: &coordinator)
            #expect(disagreements.html.contains("Mo-Fr 08:00-18:00") && disagreements.html.contains(Self.declaredWeek))
            let kept = try await site.post(
                "/territoires/200042190/desaccords", [("ancre", fixture.anchor), ("colonne", "horaires"), ("choix", "garder")],
                as: &coordinator)
            #expect(kept.status == 302)
            #expect(!(try await site.get("/territoires/200042190/desaccords", as: &coordinator).html.contains("Mo-Fr 08:00-18:00")))
            #expect(try await IndexStore(database: site.database).current.entry(id: fixture.place.id)?.place.horaires == Self.declaredWeek)

            // And the corrections report names the field, the national value and the declared one
            let corrections = try await site.get("/territoires/200042190/corrections.csv", as: &coordinator)
            #expect(corrections.html.contains("\"horaires\"") && corrections.html.contains(Self.declaredWeek))
        }
    }

    @Test(arguments: TestDatabases.available)
    func twoDeclarationsSentAtOnceOnOnePlaceAreBothKeptAndTheSecondShowsWhatChanged(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup: two members of the structure
            let fixture = try await OfferFixture.denainPlace(site.database)
            try await Self.accounts(site, fixture)
            try await site.account("second@denain.fr", [RoleGrant(role: .membre, scope: .structure(fixture.structureID))!])
            var first = try await site.signIn(Self.member), second = try await site.signIn("second@denain.fr")
            _ = try await site.get(fixture.declareURI, as: &first)
            _ = try await site.get(fixture.declareURI, as: &second)
            // Act: both send at once
            let firstForm = OfferFixture.form(of: fixture.place, changes: ["telephone": ["03 27 11 11 11"]])
            let secondForm = OfferFixture.form(
                of: fixture.place, changes: ["telephone": ["03 27 22 22 22"], "presentation_resume": ["Accueil le samedi"]])
            let (a, b) = (first, second)
            async let sentFirst = Self.send(site, fixture.declareURI, firstForm, a)
            async let sentSecond = Self.send(site, fixture.declareURI, secondForm, b)
            #expect(try await [sentFirst, sentSecond] == [200, 200])
            // Check: both kept; validating one then the other shows the change in between, the later one wins
            let declarations = try await site.database.declarations.list(.init())
            #expect(declarations.count == 2)
            var coordinator = try await site.signIn(Self.coordinator)
            let phoneFirst = try #require(declarations.first { $0.fields.contains { $0.proposed == "+33327111111" } })
            let phoneSecond = try #require(declarations.first { $0.id != phoneFirst.id })
            #expect(
                try await site.post("/declarations/\(phoneFirst.id)/decider", [("champ", "telephone"), ("decision", "valider")], as: &coordinator)
                    .status == 302)
            let page = try await site.get("/declarations/\(phoneSecond.id)", as: &coordinator)
            #expect(page.html.contains("La fiche a changé depuis la proposition") && page.html.contains("+33327111111"))
            #expect(
                try await site.post(
                    "/declarations/\(phoneSecond.id)/decider", [("champ", "telephone"), ("champ", "presentation_resume"), ("decision", "valider")],
                    as: &coordinator
                ).status == 302)
            let place = try #require(try await IndexStore(database: site.database).current.entry(id: fixture.place.id)?.place)
            #expect(place.telephone == "+33327222222" && place.presentationResume == "Accueil le samedi")
            let again = try await site.post(
                "/declarations/\(phoneSecond.id)/decider", [("decision", "refuser"), ("motif", "déjà fait")], as: &coordinator)
            #expect(again.status == 409)
            #expect(try await site.database.audit.events(.init()).filter { $0.action == "déclaration validée" }.count == 2)
        }
    }

    /// The « À corriger » block of a form page (the form itself names every field).
    static func errors(_ html: String) -> String {
        guard let start = html.range(of: "<div class=\"errors\" role=\"alert\">"),
            let end = html.range(of: "</div>", range: start.upperBound..<html.endIndex)
        else { return "" }
        return String(html[start.upperBound..<end.lowerBound])
    }

    static func send(_ site: TestSite, _ uri: String, _ fields: [(String, String)], _ browser: Browser) async throws -> Int {
        var browser = browser
        return try await site.post(uri, fields, as: &browser).status
    }

    @Test(arguments: TestDatabases.available)
    func hostileInputInEveryFieldIsRefusedWithItsReasonOrKeptInertAndEscaped(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup
            let fixture = try await OfferFixture.denainPlace(site.database)
            try await Self.accounts(site, fixture)
            var member = try await site.signIn(Self.member)
            _ = try await site.get(fixture.declareURI, as: &member)
            // Act: every kind of bad value at once
            let hostile = OfferFixture.form(
                of: fixture.place,
                changes: [
                    "telephone": ["12"], "site_web": ["javascript:alert(1)"], "courriels": ["pas une adresse"],
                    "presentation_resume": [String(repeating: "a", count: 281)], "presentation_detail": [String(repeating: "b", count: 5_001)],
                    "latitude": ["91"], "longitude": ["3.4"], "pivot": ["<script>"], "services": ["Piratage"],
                    "h-0-1-debut": ["18:00"], "h-0-1-fin": ["09:00"], "fermeture-1-du": ["32/13"], "fermeture-1-au": ["01/01"]
                ])
            let refused = try await site.post(fixture.declareURI, hostile, as: &member)
            // Check: refused with the reason of each field, nothing stored
            #expect(refused.status == 422)
            for label in [
                "Téléphone", "Sites web", "Courriels", "Présentation détaillée", "Latitude", "SIRET ou RNA", "Services", "lundi plage 1",
                "Fermeture annuelle 1"
            ] {
                #expect(Self.errors(refused.html).contains(label), "\(label)")
            }
            #expect(try await site.database.declarations.list(.init()).isEmpty)
            // Act: markup and a formula are valid text: kept as written, shown escaped, exported inert
            let markup = "<img src=x onerror=alert(1)> Médiathèque"
            let sent = try await site.post(
                fixture.declareURI,
                OfferFixture.form(of: fixture.place, changes: ["nom": [markup], "presentation_resume": ["=HYPERLINK(\"http://x\")"]]),
                as: &member)
            #expect(sent.status == 200)
            var coordinator = try await site.signIn(Self.coordinator)
            let page = try await site.get("/declarations/1", as: &coordinator)
            #expect(!page.html.contains("<img src=x") && page.html.contains("&lt;img src=x onerror=alert(1)&gt;"))
            #expect(
                try await site.post(
                    "/declarations/1/decider", [("champ", "nom"), ("champ", "presentation_resume"), ("decision", "valider")], as: &coordinator
                ).status == 302)
            let corrections = try await site.get("/territoires/200042190/corrections.csv", as: &coordinator)
            #expect(corrections.html.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
            #expect(!(try await site.get("/lieux/\(fixture.place.id)", as: &coordinator).html.contains("<img src=x")))
        }
    }

    @Test func everyFieldRefusesWhatItCannotHoldAndNamesItselfAndNothingIsStored() async throws {
        try await TestSite.with { site in
            // Setup
            let fixture = try await OfferFixture.denainPlace(site.database)
            try await Self.accounts(site, fixture)
            var member = try await site.signIn(Self.member)
            _ = try await site.get(fixture.declareURI, as: &member)
            // Act and check: one field at a time, too long or outside its vocabulary
            for (column, limit) in PlaceForm.textColumns where PlaceForm.correctionColumns.contains(column) {
                let result = try await site.post(
                    fixture.declareURI, OfferFixture.form(of: fixture.place, changes: [column.rawValue: [String(repeating: "9", count: limit + 1)]]),
                    as: &member)
                #expect(
                    result.status == 422 && Self.errors(result.html).contains(column.label.replacingOccurrences(of: "'", with: "&#39;")), "\(column)")
            }
            for column in PlaceForm.vocabularyColumns {
                let result = try await site.post(
                    fixture.declareURI, OfferFixture.form(of: fixture.place, changes: [column.rawValue: ["<script>x</script>"]]), as: &member)
                let errors = Self.errors(result.html)
                #expect(
                    result.status == 422 && errors.contains(column.label.replacingOccurrences(of: "'", with: "&#39;"))
                        && errors.contains("&lt;script&gt;x&lt;/script&gt;")
                        && !result.html.contains("<script>x"), "\(column)")
            }
            #expect(try await site.database.declarations.list(.init()).isEmpty)
        }
    }

    @Test(arguments: TestDatabases.available)
    func aMemberCannotDeclareForAnotherStructureAndThePublicCanOnlyReport(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup: a member of another structure; a visitor without an account
            let fixture = try await OfferFixture.denainPlace(site.database)
            let store = try await IndexStore(database: site.database)
            let other = try #require(store.structures.structures(in: .caph).first { $0.id != fixture.structureID })
            try await site.account("autre@caph.fr", [RoleGrant(role: .membre, scope: .structure(other.id))!])
            var stranger = try await site.signIn("autre@caph.fr")
            var visitor = Browser()
            _ = try await site.get("/lieux/\(fixture.place.id)/signaler", as: &visitor)
            // Act and check: the other structure's member is refused, nothing stored
            #expect(try await site.get(fixture.declareURI, as: &stranger).status == 403)
            #expect(
                try await site.post(
                    fixture.declareURI, OfferFixture.form(of: fixture.place, changes: ["telephone": ["03 27 00 00 00"]]), as: &stranger
                ).status == 403)
            #expect(try await site.get(fixture.declareURI, as: &visitor).status == 302)
            #expect(try await site.database.declarations.list(.init()).isEmpty)
            // The public reports: stored without an account, a robot's trap dropped, the rate limited
            let report = try await site.post(
                "/lieux/\(fixture.place.id)/signaler", [("categorie", "ferme"), ("message", "Fermé depuis septembre")], as: &visitor)
            #expect(report.status == 200)
            let trap = try await site.post(
                "/lieux/\(fixture.place.id)/signaler", [("categorie", "horaires"), ("site_internet", "http://spam")], as: &visitor)
            #expect(trap.status == 200)
            let stored = try await site.database.declarations.list(.init())
            #expect(stored.count == 1 && stored[0].author.accountID == nil && stored[0].category == .fermeDefinitivement)
            for _ in 0..<4 { _ = try await site.post("/lieux/\(fixture.place.id)/signaler", [("categorie", "horaires")], as: &visitor) }
            #expect(try await site.post("/lieux/\(fixture.place.id)/signaler", [("categorie", "horaires")], as: &visitor).status == 429)
            #expect(try await site.database.declarations.list(.init()).count == 5)
            // A coordinator validates the closure: the place leaves the map
            try await site.account(Self.coordinator, [RoleGrant(role: .coordinateur, scope: .territory(.caph))!])
            var coordinator = try await site.signIn(Self.coordinator)
            #expect(try await site.post("/declarations/1/decider", [("decision", "valider")], as: &coordinator).status == 302)
            #expect(try await IndexStore(database: site.database).current.entry(id: fixture.place.id) == nil)
        }
    }
}
