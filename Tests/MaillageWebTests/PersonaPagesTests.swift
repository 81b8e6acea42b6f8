import Foundation
import HTTPTypes
import HummingbirdTesting
import MaillageCore
import MaillageTestSupport
import NIOCore
import Testing

@Suite("Personas, journeys and the workshop matrix: pages and API", .serialized)
struct PersonaPagesTests {
    static func form(name: String, description: String = "Persona de test", commune: String = "59172") -> [(String, String)] {
        [
            ("prenom", name), ("description", description), ("age", "60-74"), ("situation", "retraite-seul"), ("commune", commune),
            ("equipement", "aucun"), ("autonomie", "aucune"), ("mobilite", "bus"), ("minutes", "45"), ("dispo", "mo-matin"), ("dispo", "tu-matin"),
            ("gratuit", "1"), ("tache1", "déclarer ses revenus"), ("service1", "Aide aux démarches administratives")
        ]
    }

    @Test func theListShowsEveryDefaultPersonaWithItsOutcome() async throws {
        try await withApp { client in
            let (status, html) = try await page(client, "/personas")
            #expect(status == 200)
            #expect(html.matches(of: /<li class="persona-card">/).count == 9)
            #expect(html.contains("<a href=\"/personas/karima\">Karima</a>"))
            #expect(html.contains("Voir le parcours"))
        }
    }

    @Test func aJourneyPageShowsStepsTimelineMapAndWhatIfs() async throws {
        try await withApp { client in
            let (status, html) = try await page(client, "/personas/karima/parcours")
            #expect(status == 200)
            #expect(html.contains("<h1>Parcours de Karima à Denain</h1>"))
            // The timeline twice, across for wide screens and down for phones, each with its own ids.
            #expect(html.contains("<title id=\"tl-across-title\">Parcours de Karima</title>"))
            #expect(html.contains("<title id=\"tl-down-title\">Parcours de Karima</title>"))
            let down = try #require(html.firstMatch(of: /<svg[^>]*class="timeline timeline-down">.*?<\/svg>/)?.0)
            let stops = down.matches(of: /<circle cx="(\d+)" cy="(\d+)"/).map { (Int($0.1)!, Int($0.2)!) }
            let across = try #require(html.firstMatch(of: /<svg[^>]*class="timeline timeline-across">.*?<\/svg>/)?.0)
            #expect(stops.count >= 2 && stops.count == across.matches(of: /<circle\s/).count)
            #expect(stops.allSatisfy { $0.0 == 30 } && stops.map(\.1) == stops.map(\.1).sorted())
            #expect(html.contains("<title id=\"map-title\">Trajets de Karima</title>"))
            #expect(html.contains("Aucun lieu ne propose « Parentalité et éducation avec le numérique » à moins de 60 km."))
            #expect(html.contains("<span class=\"flag\">rupture</span>"))
            #expect(html.contains("href=\"/diagnostic/communes/59172\""))
            #expect(html.contains("/personas/karima/parcours?commune=59172&amp;si=soiree"))
            let (_, changed) = try await page(client, "/personas/amadou/parcours?si=accompagnant")
            #expect(changed.contains("Et si Amadou avait un·e interprète ou un proche qui l&#39;accompagne ?"))
            #expect(changed.contains("Sans ce changement : réponse inconnue : une prise en charge qu&#39;aucun lieu ne déclare"))
        }
    }

    @Test func theMatrixCrossesPersonasAndCommunesAndDownloads() async throws {
        try await withApp { client in
            let (status, html) = try await page(client, "/atelier")
            #expect(status == 200)
            #expect(html.contains("<th scope=\"col\">Saint-Amand-les-Eaux</th><th scope=\"col\">Denain</th><th scope=\"col\">Raismes</th>"))
            #expect(html.matches(of: /<td class="cov outcome-/).count == 27)
            #expect(html.contains("Causes des ruptures : "))
            // Amadou's journeys are unknown, not broken: the cell names the support no place declares.
            #expect(html.contains("— aucun lieu ne déclare de prise en charge « Langues étrangères"))
            try await client.execute(uri: "/atelier.csv?communes=59491", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.hasPrefix("\u{FEFF}\"persona\";\"commune_code_insee\""))
                #expect(text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 10)
            }
        }
    }

    @Test func theMatrixAndTheDiagnosticTakeCommunesByTheirNames() async throws {
        try await withApp { client in
            // Names as people write them; the form shows names back, the exports take codes.
            let (status, matrix) = try await page(client, "/atelier?communes=\(q("Denain, st amand les eaux, Raimes"))")
            #expect(status == 200)
            #expect(matrix.contains("<th scope=\"col\">Denain</th><th scope=\"col\">Saint-Amand-les-Eaux</th><th scope=\"col\">Raismes</th>"))
            #expect(matrix.contains("value=\"Denain, Saint-Amand-les-Eaux, Raismes\""))
            let (ambiguousStatus, ambiguous) = try await page(client, "/atelier?communes=\(q("Saint-Amand"))")
            #expect(ambiguousStatus == 400 && ambiguous.contains("« Saint-Amand » : plusieurs communes ("))
            let (_, diagnostic) = try await page(client, "/diagnostic?communes=\(q("Denain, Raismes"))")
            #expect(diagnostic.contains("/api/v1/diagnostic.csv?communes=59172%2C59491"))
            // The API keeps to the codes its document describes.
            let api = try await client.execute(uri: "/api/v1/atelier?communes=Denain", method: .get) { $0.status }
            #expect(api == .badRequest)
        }
    }

    @Test func aPersonaIsCreatedEditedDuplicatedAndDeletedAndAConflictOverwritesNothing() async throws {
        try await TestSite.with { site in
            try await site.account("animatrice@caph.fr", [RoleGrant(role: .animateur, scope: .territory(.caph))!])
            var browser = try await site.signIn("animatrice@caph.fr")
            let client = site.client
            // Create
            let created = try await site.post("/personas", Self.form(name: "Gisèle"), as: &browser)
            #expect(created.status == 302)
            #expect(created.location == "/personas/gisele")
            let (_, shown) = try await page(client, "/personas/gisele")
            #expect(shown.contains("<h1>Gisèle</h1>") && shown.contains("habite Denain"))

            // Edit at version 1, then a stale edit at version 1 again is refused
            let edited = try await site.post(
                "/personas/gisele/modifier", [("version", "1")] + Self.form(name: "Gisèle", commune: "59491"), as: &browser)
            #expect(edited.status == 302)
            let stale = try await site.post(
                "/personas/gisele/modifier", [("version", "1")] + Self.form(name: "Gisèle", commune: "59526"), as: &browser)
            #expect(stale.status == 409)
            let (_, afterConflict) = try await page(client, "/personas/gisele")
            #expect(afterConflict.contains("habite Raismes"))

            // Duplicate, then delete the copy with its version
            let copy = try await site.post("/personas/gisele/dupliquer", [], as: &browser)
            #expect(copy.status == 302)
            #expect(copy.location == "/personas/gisele-copie/modifier")
            #expect(try await site.post("/personas/gisele-copie/supprimer", [("version", "2")], as: &browser).status == 409)
            #expect(try await site.post("/personas/gisele-copie/supprimer", [("version", "1")], as: &browser).status == 302)
            #expect(try await page(client, "/personas/gisele-copie").status == 404)
        }
    }

    @Test(arguments: PagesTests.hostile)
    func hostileTextInThePersonaFormIsEscapedOrRefused(text: String) async throws {
        try await TestSite.with { site in
            try await site.account("animatrice@caph.fr", [RoleGrant(role: .animateur, scope: .territory(.caph))!])
            var browser = try await site.signIn("animatrice@caph.fr")
            let client = site.client
            let result = try await site.post("/personas", Self.form(name: String(text.prefix(60)), description: text), as: &browser)
            #expect(!result.html.contains("<script>alert"))
            if text.count > 1_000 {
                #expect(result.status == 400)
            } else {
                #expect(result.status == 302)
                let (_, html) = try await page(client, result.location ?? "/")
                #expect(!html.contains("<script>alert"))
                // Bidirectional controls are dropped on the way in.
                #expect(html.contains(text.contains("<script>") ? "&lt;script&gt;" : String(text.withoutBidiControls.prefix(20))))
            }
        }
    }

    @Test func anInvalidPersonaComesBackWithWhatToFix() async throws {
        try await TestSite.with { site in
            try await site.account("animatrice@caph.fr", [RoleGrant(role: .animateur, scope: .territory(.caph))!])
            var browser = try await site.signIn("animatrice@caph.fr")
            let before = try await site.database.personas.all().map(\.persona.id)
            let result = try await site.post("/personas", Self.form(name: "", commune: "99999"), as: &browser)
            #expect(result.status == 422)
            #expect(result.html.contains("Prénom : il faut un prénom de 1 à 60 caractères"))
            #expect(result.html.contains("Commune : il faut une commune connue (son nom ou son code INSEE)"))
            #expect(!result.html.contains("prenom :"))
            #expect(try await site.database.personas.all().map(\.persona.id) == before)
        }
    }

    @Test(arguments: [
        "/personas/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/personas/" + String(repeating: "x", count: 10_000),
        "/personas/%E2%80%AE%D8%AA%D8%B3%D8%AA/parcours"
    ])
    func unknownPersonasAre404WithoutEcho(uri: String) async throws {
        try await withApp { client in
            let (status, html) = try await page(client, uri)
            #expect(status == 404)
            #expect(!html.contains("<script>alert"))
        }
    }

    @Test(arguments: [
        "/personas/karima/parcours?commune=%3Cscript%3Ealert(1)", "/personas/karima/parcours?si=%3Cscript%3Ealert(1)",
        "/atelier?communes=" + String(repeating: "59172,", count: 200), "/atelier?communes=%E2%80%AE59172x"
    ])
    func badJourneyAndMatrixParametersAre400(uri: String) async throws {
        try await withApp { client in
            let (status, html) = try await page(client, uri)
            #expect(status == 400)
            #expect(!html.contains("<script>alert"))
        }
    }

    @Test func theAPIServesPersonasJourneysAndTheMatrixAsDocumented() async throws {
        try await withApp { client in
            let api = APITests()
            let personas = try await client.execute(uri: "/api/v1/personas", method: .get) {
                try JSONSerialization.jsonObject(with: Data(buffer: $0.body)) as? [Any]
            }
            #expect(personas?.count == 9)
            let karima = try await api.json(client, "/api/v1/personas/karima", schemaPath: "/personas/{id}")
            #expect(karima["version"] as? Int == 1)
            let journey = try await api.json(client, "/api/v1/personas/marcel/parcours?si=voiture", schemaPath: "/personas/{id}/parcours")
            #expect(journey["what_if"] as? String == "voiture")
            #expect((journey["steps"] as? [Any])?.count == 2)
            let matrix = try await api.json(client, "/api/v1/atelier", schemaPath: "/atelier")
            #expect((matrix["columns"] as? [Any])?.count == 3)
            try await client.execute(uri: "/api/v1/personas/nobody", method: .get) { #expect($0.status == .notFound) }
        }
    }
}
