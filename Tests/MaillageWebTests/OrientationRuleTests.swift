import Foundation
import MaillageCore
import MaillageStorage
import MaillageTestSupport
@testable import MaillageWeb
import Testing

/// The network's orientation rules « selon les situations », on CAPH's real structures.
@Suite("Orientation rules", .serialized)
struct OrientationRuleTests {
    static let ameli = "/orienter/resultats?besoin=Aide+aux+d%C3%A9marches+administratives&ou=Denain"

    @Test(arguments: TestDatabases.available)
    func aRuleForASeniorWithoutEquipmentInDenainChangesTheAnswerAndSaysSo(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup: a Denain structure helping with administrative procedures, and the territory's coordinator
            let store = try await IndexStore(database: site.database)
            let denain = CommuneCode("59172")!
            let structure = try #require(
                store.structures.structures(in: .caph).first { structure in
                    structure.communes.contains(denain)
                        && structure.placeIDs.contains {
                            store.current.entry(id: $0)?.place.services.contains(.aideDemarchesAdministratives) ?? false
                        }
                })
            try await site.account("coordination@caph.fr", [RoleGrant(role: .coordinateur, scope: .territory(.caph))!])
            var coordinator = try await site.signIn("coordination@caph.fr")
            _ = try await site.get("/orienter/regles", as: &coordinator)
            var visitor = Browser()
            let before = try await site.get(Self.ameli + "&age=60-et-plus&equipement=aucun", as: &visitor)
            // Act: the network writes its rule
            let added = try await site.post(
                "/orienter/regles",
                [
                    ("territoire", "200042190"), ("commune", "59172"), ("besoin", "Aide aux démarches administratives"),
                    ("public", "Seniors"), ("contrainte", "sans_equipement"), ("etape_0_structure", structure.id),
                    ("etape_0_maniere", "telephoner"), ("etape_0_contact", "Accueil, demander l'aide Ameli")
                ],
                as: &coordinator)
            let senior = try await site.get(Self.ameli + "&age=60-et-plus&equipement=aucun", as: &visitor)
            let adult = try await site.get(Self.ameli + "&age=26-59&equipement=aucun", as: &visitor)
            let equipped = try await site.get(Self.ameli + "&age=60-et-plus&equipement=smartphone", as: &visitor)
            // Check: the rule answers first for the senior without equipment, and only for them; the page says which it used
            #expect(added.status == 302)
            #expect(!before.html.contains("Selon la règle du réseau"))
            #expect(before.html.contains("le réseau n&#39;a pas de règle d&#39;orientation pour cette situation"))
            #expect(senior.html.contains("Selon la règle du réseau"))
            #expect(senior.html.contains("D&#39;abord la règle d&#39;orientation du réseau pour cette situation, puis le classement calculé"))
            #expect(senior.html.contains("Pour : Denain, Aide aux démarches administratives, seniors, sans équipement numérique."))
            #expect(
                senior.html.contains("<a href=\"/structures/\(structure.id)\">")
                    && senior.html.contains("téléphoner d&#39;abord — contact : Accueil, demander l&#39;aide Ameli"))
            #expect(!adult.html.contains("Selon la règle du réseau") && !equipped.html.contains("Selon la règle du réseau"))
            let rules = try await site.database.orientationRules.all(territory: .caph)
            #expect(rules.count == 1 && rules[0].steps.map(\.structureID) == [structure.id])
        }
    }

    @Test(arguments: [
        ("etape_0_structure", "inconnue", "Structures : des structures de l&#39;annuaire"),
        ("commune", "75056", "Commune : une commune du territoire"),
        ("etape_0_contact", String(repeating: "c", count: 201), "Contact : au plus 200 caractères"),
        ("public", "Martiens", "Public : un public du standard")
    ])
    func aHostileRuleIsRefusedWithItsFieldAndChangesNothing(field: String, value: String, says: String) async throws {
        try await TestSite.with { site in
            // Setup
            let store = try await IndexStore(database: site.database)
            let structure = try #require(store.structures.structures(in: .caph).first)
            try await site.account("coordination@caph.fr", [RoleGrant(role: .coordinateur, scope: .territory(.caph))!])
            var coordinator = try await site.signIn("coordination@caph.fr")
            _ = try await site.get("/orienter/regles", as: &coordinator)
            var fields = [
                "territoire": "200042190", "commune": "59172", "besoin": "Aide aux démarches administratives", "etape_0_structure": structure.id
            ]
            fields[field] = value
            // Act
            let result = try await site.post("/orienter/regles", fields.sorted { $0.key < $1.key }, as: &coordinator)
            // Check
            #expect(result.status == 422)
            #expect(result.html.contains(says))
            #expect(try await site.database.orientationRules.all(territory: .caph).isEmpty)
        }
    }

    @Test(arguments: TestDatabases.available)
    func aRuleChangesTheJourneyOfThePersonaItSpeaksOfOnItsPageAndInTheAPIAndSaysSo(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup: the CCAS of Denain, the coordinator, and Marcel's journey in Denain before any rule
            let store = try await IndexStore(database: site.database)
            let denain = CommuneCode("59172")!
            let ccas = try #require(
                store.structures.structures(in: .caph).first { $0.communes.contains(denain) && $0.name.folded.contains("centre communal") })
            try await site.account("coordination@caph.fr", [RoleGrant(role: .coordinateur, scope: .territory(.caph))!])
            var coordinator = try await site.signIn("coordination@caph.fr")
            _ = try await site.get("/orienter/regles", as: &coordinator)
            var visitor = Browser()
            let journey = "/personas/marcel/parcours?commune=59172"
            let before = try await site.get(journey, as: &visitor)
            // Act: the network writes its rule for a senior without equipment in Denain who needs help with procedures
            let added = try await site.post(
                "/orienter/regles",
                [
                    ("territoire", "200042190"), ("commune", "59172"), ("besoin", "Aide aux démarches administratives"),
                    ("public", "Seniors"), ("contrainte", "sans_equipement"), ("etape_0_structure", ccas.id),
                    ("etape_0_maniere", "fiche_prescription"), ("etape_0_contact", "Accueil")
                ], as: &coordinator)
            let after = try await site.get(journey, as: &visitor)
            let karima = try await site.get("/personas/karima/parcours?commune=59172", as: &visitor)
            let json = try await APITests().json(site.client, "/api/v1/personas/marcel/parcours?commune=59172", schemaPath: "/personas/{id}/parcours")
            // Check: the page said the ranking alone, then says the rule, step by step; Karima's journey is not in that situation
            #expect(added.status == 302)
            #expect(before.html.contains("Aucune règle d&#39;orientation du réseau ne parle de la situation de Marcel à Denain"))
            #expect(!before.html.contains("Lieu choisi selon la règle"))
            #expect(after.html.contains("1 étape suit une règle d&#39;orientation du réseau ; les autres viennent du classement calculé"))
            #expect(after.html.contains("Lieu choisi selon la règle d&#39;orientation du réseau."))
            #expect(after.html.contains("Comment y aller : fiche de prescription (Accueil)."))
            #expect(after.html.contains("<a href=\"/orienter/regles?territoire=200042190\">Les règles d'orientation du territoire</a>"))
            #expect(karima.html.contains("Aucune règle d&#39;orientation du réseau ne parle de la situation de Karima à Denain"))
            // The API names the rule and its structure on the step it chose
            let steps = try #require(json["steps"] as? [[String: Any]])
            let rule = try #require(steps[0]["rule"] as? [String: Any])
            #expect(rule["structure_id"] as? String == ccas.id && rule["approach"] as? String == "fiche_prescription")
            #expect(ccas.placeIDs.contains(steps[0]["place_id"] as? String ?? ""))
            #expect(steps[1]["rule"] == nil)
            // The territory's rules are in the API too
            let rules = try await APITests().json(site.client, "/api/v1/regles-orientation?territoire=200042190", schemaPath: "/regles-orientation")
            let listed = try #require((rules["regles"] as? [[String: Any]])?.first)
            #expect(listed["situation"] as? String == "Denain, Aide aux démarches administratives, seniors, sans équipement numérique")
            #expect((listed["etapes"] as? [[String: Any]])?.first?["nom_structure"] as? String == ccas.name)
        }
    }
}
