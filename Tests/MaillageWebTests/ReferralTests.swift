import Foundation
import MaillageCore
import MaillageStorage
import MaillageTestSupport
@testable import MaillageWeb
import Testing

/// Orientations sent between CAPH's real structures, from the sending member to the receiving structure's answer,
/// with consent, expiry and anonymisation.
@Suite("Orientations between structures", .serialized)
struct ReferralTests {
    static func form(from: String, to: String, consent: Bool = true, person: String = "Josiane M.") -> [(String, String)] {
        [
            ("de", from), ("vers", to), ("besoin", "Aide aux démarches administratives"), ("personne", person), ("contact", "06 12 34 56 78"),
            ("note", "Dossier retraite à compléter en ligne")
        ] + (consent ? [("accord", "1")] : [])
    }

    @Test(arguments: TestDatabases.available)
    func anOrientationGoesFromOneStructureToAnotherWhoAnswersItAndNoOneElseSeesIt(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup: members of two structures, of a third, and the territory's coordinator
            let (from, to) = try await PartnershipTests.structures(site)
            try await site.account("envoi@denain.fr", [RoleGrant(role: .membre, scope: .structure(from.id))!])
            try await site.account("accueil@raismes.fr", [RoleGrant(role: .membre, scope: .structure(to.id))!])
            try await site.account("autre@structure.fr", [RoleGrant(role: .membre, scope: .structure("autre-structure"))!])
            try await site.account("coordination@caph.fr", [RoleGrant(role: .coordinateur, scope: .territory(.caph))!])
            var sender = try await site.signIn("envoi@denain.fr")
            _ = try await site.get("/orientations", as: &sender)
            // Act: without the person's consent, then with it
            let refused = try await site.post("/orientations", Self.form(from: from.id, to: to.id, consent: false), as: &sender)
            let nothing = try await site.database.referrals.involving(structures: [from.id])
            let sent = try await site.post("/orientations", Self.form(from: from.id, to: to.id), as: &sender)
            let referral = try #require(try await site.database.referrals.involving(structures: [from.id]).first)
            // Check: consent is required; the orientation is sent
            #expect(refused.status == 422 && refused.html.contains("Accord : l&#39;accord de la personne") && nothing.isEmpty)
            #expect(sent.status == 302 && referral.status == .envoyee && referral.person == "Josiane M.")
            // Only the two structures see it
            var receiver = try await site.signIn("accueil@raismes.fr")
            let inbox = try await site.get("/orientations", as: &receiver)
            #expect(inbox.html.contains("Josiane M.") && inbox.html.contains("06 12 34 56 78"))
            #expect(inbox.html.contains("<a href=\"/orientations\">Orientations</a>"))
            for email in ["autre@structure.fr", "coordination@caph.fr"] {
                var other = try await site.signIn(email)
                let page = try await site.get("/orientations", as: &other)
                #expect(!page.html.contains("Josiane"), "\(email) sees the person")
                let answered = try await site.post("/orientations/\(referral.id)/reponse", [("attendu", "envoyee"), ("etat", "acceptee")], as: &other)
                #expect(answered.status == 403, "\(email) answered")
            }
            #expect(try await site.database.referrals.find(id: referral.id)?.status == .envoyee)
            // The receiving structure answers; a stale answer is refused, a refusal needs a reason
            let received = try await site.post("/orientations/\(referral.id)/reponse", [("attendu", "envoyee"), ("etat", "recue")], as: &receiver)
            let stale = try await site.post("/orientations/\(referral.id)/reponse", [("attendu", "envoyee"), ("etat", "acceptee")], as: &receiver)
            let noReason = try await site.post("/orientations/\(referral.id)/reponse", [("attendu", "recue"), ("etat", "refusee")], as: &receiver)
            let accepted = try await site.post("/orientations/\(referral.id)/reponse", [("attendu", "recue"), ("etat", "acceptee")], as: &receiver)
            let skipped = try await site.post("/orientations/\(referral.id)/reponse", [("attendu", "acceptee"), ("etat", "envoyee")], as: &receiver)
            let honoured = try await site.post("/orientations/\(referral.id)/reponse", [("attendu", "acceptee"), ("etat", "honoree")], as: &receiver)
            let statuses: [Int] = [received.status, stale.status, noReason.status, accepted.status, skipped.status, honoured.status]
            #expect(statuses == [302, 409, 422, 302, 400, 302])
            #expect(try await site.database.referrals.find(id: referral.id)?.status == .honoree)
            // The sender follows it; the network counts it, without names
            #expect(try await site.get("/orientations", as: &sender).html.contains("<strong>Honorée</strong>"))
            var visitor = Browser()
            let network = try await site.get("/partenariats", as: &visitor)
            #expect(network.html.contains("\(HTMLEscaping.escape(from.name)) → \(HTMLEscaping.escape(to.name)) : 1 orientation"))
            #expect(!network.html.contains("Josiane"))
            // …and draws the flow on the map, an arrow towards the structure that received it
            #expect(
                network.html.contains(
                    "marker-end=\"url(#fleche)\"><title>\(HTMLEscaping.escape(from.name)) → \(HTMLEscaping.escape(to.name)) : 1 orientation envoyée</title>"
                ))
            let counts = try await site.client.execute(uri: "/orientations.csv?territoire=200042190", method: .get) { String(buffer: $0.body) }
            #expect(counts.contains("\"\(from.id)\";\"\(from.name)\";\"\(to.id)\"") && counts.contains(";\"1\"") && !counts.contains("Josiane"))
            // The trail names structures and statuses, never the person
            let trail = try await site.database.audit.events(.init()).filter { $0.objectKind == AuditKinds.referral }
            #expect(trail.count == 4 && trail.allSatisfy { !($0.after ?? "").contains("Josiane") && !($0.before ?? "").contains("Josiane") })
        }
    }

    @Test(arguments: TestDatabases.available)
    func anUnansweredOrientationExpiresAndEveryOneIsAnonymisedAfterItsRetention(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup: one orientation sent 31 days ago and never answered, one answered yesterday
            let (from, to) = try await PartnershipTests.structures(site)
            let now = Date()
            let old = try await site.database.referrals.create(
                Referral(
                    territory: .caph, from: from.id, to: to.id, need: .accesInternetMateriel, person: "Karim B.",
                    contact: "karim@exemple.fr", note: "Pas d'ordinateur", consentAt: now - 31 * 86_400,
                    createdAt: now - 31 * 86_400), by: .commandLine)
            let recent = try await site.database.referrals.create(
                Referral(
                    territory: .caph, from: from.id, to: to.id, need: .aideDemarchesAdministratives,
                    person: "Léa", contact: "03 27 00 00 00", consentAt: now - 86_400,
                    createdAt: now - 86_400), by: .commandLine)
            // Act: today's purge, then one 731 days later
            let today = try await site.database.purgeExpired(now: now, retention: .init())
            let expired = try await site.database.referrals.find(id: old.id)
            let later = try await site.database.purgeExpired(now: now + 731 * 86_400, retention: .init())
            // Check: the old one expired, the recent one did not; after the retention nothing personal remains in the table
            #expect(today["orientations expirées"] == 1 && expired?.status == .expiree)
            #expect(later["orientations anonymisées"] == 2)
            let rows = try await site.database.sql.select().column("person").column("contact").column("note").column("refusal_reason").from(
                "referrals"
            ).all()
            #expect(rows.count == 2)
            for row in rows {
                for column in ["person", "contact", "note", "refusal_reason"] { #expect(try row.decode(column: column, as: String.self).isEmpty) }
            }
            #expect(try await site.database.referrals.find(id: recent.id)?.anonymised == true)
            // The counts per pair stay
            #expect(try await site.database.referrals.flows(territories: [.caph]).pairs.first?.count == 2)
        }
    }

    @Test(arguments: TestDatabases.available)
    func theDiagnosticAndTheAPIShowTheOrientationsThatLeftTheTerritoryCountedNeverNamed(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup: a CAPH structure sent two orientations to another CAPH structure and one to a neighbouring territory's
            let (from, to) = try await PartnershipTests.structures(site)
            let store = try await IndexStore(database: site.database)
            let neighbour = try #require(store.structures.structures(around: .caph, in: store.current.territory).first { $0.territory != .caph })
            let neighbourName = try #require(neighbour.territory.flatMap { store.current.territory.epcis[$0]?.name })
            var visitor = Browser()
            let empty = try await site.get("/diagnostic?epci=200042190", as: &visitor)
            let now = Date()
            for (target, need) in [
                (to.id, Service.aideDemarchesAdministratives), (to.id, .aideDemarchesAdministratives), (neighbour.id, .accesInternetMateriel)
            ] {
                _ = try await site.database.referrals.create(
                    Referral(
                        territory: .caph, from: from.id, to: target, need: need, person: "Yvette D.", contact: "06 00 00 00 00",
                        consentAt: now, createdAt: now), by: .commandLine)
            }
            // Act
            let diagnostic = try await site.get("/diagnostic?epci=200042190", as: &visitor)
            let report = try await site.client.execute(uri: "/diagnostic.html?epci=200042190", method: .get) { String(buffer: $0.body) }
            let json = try await APITests().json(site.client, "/api/v1/orientations?territoire=200042190", schemaPath: "/orientations")
            // Check: before any orientation the page says so; then one of three left, to the neighbour, by need, never a name
            #expect(empty.html.contains("Aucune orientation n&#39;a encore été envoyée entre structures avec Maillage sur ce territoire."))
            #expect(
                diagnostic.html.contains(
                    "1 des 3 orientations envoyées par les structures du territoire est partie vers une structure d&#39;un autre territoire"))
            #expect(
                diagnostic.html.contains(
                    HTMLEscaping.escape(
                        "\(from.name) → \(neighbour.name) (\(neighbourName)) : 1 orientation (Accès internet et matériel informatique)")))
            #expect(!diagnostic.html.contains("\(HTMLEscaping.escape(to.name)) : 2 orientations"))
            #expect(report.contains("Orientations parties hors du territoire"))
            #expect(!diagnostic.html.contains("Yvette") && !report.contains("Yvette"))
            #expect(json["total"] as? Int == 3)
            let pairs = try #require(json["paires"] as? [[String: Any]]), leaving = try #require(json["hors_territoire"] as? [[String: Any]])
            #expect(pairs.count == 2 && pairs[0]["orientations"] as? Int == 2)
            #expect(
                leaving.count == 1 && leaving[0]["destinataire"] as? String == neighbour.id
                    && leaving[0]["territoire_destinataire"] as? String == neighbour.territory?.rawValue)
            #expect(!String(describing: json).contains("Yvette"))
        }
    }

    @Test(arguments: [
        ("personne", String(repeating: "p", count: 41), "Personne : un prénom ou des initiales"),
        ("contact", "", "Contact : comment joindre la personne"),
        ("note", String(repeating: "n", count: 501), "Note : au plus 500 caractères"),
        ("vers", "inconnue", "Structure destinataire : une structure de l&#39;annuaire")
    ])
    func aHostileOrientationIsRefusedWithItsFieldAndKeepsNothing(field: String, value: String, says: String) async throws {
        try await TestSite.with { site in
            // Setup
            let (from, to) = try await PartnershipTests.structures(site)
            try await site.account("envoi@denain.fr", [RoleGrant(role: .membre, scope: .structure(from.id))!])
            var sender = try await site.signIn("envoi@denain.fr")
            _ = try await site.get("/orientations", as: &sender)
            let fields = Self.form(from: from.id, to: to.id).filter { $0.0 != field } + [(field, value)]
            // Act
            let result = try await site.post("/orientations", fields, as: &sender)
            // Check
            #expect(result.status == 422 && result.html.contains(says))
            #expect(try await site.database.referrals.involving(structures: [from.id]).isEmpty)
        }
    }
}
