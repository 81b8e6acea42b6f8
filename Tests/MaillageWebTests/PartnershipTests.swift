import Foundation
import HummingbirdTesting
import MaillageCore
import MaillageStorage
import MaillageTestSupport
@testable import MaillageWeb
import Testing

/// Who works with whom on the real structures of CAPH: a structure declares a link, its partner confirms it, the
/// network shows it on the map, in the table, on both structures' pages and in the CSV.
@Suite("Partnerships between structures", .serialized)
struct PartnershipTests {
    /// The Denain fixture's structure and another structure of the territory.
    static func structures(_ site: TestSite) async throws -> (from: Structure, to: Structure) {
        let fixture = try await OfferFixture.denainPlace(site.database)
        let store = try await IndexStore(database: site.database)
        let from = try #require(store.structures[fixture.structureID])
        let to = try #require(store.structures.structures(in: .caph).first { $0.id != from.id && $0.communes.contains(CommuneCode("59491")!) })
        return (from, to)
    }

    @Test(arguments: TestDatabases.available)
    func aStructureDeclaresALinkItsPartnerConfirmsItAndTheNetworkShowsIt(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup: a member of each structure
            let (from, to) = try await Self.structures(site)
            try await site.account("membre@denain.fr", [RoleGrant(role: .membre, scope: .structure(from.id))!])
            try await site.account("membre@raismes.fr", [RoleGrant(role: .membre, scope: .structure(to.id))!])
            var sender = try await site.signIn("membre@denain.fr")
            _ = try await site.get("/partenariats", as: &sender)
            let form = [
                ("territoire", "200042190"), ("de", from.id), ("vers", to.id), ("lien", "oriente_vers"), ("etat", "existant"),
                ("notes", "Les seniors sans équipement pour l'aide aux démarches")
            ]
            // Act: declared, declared again, confirmed by the partner
            let declared = try await site.post("/partenariats", form, as: &sender)
            let again = try await site.post("/partenariats", form, as: &sender)
            let link = try #require(try await site.database.partnerships.all(territory: .caph).first)
            let stranger = try await site.post("/partenariats/\(link.id)/confirmer", [], as: &sender)
            var partner = try await site.signIn("membre@raismes.fr")
            _ = try await site.get("/partenariats", as: &partner)
            let confirmed = try await site.post("/partenariats/\(link.id)/confirmer", [], as: &partner)
            // Check: one link, confirmed by the partner only
            #expect(declared.status == 302 && again.status == 409 && stranger.status == 403 && confirmed.status == 302)
            let stored = try await site.database.partnerships.all(territory: .caph)
            #expect(stored.count == 1 && stored[0].confirmed && stored[0].state == .existant && stored[0].kind == .orienteVers)
            var visitor = Browser()
            let network = try await site.get("/partenariats", as: &visitor)
            #expect(network.html.contains("<line class=\"link link-oriente_vers\""))
            #expect(
                network.html.contains("<td data-label=\"Lien\">oriente vers</td>")
                    && network.html.contains("<td data-label=\"Confirmation\">confirmé</td>"))
            #expect(network.html.contains("1 orientation déclarée d&#39;une structure vers une autre, dont 0 dans les deux sens."))
            let fromPage = try await site.get("/structures/\(from.id)", as: &visitor)
            #expect(fromPage.html.contains("Oriente vers <a href=\"/structures/\(to.id)\">"))
            let toPage = try await site.get("/structures/\(to.id)", as: &visitor)
            #expect(toPage.html.contains("Oriente vers (déclaré par le partenaire) : <a href=\"/structures/\(from.id)\">"))
            let csv = try await site.client.execute(uri: "/partenariats.csv?territoire=200042190", method: .get) { String(buffer: $0.body) }
            #expect(csv.contains("\"\(from.id)\";\"\(from.name)\";\"oriente_vers\";\"\(to.id)\""))
            // The JSON API says the same, as its OpenAPI document describes it
            let api = try await APITests().json(site.client, "/api/v1/partenariats?territoire=200042190", schemaPath: "/partenariats")
            let liens = try #require(api["liens"] as? [[String: Any]])
            #expect(liens.count == 1 && liens[0]["lien"] as? String == "oriente_vers" && liens[0]["confirme"] as? Bool == true)
            #expect(api["orientations"] as? Int == 1 && api["orientations_reciproques"] as? Int == 0)
            // The trail records it
            let events = try await site.database.audit.events(.init()).map(\.action)
            #expect(events.contains("partenariat déclaré") && events.contains("partenariat confirmé"))
        }
    }

    @Test(arguments: [
        ("vers", "inconnue", "Seconde structure : une structure de l&#39;annuaire"),
        ("notes", String(repeating: "n", count: 1_001), "Notes : au plus 1 000 caractères"),
        ("rencontre", "999", "Rencontre : une rencontre du territoire"),
        ("lien", "amitie", "« lien » attend")
    ])
    func aHostilePartnershipIsRefusedWithItsFieldAndChangesNothing(field: String, value: String, says: String) async throws {
        try await TestSite.with { site in
            // Setup
            let (from, to) = try await Self.structures(site)
            try await site.account("coordination@caph.fr", [RoleGrant(role: .coordinateur, scope: .territory(.caph))!])
            var browser = try await site.signIn("coordination@caph.fr")
            _ = try await site.get("/partenariats", as: &browser)
            var fields = ["territoire": "200042190", "de": from.id, "vers": to.id, "lien": "convention", "notes": "<script>alert(1)</script>"]
            fields[field] = value
            // Act
            let result = try await site.post("/partenariats", fields.sorted { $0.key < $1.key }, as: &browser)
            // Check
            #expect([400, 422].contains(result.status))
            #expect(result.html.contains(says))
            #expect(!result.html.contains("<script>alert(1)</script>"))
            #expect(try await site.database.partnerships.all(territory: .caph).isEmpty)
        }
    }

    @Test func theSuggestionsForRaismesNameStructuresThatOfferWhatItsOwnLackAndOneBecomesALink() async throws {
        try await TestSite.with { site in
            // Setup: the coordinator reads the suggestions for Raismes
            try await site.account("coordination@caph.fr", [RoleGrant(role: .coordinateur, scope: .territory(.caph))!])
            var coordinator = try await site.signIn("coordination@caph.fr")
            let page = try await site.get("/partenariats?commune=59491", as: &coordinator)
            // Check: checked by hand — the CCAS of Raismes (Grand Place, 50.4117 N 3.4886 E) offers only help with
            // administrative procedures; France services Wallers Arenberg (69 rue Michel Rondet, 50.382622 N 3.429365 E)
            // offers three services more, 5.30 km away as the crow flies: ×1.3 detours, 20 km/h and 15 min of waiting by bus.
            #expect(
                page.html.contains(
                    "CCAS de Raismes n&#39;offre pas Maîtrise des outils numériques du quotidien, Compréhension du monde numérique et Accès internet et matériel informatique ; France services Wallers Arenberg les offre à 5,3 km (36 min en bus, 92 min à pied)."
                ))
            // Pop School (Anzin, « POP SCHOOL » in its source, in the neighbouring Valenciennes Métropole) offers five services the CCAS does not, 4.6 km away
            #expect(page.html.contains("France services Wallers Arenberg les offre"))
            #expect(page.html.contains("Pop School les offre à 4,6 km"))
            // The same suggestions in the API, the permanence a rupture asks for first (Karima's and Lucas's journeys)
            let api = try await APITests().json(
                site.client, "/api/v1/partenariats/suggestions?commune=59491", schemaPath: "/partenariats/suggestions")
            let listed = try #require(api["suggestions"] as? [[String: Any]])
            #expect(listed.first?["origines"] as? [String] == ["rupture"] && listed.first?["lien"] as? String == "co_animation")
            #expect(listed.first?["distance_m"] as? Int == 10_533 && listed.first?["minutes_bus"] as? Int == 56)
            #expect(listed.contains { $0["partenaire"] as? String == "lieu-france-services-2228" && $0["minutes_bus"] as? Int == 36 })
            for (bad, expected) in [("", 400), ("59491x", 400), ("75056", 404), ("00000", 404)] {
                let status = try await site.client.execute(uri: "/api/v1/partenariats/suggestions?commune=\(bad)", method: .get) {
                    Int($0.status.code)
                }
                #expect(status == expected, "commune=\(bad)")
            }
            // Act: the coordinator keeps one as an « envisagé » link
            let ccas = try #require(
                page.html.firstMatch(of: /name="de" value="(siren-265904912)"><input type="hidden" name="vers" value="(lieu-france-services-2228)"/))
            let kept = try await site.post(
                "/partenariats",
                [
                    ("territoire", "200042190"), ("de", String(ccas.1)), ("vers", String(ccas.2)), ("lien", "oriente_vers"),
                    ("etat", "envisage"), ("notes", "Suggestion retenue")
                ], as: &coordinator)
            let after = try await site.get("/partenariats?commune=59491", as: &coordinator)
            // The commune's view names who serves it and the link that now crosses its boundary
            #expect(after.html.contains("<h3>Qui sert Raismes</h3>") && after.html.contains(">CCAS de Raismes</a> — 1 lien</li>"))
            #expect(after.html.contains("<li>CCAS de Raismes — oriente vers — France services Wallers Arenberg (envisagé)</li>"))
            // Check: the link exists and the suggestion is gone
            #expect(kept.status == 302)
            #expect(
                try await site.database.partnerships.all(territory: .caph).map { "\($0.from)>\($0.to):\($0.state.rawValue)" } == [
                    "siren-265904912>lieu-france-services-2228:envisage"
                ])
            #expect(
                !after.html.contains(
                    "CCAS de Raismes n&#39;offre pas Maîtrise des outils numériques du quotidien, Compréhension du monde numérique et Accès internet et matériel informatique ; France services Wallers Arenberg"
                ))
        }
    }

    @Test func aPlaceWhoseIdentifierHoldsASlashIsServedAtItsLink() async throws {
        try await TestSite.with { site in
            // Setup: a data·inclusion place of the pack, `dora/…`
            let store = try await IndexStore(database: site.database)
            let entry = try #require(store.current.entries.first { $0.place.id.contains("/") })
            var visitor = Browser()
            // Act
            let page = try await site.get(SiteURL.place(.value(entry.place.id)).path, as: &visitor)
            let api = try await site.get(SiteURL.api(.place(.value(entry.place.id))).path, as: &visitor)
            // Check
            #expect(page.status == 200 && page.html.contains(HTMLEscaping.escape(entry.place.nom.displayCased)))
            #expect(api.status == 200)
        }
    }

    @Test func aPartnershipCardOfTheWorkshopOpensTheFormFilledForTheAnimateur() async throws {
        try await TestSite.with { site in
            // Setup: an open workshop with a partnership card naming a structure of the directory
            var animateur = try await MeetingCycleTests.animateur(site)
            let (from, _) = try await Self.structures(site)
            let (_, meetings) = try await MeetingCycleTests.cycle(site, &animateur, meetings: ["2023-02-02T09:30"])
            _ = try await MeetingCycleTests.open(site, &animateur, meeting: meetings[0])
            let place = try #require(from.placeIDs.first)
            _ = try await site.get("/rencontres/\(meetings[0])/atelier", as: &animateur)
            _ = try await site.post(
                "/rencontres/\(meetings[0])/atelier",
                [
                    ("table", "59172"), ("type", "partenariat"), ("texte", "Permanences communes"),
                    ("lieu", place), ("cle", "partenariat-0001")
                ], as: &animateur)
            // Act
            let board = try await site.get("/rencontres/\(meetings[0])/atelier", as: &animateur)
            let link = try #require(board.html.firstMatch(of: /href="(\/partenariats\?[^"]+)">Inscrire au réseau des partenariats/)?.1)
            let form = try await site.get(String(link).replacingOccurrences(of: "&amp;", with: "&"), as: &animateur)
            // Check: the form names the card's structure, its text and the meeting
            #expect(form.html.contains("<option value=\"\(from.id)\" selected>"))
            #expect(form.html.contains(">Permanences communes</textarea>"))
            #expect(form.html.contains("name=\"rencontre\" value=\"\(meetings[0])\""))
        }
    }
}
