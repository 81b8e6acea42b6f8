import Foundation
import HummingbirdTesting
import MaillageCore
import MaillageSources
import MaillageStorage
import MaillageTestSupport
@testable import MaillageWeb
import Testing

/// The cycle of meetings and its live workshop, as the seed tells its second meeting in Raismes: 20 participants of
/// very different profiles, 3 animateurs, tables for Saint-Amand-les-Eaux, Denain and Raismes writing from phones.
@Suite("The meeting cycle and the live workshop", .serialized)
struct MeetingCycleTests {
    static let saintAmand = CommuneCode("59526")!
    static let denain = CommuneCode("59172")!
    static let raismes = CommuneCode("59491")!
    static let tables = [saintAmand, denain, raismes]

    struct Invitee {
        var name: String
        var structure: String
        var profile: ParticipantProfile
        var commune: CommuneCode
        var named = false
    }

    /// The seed's 20 participants (acteurs de l'inclusion numérique, acteurs éloignés du sujet, acteurs de terrain,
    /// élus) and its 3 animateurs; the first animateur agreed to be named.
    static let people: [Invitee] = {
        var people: [Invitee] = []
        let groups: [(String, String, ParticipantProfile, Int)] = [
            ("Acteur numérique", "Structure numérique", .acteurInclusion, 7),
            ("Acteur éloigné", "Association", .acteurEloigne, 5),
            ("Acteur de terrain", "CCAS", .acteurTerrain, 5), ("Élu", "Mairie", .elu, 3)
        ]
        for (name, structure, profile, count) in groups {
            for number in 1...count {
                people.append(Invitee(name: "\(name) \(number)", structure: "\(structure) \(number)", profile: profile, commune: tables[number % 3]))
            }
        }
        people.append(Invitee(name: "Faustine Faure", structure: "Les Assembleurs", profile: .animateur, commune: raismes, named: true))
        people.append(Invitee(name: "Animatrice Deux", structure: "Les Assembleurs", profile: .animateur, commune: denain))
        people.append(
            Invitee(
                name: "Animateur Trois", structure: "Fédération des Centres Sociaux du Nord-Pas-de-Calais", profile: .animateur, commune: saintAmand))
        return people
    }()

    static func cycleForm() -> [(String, String)] {
        [
            ("territoire", "200042190"), ("titre", "Maillage territorial de l'inclusion numérique"),
            ("objectif", "Co-construire le diagnostic territorial avec les acteurs."), ("debut", "2023-01-12"), ("fin", "2023-07-15"),
            ("organisateurs", "Les Assembleurs\nCommunauté d'Agglomération de la Porte du Hainaut"),
            ("animateurs", "Faustine Faure (Les Assembleurs)\nFédération des Centres Sociaux du Nord-Pas-de-Calais")
        ]
    }

    static func meetingForm(_ startsAt: String, venue: String = "Raismes") -> [(String, String)] {
        [
            ("debut", startsAt), ("lieu", venue), ("temps_0_titre", "L'inclusion numérique sur mon territoire"), ("temps_0_type", "diagnostic"),
            ("temps_0_duree", "60"), ("temps_1_titre", "Parcours usagers"), ("temps_1_type", "parcours")
        ] + tables.map { ("communes", $0.rawValue) }
    }

    /// A coordinator and an animateur of CAPH; returns the animateur's browser.
    static func animateur(_ site: TestSite) async throws -> Browser {
        try await site.account("coordination@caph.fr", [RoleGrant(role: .coordinateur, scope: .territory(.caph))!])
        try await site.account("animation@assembleurs.fr", [RoleGrant(role: .animateur, scope: .territory(.caph))!])
        var browser = try await site.signIn("animation@assembleurs.fr")
        _ = try await site.get("/cycles", as: &browser)
        return browser
    }

    /// Makes the cycle and its meetings through the forms; returns their ids.
    static func cycle(_ site: TestSite, _ browser: inout Browser, meetings: [String]) async throws -> (cycle: Int, meetings: [Int]) {
        let created = try await site.post("/cycles", cycleForm(), as: &browser)
        #expect(created.status == 302)
        let cycle = try #require(created.location.flatMap { Int($0.split(separator: "/").last ?? "") })
        var ids: [Int] = []
        for startsAt in meetings {
            let made = try await site.post("/cycles/\(cycle)/rencontres", meetingForm(startsAt), as: &browser)
            #expect(made.status == 302, "\(made.html)")
            ids.append(try #require(made.location.flatMap { Int($0.split(separator: "/").last ?? "") }))
        }
        return (cycle, ids)
    }

    /// A phone joining the open workshop with its code.
    static func phone(_ site: TestSite, code: String, name: String) async throws -> Browser {
        var phone = Browser()
        _ = try await site.get("/rejoindre?code=\(code)", as: &phone)
        let joined = try await site.post("/rejoindre", [("code", code.lowercased()), ("nom", name)], as: &phone)
        #expect(joined.status == 302, "\(name) could not join: \(joined.html)")
        return phone
    }

    static func open(_ site: TestSite, _ browser: inout Browser, meeting: Int) async throws -> String {
        let opened = try await site.post("/rencontres/\(meeting)/atelier/etat", [("etat", "ouvert")], as: &browser)
        #expect(opened.status == 302)
        return try #require(try await site.database.cycles.meeting(id: meeting)?.joinCode)
    }

    @Test(arguments: TestDatabases.available)
    func theSeedsSecondMeetingRunsEndToEndFromPhonesToTheReport(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup: the cycle of four meetings; the first one held and closed with two cards
            var animateur = try await Self.animateur(site)
            let (cycleID, meetings) = try await Self.cycle(
                site, &animateur, meetings: ["2023-01-12T09:30", "2023-02-02T09:30", "2023-04-15T09:30", "2023-06-20T14:00"])
            let first = try await Self.open(site, &animateur, meeting: meetings[0])
            var early = try await Self.phone(site, code: first, name: "Nadia")
            _ = try await site.get("/rencontres/\(meetings[0])/atelier", as: &early)
            _ = try await site.post(
                "/rencontres/\(meetings[0])/atelier",
                [
                    ("table", "59491"), ("type", "ressource"), ("texte", "Le CCAS accompagne les démarches"),
                    ("cle", "premiere-rencontre-1")
                ], as: &early)
            #expect(try await site.post("/rencontres/\(meetings[0])/atelier/etat", [("etat", "clos")], as: &animateur).status == 302)
            // Between the meetings, the coordinators register a missing place for Denain
            _ = try await site.database.missingPlaces.create(
                MissingPlace(
                    territory: .caph, commune: Self.denain, qpv: nil, services: [.accesInternetMateriel],
                    publics: [], needs: [.saturday], justification: "Rien le samedi à Denain",
                    origin: .byHand, createdAt: Date(), author: .commandLine))
            let second = meetings[1]
            // The participants, invited then present; two invited people did not come
            let absent = [
                Invitee(name: "Absent Un", structure: "Association X", profile: .acteurTerrain, commune: Self.denain),
                Invitee(name: "Absente Deux", structure: "", profile: .elu, commune: Self.raismes)
            ]
            for person in Self.people + absent {
                let added = try await site.post(
                    "/rencontres/\(second)/participants",
                    [
                        ("nom", person.name), ("structure", person.structure), ("profil", person.profile.rawValue),
                        ("commune", person.commune.rawValue), ("inscription", "invite")
                    ] + (person.named ? [("nom_public", "1")] : []),
                    as: &animateur)
                #expect(added.status == 302, "\(added.html)")
            }
            let invited = try await site.database.participants.all(meetingID: second)
            let present = invited.filter { !$0.name.hasPrefix("Absent") }.map { ("presents", "\($0.id)") }
            #expect(try await site.post("/rencontres/\(second)/presences", present, as: &animateur).status == 302)

            // Act: the workshop opens; 12 phones, 4 per table, each send 3 cards at once, and resend their last one
            let code = try await Self.open(site, &animateur, meeting: second)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for phoneNumber in 0..<12 {
                    group.addTask {
                        let table = Self.tables[phoneNumber % 3]
                        var phone = try await Self.phone(site, code: code, name: "Tél \(phoneNumber)")
                        _ = try await site.get("/rencontres/\(second)/atelier?table=\(table.rawValue)", as: &phone)
                        let kinds: [CardKind] = [.ressource, .lieuManquant, .partenariat]
                        var last: [(String, String)] = []
                        for (index, kind) in kinds.enumerated() {
                            last = [
                                ("table", table.rawValue), ("type", kind.rawValue), ("texte", "Carte \(index) du téléphone \(phoneNumber)"),
                                ("cle", "tel-\(phoneNumber)-carte-\(index)")
                            ]
                            let sent = try await site.post("/rencontres/\(second)/atelier", last, as: &phone)
                            #expect(sent.status == 302, "\(sent.html)")
                        }
                        let again = try await site.post("/rencontres/\(second)/atelier", last, as: &phone)
                        #expect(again.status == 302)
                    }
                }
                try await group.waitForAll()
            }
            // The animateurs hide an off-topic card and merge a duplicate
            let cards = try await site.database.workshop.cards(meetingID: second)
            let raismes = cards.filter { $0.table == Self.raismes && $0.kind == .ressource }
            _ = try await site.get("/rencontres/\(second)/atelier", as: &animateur)
            #expect(
                try await site.post("/rencontres/\(second)/atelier/cartes/\(raismes[0].id)", [("action", "masquer")], as: &animateur).status == 302)
            #expect(
                try await site.post(
                    "/rencontres/\(second)/atelier/cartes/\(raismes[1].id)", [("action", "fusionner"), ("dans", "\(raismes[2].id)")],
                    as: &animateur
                ).status == 302)
            let closed = try await site.post("/rencontres/\(second)/atelier/etat", [("etat", "clos")], as: &animateur)

            // Check: nothing lost, nothing duplicated
            #expect(closed.status == 302)
            #expect(cards.count == 36)
            #expect(Set(cards.map(\.clientKey)).count == 36)
            #expect(Self.tables.allSatisfy { table in cards.filter { $0.table == table }.count == 12 })
            #expect(cards.allSatisfy { $0.text.hasPrefix("Carte ") && $0.authorLabel.hasPrefix("Tél ") })
            // « La rencontre en chiffres » exactly as recorded
            let meeting = try #require(try await site.database.cycles.meeting(id: second))
            let figures = MeetingFigures(
                meeting: meeting, participants: try await site.database.participants.all(meetingID: second),
                cards: try await site.database.workshop.cards(meetingID: second))
            #expect(figures.participants == 20 && figures.animateurs == 3 && figures.invited == 25)
            #expect(figures.byProfile == [Tally(.acteurInclusion, 7), Tally(.acteurEloigne, 5), Tally(.acteurTerrain, 5), Tally(.elu, 3)])
            #expect(figures.structures == 22 && figures.communes == 3)
            #expect(figures.cards == 34 && figures.count(of: .partenariat) == 12 && figures.count(of: .lieuManquant) == 12)
            #expect(figures.byTable == [Tally(Self.saintAmand, 12), Tally(Self.denain, 12), Tally(Self.raismes, 10)])
            var visitor = Browser()
            let page = try await site.get("/rencontres/\(second)", as: &visitor)
            #expect(
                page.html.contains(
                    "20 participants, issus d&#39;horizons divers : 7 acteurs de l&#39;inclusion numérique, 5 acteurs éloignés du sujet, 5 acteurs de terrain et 3 élus"
                ))
            #expect(page.html.contains("3 animateurs") && page.html.contains("34 cartes"))
            // Names stay with the animateurs, but for the person who agreed
            #expect(!page.html.contains("Acteur numérique 1") && page.html.contains("Faustine Faure (Les Assembleurs)"))
            #expect(try await site.get("/rencontres/\(second)", as: &animateur).html.contains("Acteur numérique 1"))
            // The snapshot, and what changed since the first meeting
            let snapshot = try #require(try await site.database.snapshots.snapshot(meetingID: second))
            #expect(snapshot.cards.first { $0.key == .ressource }?.count == 10)
            #expect(snapshot.coverage.count == 47 * Need.all.count)
            let changes = try await site.get("/rencontres/\(second)/evolution", as: &visitor)
            #expect(changes.status == 200)
            #expect(changes.html.contains("Comparé à la rencontre n° 1"))
            #expect(changes.html.contains("inscrit au registre : Accès internet et matériel informatique, Ouverture le samedi (idée)"))
            // The compte-rendu, as a page and as an OpenDocument text
            let report = try await site.get("/rencontres/\(second)/compte-rendu", as: &visitor)
            #expect(report.html.contains("La rencontre en chiffres") && report.html.contains("Table de Saint-Amand-les-Eaux"))
            #expect(report.html.contains("Carte 2 du téléphone 1"))
            #expect(report.html.contains("La prochaine rencontre aura lieu le 15 avril 2023 à 9 h 30, Raismes."))
            #expect(!report.html.contains("Acteur numérique 1"))
            let odt = try await site.client.execute(uri: "/rencontres/\(second)/compte-rendu.odt", method: .get) { response in
                (response.status.code, response.headers[.contentType], Data(response.body.readableBytesView))
            }
            #expect(odt.0 == 200 && odt.1 == OpenDocumentText.mimeType)
            let content = try ZippedDocument(odt.2).text("content.xml")
            #expect(content.contains("Carte 2 du téléphone 1") && content.contains("20 participants"))
            // The commune's diagnostic shows what its table said, hidden and merged cards left out
            let diagnostic = try await site.get("/diagnostic/communes/59491", as: &visitor)
            #expect(
                diagnostic.html.contains(
                    "Carte 1 du téléphone 2 <span class=\"source\">— <a href=\"/rencontres/\(second)\">rencontre n° 2 du 2 février 2023</a>"))
            #expect(!diagnostic.html.contains(raismes[0].text) && !diagnostic.html.contains(raismes[1].text))
            // The cycle's report gathers its meetings
            let cycleReport = try await site.get("/cycles/\(cycleID)/compte-rendu", as: &visitor)
            #expect(cycleReport.html.components(separatedBy: "<article class=\"meeting-report\">").count == 5)
        }
    }

    @Test func aCardReachesAListeningBoardAndTheBoardWorksWithoutJavaScript() async throws {
        try await TestSite.with(configure: { $0.eventStreamLifetime = .milliseconds(1_500) }) { site in
            // Setup: an open workshop, a phone on it
            var animateur = try await Self.animateur(site)
            let (_, meetings) = try await Self.cycle(site, &animateur, meetings: ["2023-02-02T09:30"])
            let code = try await Self.open(site, &animateur, meeting: meetings[0])
            var phone = try await Self.phone(site, code: code, name: "Karim")
            let board = try await site.get("/rencontres/\(meetings[0])/atelier?table=59172", as: &phone)
            let version = try #require(try await site.database.cycles.version(meetingID: meetings[0]))
            // Act: the phone's board listens while the phone sends a card
            let cookies = phone.cookieHeader
            async let stream = site.client.execute(uri: "/rencontres/\(meetings[0])/atelier/flux", method: .get, headers: [.cookie: cookies]) {
                response in
                (response.headers[.contentType], String(buffer: response.body))
            }
            try await Task.sleep(for: .milliseconds(600))
            let sent = try await site.post(
                "/rencontres/\(meetings[0])/atelier",
                [("table", "59172"), ("type", "orientation"), ("texte", "Orienter vers la France services"), ("cle", "karim-0001")], as: &phone)
            let (type, events) = try await stream
            // Check: the stream told the change; the page shows the card by reloading, and offers the script as an extra
            #expect(sent.status == 302)
            #expect(type == "text/event-stream; charset=utf-8")
            #expect(events.contains("event: version\ndata: \(version)\n\n"))
            #expect(events.contains("event: version\ndata: \(version + 1)\n\n"))
            #expect(
                board.html.contains("<script src=\"/atelier.js\" defer>")
                    && board.html.contains("data-flux=\"/rencontres/\(meetings[0])/atelier/flux\""))
            let reloaded = try await site.get("/rencontres/\(meetings[0])/atelier", as: &phone)
            #expect(reloaded.html.contains("Orienter vers la France services"))
            let script = try await site.client.execute(uri: "/atelier.js", method: .get) { ($0.headers[.contentType], String(buffer: $0.body)) }
            #expect(script.0 == "text/javascript; charset=utf-8" && script.1.contains("EventSource"))
        }
    }

    @Test func aPassServesOnlyItsMeetingAndEndsWhenTheWorkshopCloses() async throws {
        try await TestSite.with { site in
            // Setup: two open meetings; a phone joined the first
            var animateur = try await Self.animateur(site)
            let (_, meetings) = try await Self.cycle(site, &animateur, meetings: ["2023-02-02T09:30", "2023-04-15T09:30"])
            let code = try await Self.open(site, &animateur, meeting: meetings[0])
            _ = try await Self.open(site, &animateur, meeting: meetings[1])
            var phone = try await Self.phone(site, code: code, name: "Léa")
            _ = try await site.get("/rencontres/\(meetings[1])/atelier", as: &phone)
            let card = [("table", "59172"), ("type", "ressource"), ("texte", "Ailleurs"), ("cle", "lea-ailleurs")]
            // Act: the phone writes to the other meeting, then to its own once closed
            let elsewhere = try await site.post("/rencontres/\(meetings[1])/atelier", card, as: &phone)
            _ = try await site.post("/rencontres/\(meetings[0])/atelier/etat", [("etat", "clos")], as: &animateur)
            let afterClose = try await site.post("/rencontres/\(meetings[0])/atelier", card, as: &phone)
            // Check: refused both times, nothing kept
            #expect(elsewhere.status == 401 && afterClose.status == 401)
            #expect(try await site.database.workshop.cards(meetingID: meetings[0]).isEmpty)
            #expect(try await site.database.workshop.cards(meetingID: meetings[1]).isEmpty)
        }
    }

    @Test(arguments: [
        ("texte", String(repeating: "x", count: 601)), ("texte", ""), ("table", "59000"), ("table", "abc"), ("lieu", "inconnu"),
        ("voisine", "99999"), ("persona", "inconnue"), ("cle", "court"), ("cle", "<script>alert(1)</script>")
    ])
    func aHostileCardIsRefusedWithItsFieldAndKeepsNothing(field: String, value: String) async throws {
        try await TestSite.with { site in
            // Setup
            var animateur = try await Self.animateur(site)
            let (_, meetings) = try await Self.cycle(site, &animateur, meetings: ["2023-02-02T09:30"])
            let code = try await Self.open(site, &animateur, meeting: meetings[0])
            var phone = try await Self.phone(site, code: code, name: "Test")
            _ = try await site.get("/rencontres/\(meetings[0])/atelier", as: &phone)
            var fields = ["table": "59172", "type": "ressource", "texte": "Une carte", "cle": "cle-valable-1"]
            fields[field] = value
            // Act
            let sent = try await site.post("/rencontres/\(meetings[0])/atelier", fields.sorted { $0.key < $1.key }, as: &phone)
            // Check
            #expect([400, 422].contains(sent.status), "\(field)=\(value) → \(sent.status)")
            #expect(!sent.html.contains("<script>alert(1)</script>"))
            #expect(try await site.database.workshop.cards(meetingID: meetings[0]).isEmpty)
        }
    }

    @Test func hostileTextIsShownAsTextOnTheBoardTheMeetingAndTheReport() async throws {
        try await TestSite.with { site in
            // Setup
            var animateur = try await Self.animateur(site)
            let hostile = "<img src=x onerror=alert(1)>\"'&"
            let (_, meetings) = try await Self.cycle(site, &animateur, meetings: ["2023-02-02T09:30"])
            _ = try await site.post(
                "/rencontres/\(meetings[0])/participants",
                [
                    ("nom", hostile), ("structure", hostile), ("profil", "elu"), ("nom_public", "1"),
                    ("present", "1")
                ], as: &animateur)
            let code = try await Self.open(site, &animateur, meeting: meetings[0])
            var phone = try await Self.phone(site, code: code, name: hostile)
            _ = try await site.get("/rencontres/\(meetings[0])/atelier", as: &phone)
            // Act
            let sent = try await site.post(
                "/rencontres/\(meetings[0])/atelier", [("table", "59172"), ("type", "ressource"), ("texte", hostile), ("cle", "hostile-1")],
                as: &phone)
            var visitor = Browser()
            let pages = [
                try await site.get("/rencontres/\(meetings[0])/atelier", as: &animateur).html,
                try await site.get("/rencontres/\(meetings[0])", as: &visitor).html,
                try await site.get("/rencontres/\(meetings[0])/compte-rendu", as: &visitor).html
            ]
            // Check
            #expect(sent.status == 302)
            for html in pages {
                #expect(!html.contains("<img src=x"))
                #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
            }
        }
    }

    /// A form, the field changed in it, the value sent, and what the page must say.
    static let hostileForms: [(form: String, field: String, value: String, says: String)] = [
        ("cycle", "titre", "", "Titre : un titre de 1 à 200 caractères"),
        ("cycle", "titre", String(repeating: "t", count: 201), "Titre : un titre de 1 à 200 caractères"),
        ("cycle", "debut", "2023-13-45", "Début : une date (AAAA-MM-JJ)"),
        ("cycle", "fin", "2022-12-01", "Fin : une date de fin après la date de début"),
        ("cycle", "organisateurs", (1...13).map { "Structure \($0)" }.joined(separator: "\n"), "Structures organisatrices : au plus 12 noms"),
        ("rencontre", "debut", "demain matin", "Date et heure : une date et une heure"),
        ("rencontre", "lieu", String(repeating: "l", count: 301), "Lieu : un lieu de l&#39;annuaire ou une adresse de 300 caractères au plus"),
        ("rencontre", "lieu_id", "inconnu", "Lieu de l&#39;annuaire : l&#39;identifiant d&#39;un lieu de l&#39;annuaire"),
        ("rencontre", "communes", "75056", "Communes des tables : des communes du territoire"),
        ("rencontre", "communes", "<b>", "Communes des tables : des codes INSEE"),
        ("rencontre", "temps_0_duree", "1000", "Durée : une durée de 5 à 480 minutes"),
        ("participant", "nom", "", "Nom : un nom ou un prénom de 1 à 80 caractères"),
        ("participant", "nom", String(repeating: "n", count: 81), "Nom : un nom ou un prénom de 1 à 80 caractères"),
        ("participant", "commune", "<script>", "Commune : un code INSEE"),
        ("participant", "profil", "roi", "« profil » attend")
    ]

    @Test(arguments: hostileForms)
    func aHostileCycleMeetingOrParticipantFormIsRefusedWithItsFieldAndChangesNothing(
        form: String, field: String, value: String, says: String
    ) async throws {
        try await TestSite.with { site in
            // Setup: a cycle with one meeting; the form as an animateur would send it, one field changed
            var animateur = try await Self.animateur(site)
            let (cycle, meetings) = try await Self.cycle(site, &animateur, meetings: ["2023-02-02T09:30"])
            let (uri, fields): (String, [(String, String)]) =
                switch form {
                case "cycle": ("/cycles", Self.cycleForm())
                case "rencontre": ("/cycles/\(cycle)/rencontres", Self.meetingForm("2023-04-15T09:30"))
                default:
                    ("/rencontres/\(meetings[0])/participants", [("nom", "Nadia"), ("structure", "CCAS"), ("profil", "elu"), ("commune", "59491")])
                }
            let sent = fields.filter { $0.0 != field } + [(field, value)]
            let before = try await AccessTests.snapshot(site.database)
            // Act
            let result = try await site.post(uri, sent, as: &animateur)
            // Check: refused with the field named, nothing stored
            #expect([400, 422].contains(result.status), "\(form) \(field) → \(result.status)")
            #expect(result.html.contains(says), "\(form) \(field): \(result.html.prefix(0))")
            #expect(try await AccessTests.snapshot(site.database) == before)
        }
    }

    @Test func guessingJoinCodesIsSlowedDown() async throws {
        try await TestSite.with { site in
            // Setup: nobody has a code
            var phone = Browser()
            _ = try await site.get("/rejoindre", as: &phone)
            // Act: 51 wrong codes from one address
            var statuses: [Int] = []
            for attempt in 0..<51 {
                statuses.append(try await site.post("/rejoindre", [("code", "ABCDE\(attempt % 9 + 1)"), ("nom", "X")], as: &phone).status)
            }
            // Check: wrong codes are told as such, then the address waits
            #expect(statuses.prefix(50).allSatisfy { $0 == 422 })
            #expect(statuses.last == 429)
            #expect(try await site.database.cycles.all(territory: .caph).isEmpty)
        }
    }
}
