import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdOTP
import HummingbirdTesting
import MaillageCore
import MaillageImport
import MaillageStorage
import MaillageTestSupport
@testable import MaillageWeb
import Testing

/// Who may change what: every state-changing route of the router, as every kind of caller; forms without their token;
/// sessions, invitations and throttled sign-ins.
@Suite("Accounts, roles and the trail", .serialized)
struct AccessTests {
    static let other = Siren("200041960")!  // Valenciennes Métropole, the neighbouring territory

    /// The kinds of caller, and the account each is (nil: nobody signed in).
    enum Caller: String, CaseIterable {
        case nobody, participant, memberOfAnotherStructure, member, animateurOfAnotherTerritory, coordinator, administrator

        /// The caller's roles; a member's is for `structure` (a real structure of the pack).
        func grants(structure: String) -> [RoleGrant]? {
            switch self {
            case .nobody: nil
            case .participant: [RoleGrant(role: .participant, scope: .territory(.caph))!]
            case .memberOfAnotherStructure: [RoleGrant(role: .membre, scope: .structure("autre-structure"))!]
            case .member: [RoleGrant(role: .membre, scope: .structure(structure))!]
            case .animateurOfAnotherTerritory: [RoleGrant(role: .animateur, scope: .territory(AccessTests.other))!]
            case .coordinator: [RoleGrant(role: .coordinateur, scope: .territory(.caph))!]
            case .administrator: [.administrator]
            }
        }

        var email: String { "\(rawValue.lowercased())@exemple.fr" }
    }

    /// What a state-changing route is sent, and who may send it. A public form (signing in) records its failures: it
    /// is checked for its answer only.
    struct Probe {
        var uri: String
        var fields: [(String, String)]
        var allowed: Set<Caller>
        var publicForm = false
        /// Puts back what an allowed request changed, so that the next caller meets the same state.
        var afterwards: (@Sendable (AppDatabase, Int) async throws -> Void)?
    }

    static let secret = "ABCDEFGHIJKLMNOPQRST"
    static func code(_ secret: String, at date: Date = Date()) -> String {
        String(format: "%06d", TOTP(secret: secret).compute(date: date))
    }

    /// One probe per state-changing route, by its pattern: a new route without a probe fails the test.
    static func probe(_ route: String, participantID: Int, site: TestSite, fixture: OfferFixture) async throws -> Probe? {
        let editors: Set<Caller> = [.coordinator, .administrator]
        let signedIn = Set(Caller.allCases).subtracting([.nobody])
        let structureEditors: Set<Caller> = [.member, .coordinator, .administrator]
        let territoryPeople: Set<Caller> = [.participant, .member, .coordinator, .administrator]
        let db = site.database
        func openDeclaration() async throws -> Int {
            try await db.declarations.create(
                Declaration(
                    kind: .report, placeID: fixture.place.id, anchor: fixture.anchor, territory: .caph,
                    structureID: fixture.structureID, placeName: fixture.place.nom, author: .commandLine,
                    createdAt: Date(), category: .horaires, message: "Sonde")
            ).id
        }
        func missingPlace() async throws -> Int {
            try await db.missingPlaces.create(
                MissingPlace(
                    territory: .caph, commune: OfferFixture.denain, qpv: nil, services: [.accesInternetMateriel],
                    publics: [], needs: [.saturday], justification: "Sonde", origin: .byHand, createdAt: Date(),
                    author: .commandLine)
            ).id
        }
        func meeting(open: Bool = false) async throws -> Meeting {
            let cycle = try await db.cycles.create(Cycle(territory: .caph, title: "Cycle sonde", goal: ""), by: .commandLine)
            let meeting = try await db.cycles.createMeeting(
                Meeting(cycleID: cycle.id, territory: .caph, startsAt: Date(), venue: "Raismes"), by: .commandLine)
            return open ? try await SetWorkshopState(database: db)(.ouvert, meetingID: meeting.id, by: .commandLine) : meeting
        }
        func card() -> [(String, String)] {
            [("table", "59172"), ("type", "ressource"), ("texte", "Sonde"), ("cle", "sonde-\(UUID().uuidString)")]
        }
        let runners: Set<Caller> = [.coordinator, .administrator]
        let contributors: Set<Caller> = [.participant, .coordinator, .administrator]
        switch route {
        case "/cycles": return Probe(uri: route, fields: MeetingCycleTests.cycleForm(), allowed: runners)
        case "/cycles/{id}/modifier":
            return Probe(uri: "/cycles/\(try await meeting().cycleID)/modifier", fields: MeetingCycleTests.cycleForm(), allowed: runners)
        case "/cycles/{id}/rencontres":
            return Probe(
                uri: "/cycles/\(try await meeting().cycleID)/rencontres", fields: MeetingCycleTests.meetingForm("2023-02-02T09:30"), allowed: runners)
        case "/rencontres/{id}/modifier":
            return Probe(
                uri: "/rencontres/\(try await meeting().id)/modifier", fields: MeetingCycleTests.meetingForm("2023-02-02T09:30"), allowed: runners)
        case "/rencontres/{id}/participants":
            return Probe(uri: "/rencontres/\(try await meeting().id)/participants", fields: [("nom", "Sonde"), ("profil", "elu")], allowed: runners)
        case "/rencontres/{id}/presences":
            let target = try await meeting()
            let person = try await db.participants.add(
                Participant(meetingID: target.id, name: "Sonde", structure: "", profile: .elu), territory: .caph,
                by: .commandLine)
            return Probe(uri: "/rencontres/\(target.id)/presences", fields: [("presents", "\(person.id)")], allowed: runners)
        case "/rencontres/{id}/participants/{participant}/retirer":
            let target = try await meeting()
            let person = try await db.participants.add(
                Participant(meetingID: target.id, name: "Sonde", structure: "", profile: .elu), territory: .caph,
                by: .commandLine)
            return Probe(uri: "/rencontres/\(target.id)/participants/\(person.id)/retirer", fields: [], allowed: runners)
        case "/rencontres/{id}/atelier/etat":
            return Probe(uri: "/rencontres/\(try await meeting().id)/atelier/etat", fields: [("etat", "ouvert")], allowed: runners)
        case "/rencontres/{id}/atelier/code":
            return Probe(uri: "/rencontres/\(try await meeting(open: true).id)/atelier/code", fields: [], allowed: runners)
        case "/rencontres/{id}/atelier/projection":
            return Probe(uri: "/rencontres/\(try await meeting(open: true).id)/atelier/projection", fields: [("action", "nouveau")], allowed: runners)
        case "/rencontres/{id}/atelier":
            let target = try await meeting(open: true)
            return Probe(uri: "/rencontres/\(target.id)/atelier", fields: card(), allowed: contributors)
        case "/rencontres/{id}/atelier/cartes/{carte}":
            let target = try await meeting(open: true)
            guard
                case .added(let added) = try await db.workshop.add(
                    WorkshopCard(
                        meetingID: target.id, table: OfferFixture.denain, kind: .ressource, text: "Sonde",
                        authorLabel: "Sonde", createdAt: Date(), clientKey: "sonde-\(UUID().uuidString)"))
            else { return nil }
            return Probe(uri: "/rencontres/\(target.id)/atelier/cartes/\(added.id)", fields: [("action", "masquer")], allowed: runners)
        case "/rejoindre": return Probe(uri: route, fields: [("code", "ABCDEF"), ("nom", "Sonde")], allowed: [], publicForm: true)
        case "/orienter/regles", "/orienter/regles/{id}/supprimer":
            let rule = OrientationRule(
                territory: .caph, commune: OfferFixture.denain, need: .aideDemarchesAdministratives,
                steps: [.init(structureID: fixture.structureID, approach: .sePresenter)], updatedAt: Date())
            if route == "/orienter/regles" {
                return Probe(
                    uri: route,
                    fields: [
                        ("territoire", "200042190"), ("commune", "59172"), ("besoin", "Aide aux démarches administratives"),
                        ("etape_0_structure", fixture.structureID)
                    ], allowed: editors
                ) { db, _ in
                    try await db.transaction { session in try await session.delete(from: "orientation_rules").run() }
                }
            }
            let stored = try await db.orientationRules.create(rule, by: .commandLine)
            return Probe(uri: "/orienter/regles/\(stored.id)/supprimer", fields: [("territoire", "200042190")], allowed: editors)
        case "/orientations":
            let store = try await IndexStore(database: db)
            let partner = try #require(store.structures.structures(in: .caph).first { $0.id != fixture.structureID })
            return Probe(uri: route, fields: ReferralTests.form(from: fixture.structureID, to: partner.id), allowed: [.member, .administrator]) {
                db, _ in
                try await db.transaction { session in try await session.delete(from: "referrals").run() }
            }
        case "/orientations/{id}/reponse":
            // Sent to the fixture's structure: its member (and the administrator) answer it, nobody else
            let store = try await IndexStore(database: db)
            let sender = try #require(store.structures.structures(in: .caph).first { $0.id != fixture.structureID })
            let referral = try await db.referrals.create(
                Referral(
                    territory: .caph, from: sender.id, to: fixture.structureID, need: .aideDemarchesAdministratives,
                    person: "Sonde", contact: "sonde", consentAt: Date(), createdAt: Date()), by: .commandLine)
            return Probe(
                uri: "/orientations/\(referral.id)/reponse", fields: [("attendu", "envoyee"), ("etat", "recue")], allowed: [.member, .administrator])
        case "/partenariats", "/partenariats/{id}", "/partenariats/{id}/confirmer":
            let store = try await IndexStore(database: db)
            let partner = try #require(store.structures.structures(in: .caph).first { $0.id != fixture.structureID })
            let link = Partnership(
                territory: .caph, from: fixture.structureID, to: partner.id, kind: .projetCommun, notes: "Sonde \(UUID())", createdAt: Date())
            if route == "/partenariats" {
                // Each allowed caller adds a link; taking it away again lets the next one meet the same state
                return Probe(
                    uri: route, fields: [("territoire", "200042190"), ("de", link.from), ("vers", link.to), ("lien", "projet_commun")],
                    allowed: structureEditors
                ) { db, _ in
                    try await db.transaction { session in try await session.delete(from: "partnerships").run() }
                }
            }
            var stored = link
            if let existing = try await db.partnerships.all(territory: .caph).first {
                stored = existing
            } else {
                stored = try await db.partnerships.create(link, by: .commandLine)
            }
            return route == "/partenariats/{id}"
                ? Probe(uri: "/partenariats/\(stored.id)", fields: [("etat", "formalise")], allowed: structureEditors)
                : Probe(uri: "/partenariats/\(stored.id)/confirmer", fields: [], allowed: editors)
        case "/lieux/{id}/declarer":
            return Probe(
                uri: fixture.declareURI, fields: OfferFixture.form(of: fixture.place, changes: ["presentation_resume": ["Sonde \(UUID())"]]),
                allowed: structureEditors)
        case "/lieux/{id}/signaler":
            return Probe(
                uri: "/lieux/\(fixture.place.id)/signaler", fields: [("categorie", "horaires"), ("message", "Fermé le lundi")],
                allowed: Set(Caller.allCases))
        case "/proposer-un-lieu":
            return Probe(
                uri: route,
                fields: [
                    ("nom", "Sonde"), ("adresse", "1 rue de la Sonde"), ("code_insee", "59172"),
                    ("services", "Accès internet et matériel informatique")
                ],
                allowed: territoryPeople)
        case "/declarations/{id}/prendre": return Probe(uri: "/declarations/\(try await openDeclaration())/prendre", fields: [], allowed: editors)
        case "/declarations/{id}/decider":
            return Probe(
                uri: "/declarations/\(try await openDeclaration())/decider", fields: [("decision", "refuser"), ("motif", "Sonde")], allowed: editors)
        case "/territoires/{siren}/desaccords":
            try await db.transaction { session in
                try await db.declarations.saveValidated(
                    [
                        ValidatedField(
                            anchor: fixture.anchor, column: .telephone, value: "+33327000001", declarationID: 0,
                            structureID: nil, validatedAt: Date(), baseline: "", national: "+33327000002")
                    ], on: session)
            }
            return Probe(
                uri: "/territoires/200042190/desaccords", fields: [("ancre", fixture.anchor), ("colonne", "telephone"), ("choix", "garder")],
                allowed: editors)
        case "/structures/{id}":
            return Probe(
                uri: "/structures/\(fixture.structureID)", fields: [("nom", "Structure sonde \(UUID())"), ("type", "ccas"), ("communes", "59172")],
                allowed: structureEditors)
        case "/lieux-manquants":
            return Probe(
                uri: route, fields: [("territoire", "200042190"), ("commune", "59172"), ("besoins", "samedi"), ("justification", "Sonde")],
                allowed: territoryPeople)
        case "/lieux-manquants/{id}/soutien":
            return Probe(uri: "/lieux-manquants/\(try await missingPlace())/soutien", fields: [], allowed: territoryPeople)
        case "/lieux-manquants/{id}/statut":
            return Probe(
                uri: "/lieux-manquants/\(try await missingPlace())/statut", fields: [("statut", "retenue"), ("priorite", "1")], allowed: editors)
        case "/personas": return Probe(uri: route, fields: PersonaPagesTests.form(name: "Sonde"), allowed: editors)
        case "/personas/bibliotheque": return Probe(uri: route, fields: [("territoire", "200042190")], allowed: editors)
        case "/personas/{id}/modifier":
            let version = try #require(try await site.database.personas.find(id: "karima")).version
            return Probe(
                uri: "/personas/karima/modifier", fields: [("version", "\(version)")] + PersonaPagesTests.form(name: "Karima"), allowed: editors)
        case "/personas/{id}/dupliquer": return Probe(uri: "/personas/karima/dupliquer", fields: [], allowed: editors)
        case "/personas/{id}/supprimer":
            let marcel = try #require(try await site.database.personas.find(id: "marcel"))
            let target = try await site.database.personas.create(marcel.persona, territory: .caph, by: .commandLine)
            return Probe(uri: "/personas/\(target.persona.id)/supprimer", fields: [("version", "1")], allowed: editors)
        case "/invitations":
            return Probe(
                uri: route, fields: [("email", "invitee@exemple.fr"), ("role", "participant"), ("territoire", "200042190")], allowed: editors)
        case "/comptes/{compte}/reinitialisation": return Probe(uri: "/comptes/\(participantID)/reinitialisation", fields: [], allowed: editors)
        case "/compte/mot-de-passe":
            return Probe(uri: route, fields: [("actuel", testPassword), ("nouveau", testPassword), ("confirmation", testPassword)], allowed: signedIn)
        case "/compte/deconnexion-partout": return Probe(uri: route, fields: [], allowed: signedIn)
        case "/compte/second-facteur":
            return Probe(uri: route, fields: [("secret", secret), ("code", code(secret))], allowed: editors) { db, id in
                try await db.transaction { session in try await db.accounts.setSecondFactor(secret: nil, for: id, on: session) }
            }
        case "/compte/second-facteur/desactiver": return Probe(uri: route, fields: [("mot_de_passe", testPassword)], allowed: signedIn)
        // Nobody here has a second factor, whose recovery codes these are.
        case "/compte/codes-de-secours": return Probe(uri: route, fields: [("code", "000000")], allowed: [])
        case "/comptes/{compte}/roles/retirer":
            let grant = RoleGrant(role: .participant, scope: .territory(.caph))!
            return Probe(uri: "/comptes/\(participantID)/roles/retirer", fields: [("role", "participant"), ("portee", "200042190")], allowed: editors)
            { db, _ in
                try await db.transaction { session in _ = try await db.accounts.grant(grant, to: participantID, now: Date(), on: session) }
            }
        case "/deconnexion": return Probe(uri: route, fields: [], allowed: Set(Caller.allCases))
        // Reached by a link's token, not a role: an unknown token changes nothing, for anyone.
        case "/invitation/{jeton}", "/reinitialisation/{jeton}":
            return Probe(
                uri: route.replacingOccurrences(of: "{jeton}", with: String(repeating: "A", count: 43)),
                fields: [("nouveau", testPassword), ("confirmation", testPassword), ("nom", "X")], allowed: [])
        case "/connexion":
            return Probe(
                uri: route, fields: [("email", "personne@exemple.fr"), ("mot_de_passe", "faux mot de passe !")], allowed: [], publicForm: true)
        default: return nil
        }
    }

    /// What a refused request must leave as it was.
    static func snapshot(_ db: AppDatabase) async throws -> String {
        let personas = try await db.personas.all().map { "\($0.persona.id)@\($0.version):\($0.persona.commune)" }
        let accounts = try await db.accounts.all().map { "\($0.id):\($0.status):\($0.grants.sorted())" }
        let links = try await db.links.pendingInvitations(now: Date()).map(\.email)
        let events = try await db.audit.events(.init()).filter { $0.action != "connexion" }.count
        let declarations = try await db.declarations.list(.init(limit: 10_000)).map { "\($0.id):\($0.status.rawValue)" }
        let validated = try await db.declarations.validatedFields().map { "\($0.anchor):\($0.column.rawValue)=\($0.value)@\($0.baseline ?? "")" }
        let missing = try await db.missingPlaces.all(territory: .caph).map { "\($0.id):\($0.status.rawValue):\($0.priority):\($0.supporters)" }
        let structures = try await db.structures.completions().map(\.name)
        var meetings: [String] = []
        for cycle in try await db.cycles.all(territory: .caph) {
            for meeting in try await db.cycles.meetings(cycle: cycle.id) {
                let people = try await db.participants.all(meetingID: meeting.id).map { "\($0.id):\($0.attended)" }
                let cards = try await db.workshop.cards(meetingID: meeting.id).map { "\($0.id):\($0.visibility)" }
                let projection = try await db.workshop.hasProjectionToken(meetingID: meeting.id)
                meetings.append(
                    "\(cycle.title)/\(meeting.id):\(meeting.workshop):\(meeting.joinCode ?? ""):\(projection):\(meeting.venue):\(meeting.agenda.count):\(people):\(cards)"
                )
            }
        }
        let partnerships =
            try await db.partnerships.all(territory: .caph).map { "\($0.id):\($0.state.rawValue):\($0.confirmed)" }
            + (try await db.orientationRules.all(territory: .caph).map { "règle \($0.id)" })
            + (try await db.sql.select().column("id").column("status").from("referrals").all().map {
                "orientation \(try $0.decode(column: "id", as: Int.self)):\(try $0.decode(column: "status", as: String.self))"
            })
        return "\(personas)|\(accounts)|\(links)|\(events)|\(declarations)|\(validated)|\(missing)|\(structures)|\(meetings)|\(partnerships)"
    }

    @Test(arguments: TestDatabases.available)
    func everyStateChangingRouteAllowsExactlyTheRightCallersAndARefusalChangesNothing(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup: one account per kind of caller; the state-changing routes, from the router itself
            var ids: [Caller: Int] = [:]
            let fixture = try await OfferFixture.denainPlace(site.database)
            for caller in Caller.allCases {
                if let grants = caller.grants(structure: fixture.structureID) { ids[caller] = try await site.account(caller.email, grants) }
            }
            let router = buildRouter(
                database: site.database, index: try await IndexStore(database: site.database), pages: try await PageRenderer.load(),
                configuration: AppConfiguration(), hashing: HashingPool(threads: 1, queueLimit: 0))
            let routes = router.routes.filter { $0.method != .get && $0.method != .head }.map(\.path.description)
            #expect(routes.count >= 12)
            for route in routes {
                for caller in Caller.allCases {
                    let probe = try #require(
                        try await Self.probe(route, participantID: ids[.participant]!, site: site, fixture: fixture), "no probe for \(route): add one"
                    )
                    // Act: a fresh browser of this caller sends the form, with its token
                    var browser = caller == .nobody ? Browser() : try await site.signIn(caller.email)
                    _ = try await site.get(caller == .nobody ? "/connexion" : "/compte", as: &browser)
                    let before = try await Self.snapshot(site.database)
                    let result = try await site.post(probe.uri, probe.fields, as: &browser)
                    // Check
                    if probe.publicForm {
                        #expect([401, 422, 429].contains(result.status), "\(caller) \(route) → \(result.status)")
                    } else if probe.allowed.contains(caller) {
                        #expect([200, 302].contains(result.status), "\(caller) \(route) → \(result.status)")
                        if let id = ids[caller] { try await probe.afterwards?(site.database, id) }
                    } else {
                        #expect([401, 403, 410].contains(result.status), "\(caller) \(route) → \(result.status)")
                        let after = try await Self.snapshot(site.database)
                        #expect(after == before, "\(caller) \(route) changed the database")
                    }
                }
            }
        }
    }

    @Test func aFormWithoutItsTokenOrFromAnotherSiteIsRefusedAndChangesNothing() async throws {
        try await TestSite.with { site in
            // Setup
            try await site.account("coordinatrice@caph.fr", [RoleGrant(role: .coordinateur, scope: .territory(.caph))!])
            var browser = try await site.signIn("coordinatrice@caph.fr")
            let before = try await Self.snapshot(site.database)
            // Act
            let missing = try await site.post("/personas", PersonaPagesTests.form(name: "Sans jeton"), as: &browser, csrf: .some(nil))
            let wrong = try await site.post("/personas", PersonaPagesTests.form(name: "Faux jeton"), as: &browser, csrf: "x")
            let foreign = try await site.post(
                "/personas", PersonaPagesTests.form(name: "Ailleurs"), as: &browser, headers: [.origin: "https://pirate.example"])
            let huge = try await site.post(
                "/personas", PersonaPagesTests.form(name: "Long", description: String(repeating: "x", count: 70_000)), as: &browser)
            // Check
            let statuses: [Int] = [missing.status, wrong.status, foreign.status, huge.status]
            #expect(statuses == [403, 403, 403, 413])
            #expect(missing.html.contains("Le formulaire a expiré"))
            let after = try await Self.snapshot(site.database)
            #expect(after == before)
            #expect(try await site.post("/personas", PersonaPagesTests.form(name: "Avec jeton"), as: &browser).status == 302)
        }
    }

    @Test func signingInMakesANewSessionAndSigningOutEverywhereEndsThemAll() async throws {
        try await TestSite.with { site in
            // Setup: a browser signed in once
            try await site.account("animatrice@caph.fr", [RoleGrant(role: .animateur, scope: .territory(.caph))!])
            var first = try await site.signIn("animatrice@caph.fr")
            let firstSession = try #require(first.cookies["maillage_session"])
            // Act: the same browser signs in again
            _ = try await site.post("/connexion", [("email", "animatrice@caph.fr"), ("mot_de_passe", testPassword)], as: &first)
            // Check: a new session; the old cookie no longer opens anything
            #expect(first.cookies["maillage_session"] != firstSession)
            var stale = Browser(cookies: ["maillage_session": firstSession])
            #expect(try await site.get("/compte", as: &stale).status == 302)
            // Act / check: signing out everywhere ends another browser's session too
            var second = try await site.signIn("animatrice@caph.fr")
            _ = try await site.get("/compte", as: &first)
            #expect(try await site.post("/compte/deconnexion-partout", [], as: &first).status == 302)
            #expect(try await site.get("/compte", as: &second).status == 302)
        }
    }

    @Test(arguments: TestDatabases.available)
    func sessionsEndWhenIdleOrTooOld(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // Setup
            let now = Date()
            let lifetime = SessionRepository.Lifetime(idle: 3600, absolute: 4 * 3600)
            let sessions = db.sessions, accounts = db.accounts
            let token = try await db.transaction { session in
                let account = try await accounts.create(email: "a@exemple.fr", name: "A", now: now, on: session)
                return try await sessions.create(accountID: account.id, now: now, lifetime: lifetime, on: session).token
            }
            // Act / check: alive while used, ended after an hour idle or four hours in all
            #expect(try await sessions.find(token: token, now: now + 1800, lifetime: lifetime) != nil)
            #expect(try await sessions.find(token: token, now: now + 1800 + 3601, lifetime: lifetime) == nil)
            #expect(try await sessions.find(token: token, now: now + 3000, lifetime: lifetime) != nil)
            #expect(try await sessions.find(token: token, now: now + 4 * 3600 + 1, lifetime: lifetime) == nil)
            #expect(try await sessions.find(token: "not-a-token", now: now, lifetime: lifetime) == nil)
        }
    }

    @Test func anInvitationMakesAnAccountOnceAndNeverAgain() async throws {
        try await TestSite.with { site in
            // Setup: a coordinator invites a participant
            try await site.account("coordinatrice@caph.fr", [RoleGrant(role: .coordinateur, scope: .territory(.caph))!])
            var coordinator = try await site.signIn("coordinatrice@caph.fr")
            _ = try await site.get("/invitations", as: &coordinator)
            let made = try await site.post(
                "/invitations", [("email", "Nouvelle@Exemple.fr"), ("role", "participant"), ("territoire", "200042190")],
                as: &coordinator)
            let link = try #require(made.html.firstMatch(of: /\/invitation\/([A-Za-z0-9_-]{43})/)).0
            #expect(made.html.contains("mailto:nouvelle%40exemple.fr?subject="))
            // Act: the invited person follows it, chooses a weak then a good password
            var invited = Browser()
            #expect(try await site.get(String(link), as: &invited).status == 200)
            let weak = try await site.post(
                String(link), [("nom", "Nouvelle"), ("nouveau", "motdepasse123"), ("confirmation", "motdepasse123")], as: &invited)
            let accepted = try await site.post(
                String(link), [("nom", "Nouvelle"), ("nouveau", testPassword), ("confirmation", testPassword)], as: &invited)
            var again = Browser()
            let reused = try await site.get(String(link), as: &again)
            // Check
            #expect(weak.status == 400)
            #expect(accepted.status == 302)
            #expect(reused.status == 410)
            let account = try #require(try await site.database.accounts.find(email: "nouvelle@exemple.fr"))
            #expect(account.grants == [RoleGrant(role: .participant, scope: .territory(.caph))!] && account.hasPassword)
            #expect(try await site.get("/compte", as: &invited).html.contains("Participant — territoire 200042190"))
            let trail = try await site.database.audit.events(.init()).map(\.action)
            #expect(trail.contains("invitation créée") && trail.contains("rôle donné") && trail.contains("compte créé"))
        }
    }

    @Test(arguments: TestDatabases.available)
    func aLinkExpiresAfterSevenDaysAndServesOnce(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let links = db.links, now = Date()
            let token = try await db.transaction { session in
                try await links.create(
                    .invitation, email: "x@exemple.fr", accountID: nil, grant: RoleGrant(role: .participant, scope: .territory(.caph)),
                    createdBy: nil, now: now, on: session)
            }
            #expect(try await links.find(token: token, now: now + 8 * 24 * 3600) == nil)
            let first = try await db.transaction { session in try await links.consume(token: token, now: now + 60, on: session) }
            let second = try await db.transaction { session in try await links.consume(token: token, now: now + 120, on: session) }
            #expect(first?.email == "x@exemple.fr" && second == nil)
        }
    }

    @Test func failedSignInsAreSlowedAndSayTheSameForAnUnknownEmail() async throws {
        try await TestSite.with { site in
            // Setup
            try await site.account("animatrice@caph.fr", [RoleGrant(role: .animateur, scope: .territory(.caph))!])
            var browser = Browser()
            _ = try await site.get("/connexion", as: &browser)
            // Act: a wrong password, an unknown e-mail, then five more failures
            let wrong = try await site.post("/connexion", [("email", "animatrice@caph.fr"), ("mot_de_passe", "pas le bon du tout")], as: &browser)
            let unknown = try await site.post("/connexion", [("email", "personne@caph.fr"), ("mot_de_passe", "pas le bon du tout")], as: &browser)
            for _ in 0..<5 {
                _ = try await site.post("/connexion", [("email", "animatrice@caph.fr"), ("mot_de_passe", "encore faux !!!")], as: &browser)
            }
            let throttled = try await site.post("/connexion", [("email", "animatrice@caph.fr"), ("mot_de_passe", testPassword)], as: &browser)
            // Check: the same answer for both; then even the right password waits, and nothing signs in
            #expect(wrong.status == 401 && unknown.status == 401)
            #expect(
                wrong.html.contains("E-mail, mot de passe ou code incorrect.") && unknown.html.contains("E-mail, mot de passe ou code incorrect."))
            #expect(throttled.status == 429 && throttled.html.contains("Trop de tentatives"))
            #expect(browser.cookies["maillage_session"] == nil)
            // (after five failures of the e-mail the next attempt waits 4 s: the loop's last and the right password go unchecked)
            #expect(try await site.database.audit.events(.init()).filter { $0.action == "connexion refusée" }.count == 6)
        }
    }

    @Test func everyResponseCarriesTheSecurityHeadersAndPublicPagesTouchNoSession() async throws {
        try await TestSite.with { site in
            try await site.client.execute(uri: "/", method: .get) { response in
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[.setCookie] == nil)
            }
        }
    }

    @Test func aRequestWithoutTheSessionCookieNeverReadsTheSessionStore() async throws {
        try await TestSite.with { site in
            // Setup: the sessions table gone from under the server
            try await site.account("animatrice@caph.fr", [RoleGrant(role: .animateur, scope: .territory(.caph))!])
            var signedIn = try await site.signIn("animatrice@caph.fr")
            try await site.database.sql.drop(table: "sessions").run()
            // Act
            var visitor = Browser()
            let publicPage = try await site.get("/personas", as: &visitor)
            let withCookie = try await site.get("/personas", as: &signedIn)
            // Check: the visitor's page never needed it; the signed-in browser's did
            #expect(publicPage.status == 200)
            #expect(withCookie.status == 500)
        }
    }

    @Test func thePolicyIsTheREADMEsTable() throws {
        // Setup / act
        let readme = try String(contentsOf: TestData.repository.appendingPathComponent("README.md"), encoding: .utf8)
        // Check: the README shows the rules the code applies
        #expect(readme.contains(AccessPolicy.markdownTable))
    }

    @Test func theRulesHoldRoleByRole() {
        let policy = AccessPolicy(territoryOfStructure: { $0 == "france-services-1" ? .caph : nil })
        func actor(_ grants: [RoleGrant]) -> Actor { Actor(accountID: 1, name: "X", grants: Set(grants)) }
        let coordinator = actor([RoleGrant(role: .coordinateur, scope: .territory(.caph))!])
        let animateur = actor([RoleGrant(role: .animateur, scope: .territory(.caph))!])
        let member = actor([RoleGrant(role: .membre, scope: .structure("france-services-1"))!])
        #expect(!policy.allows(nil, .editPersonas(.caph)))
        #expect(policy.allows(animateur, .editPersonas(.caph)) && !policy.allows(animateur, .editPersonas(Self.other)))
        #expect(policy.allows(animateur, .invite(RoleGrant(role: .participant, scope: .territory(.caph))!)))
        #expect(!policy.allows(animateur, .invite(RoleGrant(role: .coordinateur, scope: .territory(.caph))!)))
        #expect(policy.allows(coordinator, .invite(RoleGrant(role: .membre, scope: .structure("france-services-1"))!)))
        #expect(!policy.allows(coordinator, .invite(RoleGrant(role: .membre, scope: .structure("ailleurs"))!)))
        #expect(!policy.allows(coordinator, .invite(.administrator)) && !policy.allows(coordinator, .readJournal(nil)))
        #expect(policy.allows(member, .editStructure("france-services-1")) && policy.allows(coordinator, .editStructure("france-services-1")))
        #expect(!policy.allows(coordinator, .resetPassword(of: [.administrator])))
        #expect(PasswordRules.refusal(of: "Azerty123456!") != nil && PasswordRules.refusal(of: "123456789012") != nil)
        #expect(PasswordRules.refusal(of: "court") != nil && PasswordRules.refusal(of: testPassword) == nil)
    }

    @Test func aSecondFactorIsAskedAtSignInAndACodeServesOnce() async throws {
        try await TestSite.with { site in
            // Setup: a coordinator turns the second factor on from their account
            try await site.account("coordinatrice@caph.fr", [RoleGrant(role: .coordinateur, scope: .territory(.caph))!])
            var browser = try await site.signIn("coordinatrice@caph.fr")
            let form = try await site.get("/compte/second-facteur", as: &browser)
            let secret = try #require(form.html.firstMatch(of: /name="secret" value="([A-Z2-7]{20})"/)?.1)
            #expect(form.html.contains("otpauth://totp/"))
            let wrong = try await site.post("/compte/second-facteur", [("secret", String(secret)), ("code", "000000")], as: &browser)
            let enrolled = try await site.post(
                "/compte/second-facteur", [("secret", String(secret)), ("code", Self.code(String(secret)))], as: &browser)
            #expect(wrong.status == 422 && enrolled.status == 200)
            // Act: sign in without a code, with the code already used, with the next one
            var other = Browser()
            _ = try await site.get("/connexion", as: &other)
            let fields = [("email", "coordinatrice@caph.fr"), ("mot_de_passe", testPassword)]
            let withoutCode = try await site.post("/connexion", fields, as: &other)
            let replayed = try await site.post("/connexion", fields + [("code", Self.code(String(secret)))], as: &other)
            let next = try await site.post("/connexion", fields + [("code", Self.code(String(secret), at: Date() + 30))], as: &other)
            // Check
            #expect(withoutCode.status == 401 && withoutCode.html.contains("E-mail, mot de passe ou code incorrect."))
            #expect(replayed.status == 401)
            #expect(next.status == 302 && other.cookies["maillage_session"] != nil)
        }
    }

    @Test(arguments: TestDatabases.available)
    func aDeletedPersonsActionsStayInTheTrailWithoutTheirName(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // Setup: Bernadette edits a persona, then her account is deleted
            let accounts = db.accounts
            let account = try await db.transaction { session in
                try await accounts.create(email: "bernadette@exemple.fr", name: "Bernadette", now: Date(), on: session)
            }
            let karima = try #require(try await db.personas.find(id: "karima"))
            let bernadette = Author(accountID: account.id, label: "Bernadette")
            _ = try await db.personas.update(karima.persona, version: karima.version, by: bernadette)
            // ... and reported an error on a place, and proposed a missing place
            _ = try await db.declarations.create(
                Declaration(
                    kind: .report, placeID: "x", anchor: nil, territory: .caph, structureID: nil, placeName: "Lieu",
                    author: bernadette, createdAt: Date(), category: .horaires))
            _ = try await db.missingPlaces.create(
                MissingPlace(
                    territory: .caph, commune: nil, qpv: nil, services: [.aideDemarchesAdministratives], publics: [],
                    needs: [], justification: "Manque", origin: .byHand, createdAt: Date(), author: bernadette))
            // Act
            try await db.transaction { session in try await accounts.delete(id: account.id, on: session) }
            // Check: the edit is still there, nobody's name on it
            let events = try await db.audit.events(.init(objectKind: AuditKinds.persona))
            #expect(events.count == 1 && events[0].actorLabel == "compte supprimé" && events[0].actorID == nil)
            let declarations = try await db.declarations.list(.init())
            #expect(declarations.count == 1 && declarations[0].author == Author(accountID: nil, label: "compte supprimé"))
            #expect(try await db.missingPlaces.all(territory: .caph).map(\.author) == [Author(accountID: nil, label: "compte supprimé")])
            #expect(try await db.accounts.find(email: "bernadette@exemple.fr") == nil)
        }
    }

    @Test(arguments: ["\"><script>alert(1)</script>@x.fr", String(repeating: "a", count: 5_000), "a@b", "é@é.fr\u{0}"])
    func hostileSignInsAndInvitationsAreRefusedAndChangeNothing(text: String) async throws {
        try await TestSite.with { site in
            // Setup
            try await site.account("coordinatrice@caph.fr", [RoleGrant(role: .coordinateur, scope: .territory(.caph))!])
            var coordinator = try await site.signIn("coordinatrice@caph.fr")
            var visitor = Browser()
            _ = try await site.get("/connexion", as: &visitor)
            let before = try await Self.snapshot(site.database)
            // Act
            let signIn = try await site.post("/connexion", [("email", text), ("mot_de_passe", text)], as: &visitor)
            let invitation = try await site.post(
                "/invitations", [("email", text), ("role", "participant"), ("territoire", "200042190")], as: &coordinator)
            // Check: refused, nothing echoed unescaped, no invitation, no account
            #expect([400, 401, 413].contains(signIn.status) && invitation.status == 400)
            #expect(!signIn.html.contains("<script>alert") && !invitation.html.contains("<script>alert"))
            #expect(try await site.database.links.pendingInvitations(now: Date()).isEmpty)
            let after = try await Self.snapshot(site.database)
            #expect(after.split(separator: "|").prefix(3) == before.split(separator: "|").prefix(3))
        }
    }
}
