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
            let structure = try #require(store.structures.structures(in: .caph).first { structure in
                structure.communes.contains(denain) && structure.placeIDs.contains { store.current.entry(id: $0)?.place.services.contains(.aideDemarchesAdministratives) ?? false }
            })
            try await site.account("coordination@caph.fr", [RoleGrant(role: .coordinateur, scope: .territory(.caph))!])
            var coordinator = try await site.signIn("coordination@caph.fr")
            _ = try await site.get("/orienter/regles", as: &coordinator)
            var visitor = Browser()
            let before = try await site.get(Self.ameli + "&age=60-et-plus&equipement=aucun", as: &visitor)
            // Act: the network writes its rule
            let added = try await site.post("/orienter/regles", [("territoire", "200042190"), ("commune", "59172"), ("besoin", "Aide aux démarches administratives"),
                                                                 ("public", "Seniors"), ("contrainte", "sans_equipement"), ("etape_0_structure", structure.id),
                                                                 ("etape_0_maniere", "telephoner"), ("etape_0_contact", "Accueil, demander l'aide Ameli")],
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
            #expect(senior.html.contains("<a href=\"/structures/\(structure.id)\">") && senior.html.contains("téléphoner d&#39;abord — contact : Accueil, demander l&#39;aide Ameli"))
            #expect(!adult.html.contains("Selon la règle du réseau") && !equipped.html.contains("Selon la règle du réseau"))
            let rules = try await site.database.orientationRules.all(territory: .caph)
            #expect(rules.count == 1 && rules[0].steps.map(\.structureID) == [structure.id])
        }
    }

    @Test(arguments: [("etape_0_structure", "inconnue", "Structures : des structures de l&#39;annuaire"),
                      ("commune", "75056", "Commune : une commune du territoire"),
                      ("etape_0_contact", String(repeating: "c", count: 201), "Contact : au plus 200 caractères"),
                      ("public", "Martiens", "Public : un public du standard")])
    func aHostileRuleIsRefusedWithItsFieldAndChangesNothing(field: String, value: String, says: String) async throws {
        try await TestSite.with { site in
            // Setup
            let store = try await IndexStore(database: site.database)
            let structure = try #require(store.structures.structures(in: .caph).first)
            try await site.account("coordination@caph.fr", [RoleGrant(role: .coordinateur, scope: .territory(.caph))!])
            var coordinator = try await site.signIn("coordination@caph.fr")
            _ = try await site.get("/orienter/regles", as: &coordinator)
            var fields = ["territoire": "200042190", "commune": "59172", "besoin": "Aide aux démarches administratives", "etape_0_structure": structure.id]
            fields[field] = value
            // Act
            let result = try await site.post("/orienter/regles", fields.sorted { $0.key < $1.key }, as: &coordinator)
            // Check
            #expect(result.status == 422)
            #expect(result.html.contains(says))
            #expect(try await site.database.orientationRules.all(territory: .caph).isEmpty)
        }
    }
}
