import Foundation
import HTTPTypes
import Hummingbird
import MaillageCore
import MaillageImport
import MaillageStorage
import MaillageTestSupport
import SQLKit
@testable import MaillageWeb
import Testing

/// A second factor that holds: a reset link opens no session without the code, turning it off asks one, recovery codes
/// serve once, and a coordinator resets only the accounts whose roles they hold themselves. Also the account pages'
/// own inputs: the return address after signing in, the links' host, the messages of `/compte`.
@Suite("Second factor, recovery codes and reset links", .serialized)
struct SecondFactorTests {
    static let coordinator = RoleGrant(role: .coordinateur, scope: .territory(.caph))!

    /// What any refused request must leave as it was, accounts' secrets included: the shared snapshot, then every
    /// account's password hash and second factor, the sessions, the links (used or not), the recovery codes, the journal.
    static func snapshot(_ db: AppDatabase) async throws -> String {
        func rows(_ table: String, _ columns: [String]) async throws -> [String] {
            try await db.sql.select().columns(columns.map { SQLColumn($0) }).from(table).all().map { row in
                try columns.map { column in try row.decodeNil(column: column) ? "∅" : "\(try row.decode(column: column, as: String.self))" }
                    .joined(separator: ",")
            }.sorted()
        }
        let accounts = try await rows("accounts", ["id", "password_hash", "totp_secret", "password_changed_at"])
        let steps = try await db.sql.select().column("totp_last_step").from("accounts").all().map {
            try $0.decode(column: "totp_last_step", as: Int?.self)
        }
        let sessions = try await rows("sessions", ["token_hash"])
        let links = try await rows("one_time_links", ["token_hash", "used_at"])
        let codes = try await rows("recovery_codes", ["account_id", "code_hash", "used_at"])
        let journal = try await db.audit.events(.init()).map { "\($0.action):\($0.objectID)" }
        return "\(try await AccessTests.snapshot(db))|\(accounts)|\(steps)|\(sessions)|\(links)|\(codes)|\(journal)"
    }

    /// Turns the second factor on for an account, with recovery codes, as the account page does; returns the codes.
    static func enrol(_ site: TestSite, _ id: Int) async throws -> [String] {
        let (accounts, codes) = (site.database.accounts, site.database.recoveryCodes)
        return try await site.database.transaction { db in
            try await accounts.setSecondFactor(secret: AccessTests.secret, for: id, on: db)
            return try await codes.replace(for: id, now: Date(), on: db)
        }
    }

    /// A reset link made by `maker` for the account `target`; returns its path.
    static func resetLink(_ site: TestSite, by maker: inout Browser, for target: Int) async throws -> String {
        let made = try await site.post("/comptes/\(target)/reinitialisation", [], as: &maker)
        return String(try #require(made.html.firstMatch(of: /\/reinitialisation\/[A-Za-z0-9_-]{43}/)).0)
    }

    static func sessions(of id: Int, _ db: AppDatabase) async throws -> Int {
        try await db.sql.select().column("token_hash").from("sessions").where("account_id", .equal, SQLBind(id)).all().count
    }

    @Test(arguments: TestDatabases.available)
    func aResetLinkForAnAccountWithASecondFactorOpensNoSessionWithoutTheCode(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup: Camille, a coordinator, has a second factor; Bruno, coordinator of the same territory, makes her a reset link
            let camille = try await site.account("camille@caph.fr", [Self.coordinator])
            try await site.account("bruno@caph.fr", [Self.coordinator])
            _ = try await Self.enrol(site, camille)
            var bruno = try await site.signIn("bruno@caph.fr")
            let link = try await Self.resetLink(site, by: &bruno, for: camille)
            let newPassword = "une toute nouvelle phrase de passe"
            let fields = [("nouveau", newPassword), ("confirmation", newPassword)]
            // Act: whoever holds the link chooses a password, without the code, then with a wrong one
            var holder = Browser()
            let form = try await site.get(link, as: &holder)
            let before = try await Self.snapshot(site.database)
            let withoutCode = try await site.post(link, fields, as: &holder)
            let wrongCode = try await site.post(link, fields + [("code", "000000")], as: &holder)
            let after = try await Self.snapshot(site.database)
            // Check: the form asks the code; both refused, no session for Camille, nothing in the journal but the link, the link still usable
            #expect(form.status == 200 && form.html.contains("name=\"code\""))
            #expect(withoutCode.status == 401 && wrongCode.status == 401)
            #expect(holder.cookies["maillage_session"] == nil)
            #expect(try await Self.sessions(of: camille, site.database) == 0)
            #expect(after == before)
            #expect(!(try await site.database.audit.events(.init()).map(\.action).contains("mot de passe réinitialisé")))
            // Act / check: with the code of the app the password is set and a session opens; the link then serves no more
            let withCode = try await site.post(link, fields + [("code", AccessTests.code(AccessTests.secret))], as: &holder)
            #expect(withCode.status == 302 && holder.cookies["maillage_session"] != nil)
            #expect(try await Self.sessions(of: camille, site.database) == 1)
            var late = Browser()
            #expect(try await site.get(link, as: &late).status == 410)
            #expect(try await site.database.audit.events(.init()).map(\.action).contains("mot de passe réinitialisé"))
        }
    }

    @Test(arguments: TestDatabases.available)
    func aResetLinkWhoseMakerMayNoLongerMakeItOpensNothing(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup: Bruno, coordinator, makes a reset link for Camille, animatrice; then Bruno is no longer coordinator
            let camille = try await site.account("camille@caph.fr", [RoleGrant(role: .animateur, scope: .territory(.caph))!])
            let brunoID = try await site.account("bruno@caph.fr", [Self.coordinator])
            var bruno = try await site.signIn("bruno@caph.fr")
            let link = try await Self.resetLink(site, by: &bruno, for: camille)
            try await site.database.sql.delete(from: "role_grants").where("account_id", .equal, SQLBind(brunoID)).run()
            let newPassword = "une toute nouvelle phrase de passe"
            // Act: whoever holds the link opens it, and sends a new password with a form token of another page
            var holder = Browser()
            let form = try await site.get(link, as: &holder)
            _ = try await site.get("/connexion", as: &holder)
            let before = try await Self.snapshot(site.database)
            let sent = try await site.post(link, [("nouveau", newPassword), ("confirmation", newPassword)], as: &holder)
            // Check: both say the link is no longer valid and why; nothing changed, no session; the old password still works
            #expect(form.status == 410 && form.html.contains("la personne qui l&#39;a fait n&#39;en a plus le droit"))
            #expect(sent.status == 410)
            #expect(try await Self.snapshot(site.database) == before)
            #expect(holder.cookies["maillage_session"] == nil)
            _ = try await site.signIn("camille@caph.fr")
        }
    }

    @Test(arguments: TestDatabases.available)
    func theLinksOfADeletedMakerAndTheInvitationOfASenderWhoLostTheRoleOpenNothing(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup: Bruno makes Camille a reset link and invites Nadia; Aline, coordinator too, invites Sami
            let camille = try await site.account("camille@caph.fr", [RoleGrant(role: .animateur, scope: .territory(.caph))!])
            let brunoID = try await site.account("bruno@caph.fr", [Self.coordinator])
            let alineID = try await site.account("aline@caph.fr", [Self.coordinator])
            var bruno = try await site.signIn("bruno@caph.fr"), aline = try await site.signIn("aline@caph.fr")
            let reset = try await Self.resetLink(site, by: &bruno, for: camille)
            func invite(_ email: String, by browser: inout Browser) async throws -> String {
                _ = try await site.get("/invitations", as: &browser)
                let made = try await site.post("/invitations", [("email", email), ("role", "participant"), ("territoire", "200042190")], as: &browser)
                return String(try #require(made.html.firstMatch(of: /\/invitation\/[A-Za-z0-9_-]{43}/)).0)
            }
            let nadia = try await invite("nadia@exemple.fr", by: &bruno), sami = try await invite("sami@exemple.fr", by: &aline)
            // Act: Bruno's account is deleted; Aline is no longer coordinator; then the three links are followed
            try await AccountAdministration(database: site.database, policy: AccessPolicy()).deleteAccount(brunoID, by: .commandLine)
            try await site.database.sql.delete(from: "role_grants").where("account_id", .equal, SQLBind(alineID)).run()
            var holder = Browser()
            let opened = [try await site.get(reset, as: &holder).status, try await site.get(nadia, as: &holder).status]
            _ = try await site.get("/connexion", as: &holder)
            let before = try await Self.snapshot(site.database)
            let accepted = try await site.post(sami, [("nom", "Sami"), ("nouveau", testPassword), ("confirmation", testPassword)], as: &holder)
            // Check: Bruno's links are gone, Aline's invitation gives nothing and says why; nothing changed
            #expect(opened == [410, 410])
            #expect(accepted.status == 410 && accepted.html.contains("n&#39;en a plus le droit"))
            #expect(try await Self.snapshot(site.database) == before)
            #expect(try await site.database.accounts.find(email: "sami@exemple.fr") == nil)
        }
    }

    @Test func guessingTheCodeOfAResetLinkIsThrottledLikeASignIn() async throws {
        try await TestSite.with { site in
            // Setup: a reset link for Camille, who has a second factor
            let camille = try await site.account("camille@caph.fr", [Self.coordinator])
            try await site.account("bruno@caph.fr", [Self.coordinator])
            _ = try await Self.enrol(site, camille)
            var bruno = try await site.signIn("bruno@caph.fr")
            let link = try await Self.resetLink(site, by: &bruno, for: camille)
            var holder = Browser()
            _ = try await site.get(link, as: &holder)
            let password = "une toute nouvelle phrase de passe"
            let fields = [("nouveau", password), ("confirmation", password)]
            // Act: five wrong codes, then the right one
            var statuses: [Int] = []
            for guess in 0..<5 { statuses.append(try await site.post(link, fields + [("code", String(format: "%06d", guess))], as: &holder).status) }
            let right = try await site.post(link, fields + [("code", AccessTests.code(AccessTests.secret))], as: &holder)
            // Check: after five failures even the right code waits; no session, the link not used
            #expect(statuses == [401, 401, 401, 401, 401] && right.status == 429)
            #expect(try await Self.sessions(of: camille, site.database) == 0 && holder.cookies["maillage_session"] == nil)
            var later = Browser()
            #expect(try await site.get(link, as: &later).status == 200)
        }
    }

    @Test func turningTheSecondFactorOffAsksACodeBesidesThePassword() async throws {
        try await TestSite.with { site in
            // Setup: Camille signs in with her code
            let camille = try await site.account("camille@caph.fr", [Self.coordinator])
            _ = try await Self.enrol(site, camille)
            var browser = Browser()
            _ = try await site.get("/connexion", as: &browser)
            let signedIn = try await site.post(
                "/connexion",
                [
                    ("email", "camille@caph.fr"), ("mot_de_passe", testPassword),
                    ("code", AccessTests.code(AccessTests.secret))
                ], as: &browser)
            #expect(signedIn.status == 302)
            _ = try await site.get("/compte", as: &browser)
            let before = try await Self.snapshot(site.database)
            // Act: the password alone, then the password and a wrong code; or a key of one's own put in place of the active one
            let passwordOnly = try await site.post("/compte/second-facteur/desactiver", [("mot_de_passe", testPassword)], as: &browser)
            let wrongCode = try await site.post(
                "/compte/second-facteur/desactiver", [("mot_de_passe", testPassword), ("code", "123456")], as: &browser)
            let otherKey = "BBBBBBBBBBBBBBBBBBBB"
            let replaced = try await site.post("/compte/second-facteur", [("secret", otherKey), ("code", AccessTests.code(otherKey))], as: &browser)
            // Check: refused, the second factor and its codes untouched
            #expect(passwordOnly.status == 401 && wrongCode.status == 401 && replaced.status == 409)
            #expect(try await Self.snapshot(site.database) == before)
            #expect(try await site.database.accounts.find(id: camille)?.hasSecondFactor == true)
            // Act / check: with the next code it goes, and its recovery codes with it
            let off = try await site.post(
                "/compte/second-facteur/desactiver",
                [
                    ("mot_de_passe", testPassword),
                    ("code", AccessTests.code(AccessTests.secret, at: Date() + 30))
                ], as: &browser)
            #expect(off.status == 302 && off.location == "/compte?message=second-facteur-desactive")
            #expect(try await site.database.accounts.find(id: camille)?.hasSecondFactor == false)
            #expect(try await site.database.recoveryCodes.remaining(for: camille) == 0)
        }
    }

    @Test func theResetRuleComparesRolesAndScopes() {
        // Setup: a coordinator of CAPH who is also a member of one structure there
        let policy = AccessPolicy(territoryOfStructure: { ["france-services-1": .caph, "ccas-denain": .caph][$0] })
        let coordinator = Actor(
            accountID: 1, name: "C", grants: [Self.coordinator, RoleGrant(role: .membre, scope: .structure("france-services-1"))!])
        func grant(_ role: Role, _ scope: Scope) -> RoleGrant { RoleGrant(role: role, scope: scope)! }
        // Act / check: roles they hold or include, in their territory, yes
        #expect(policy.allows(coordinator, .resetPassword(of: [grant(.participant, .territory(.caph))])))
        #expect(policy.allows(coordinator, .resetPassword(of: [grant(.animateur, .territory(.caph)), Self.coordinator])))
        #expect(policy.allows(coordinator, .resetPassword(of: [grant(.membre, .structure("france-services-1"))])))
        // ... a member of a structure they are not a member of (its orientations), a role elsewhere, an administrator: never
        #expect(!policy.allows(coordinator, .resetPassword(of: [grant(.membre, .structure("ccas-denain"))])))
        #expect(!policy.allows(coordinator, .resetPassword(of: [grant(.participant, .territory(.caph)), grant(.membre, .structure("ccas-denain"))])))
        #expect(!policy.allows(coordinator, .resetPassword(of: [grant(.participant, .territory(AccessTests.other))])))
        #expect(!policy.allows(coordinator, .resetPassword(of: [.administrator, grant(.participant, .territory(.caph))])))
        #expect(!policy.allows(coordinator, .resetPassword(of: [])))
        // ... and an animateur resets nobody
        let animateur = Actor(accountID: 2, name: "A", grants: [grant(.animateur, .territory(.caph))])
        #expect(!policy.allows(animateur, .resetPassword(of: [grant(.participant, .territory(.caph))])))
    }

    @Test(arguments: TestDatabases.available)
    func aCoordinatorsResetLinkForSomeoneWithARoleTheyLackIsRefusedAndChangesNothing(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup: a member of a CAPH structure (who is also a participant), a coordinator of CAPH and of the neighbour
            let fixture = try await OfferFixture.denainPlace(site.database)
            let member = try await site.account(
                "membre@caph.fr",
                [
                    RoleGrant(role: .membre, scope: .structure(fixture.structureID))!,
                    RoleGrant(role: .participant, scope: .territory(.caph))!
                ])
            let neighbour = try await site.account(
                "voisine@exemple.fr",
                [
                    RoleGrant(role: .coordinateur, scope: .territory(AccessTests.other))!,
                    RoleGrant(role: .participant, scope: .territory(.caph))!
                ])
            try await site.account("bruno@caph.fr", [Self.coordinator])
            var bruno = try await site.signIn("bruno@caph.fr")
            let before = try await Self.snapshot(site.database)
            // Act
            let forMember = try await site.post("/comptes/\(member)/reinitialisation", [], as: &bruno)
            let forNeighbour = try await site.post("/comptes/\(neighbour)/reinitialisation", [], as: &bruno)
            // Check: refused, no link, nothing in the journal
            #expect(forMember.status == 403 && forNeighbour.status == 403)
            #expect(!forMember.html.contains("/reinitialisation/"))
            #expect(try await Self.snapshot(site.database) == before)
        }
    }

    @Test(arguments: TestDatabases.available)
    func recoveryCodesAreShownOnceStoredHashedAndServeOnceEach(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup: Camille turns the second factor on from her account
            let camille = try await site.account("camille@caph.fr", [Self.coordinator])
            var browser = try await site.signIn("camille@caph.fr")
            let form = try await site.get("/compte/second-facteur", as: &browser)
            let secret = String(try #require(form.html.firstMatch(of: /name="secret" value="([A-Z2-7]{20})"/)?.1))
            // Act
            let enrolled = try await site.post("/compte/second-facteur", [("secret", secret), ("code", AccessTests.code(secret))], as: &browser)
            let codes = enrolled.html.matches(of: /<code>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})<\/code>/).map { String($0.1) }
            let account = try await site.get("/compte", as: &browser)
            let stored = try await site.database.sql.select().column("code_hash").from("recovery_codes")
                .where("account_id", .equal, SQLBind(camille)).all(decodingColumn: "code_hash", as: String.self)
            // Check: ten different codes shown once; the table keeps only hashes; the account page counts them
            #expect(enrolled.status == 200 && codes.count == 10 && Set(codes).count == 10)
            #expect(!codes.contains { account.html.contains($0) })
            #expect(account.html.contains("10 codes de secours inutilisés"))
            #expect(stored.count == 10 && stored.allSatisfy { $0.wholeMatch(of: /[0-9a-f]{64}/) != nil })
            #expect(!stored.contains { hash in codes.contains { hash.contains($0) || hash.contains($0.replacingOccurrences(of: "-", with: "")) } })
            // Act / check: a code signs in once (in capitals, without dashes too), never twice
            var phoneLost = Browser()
            _ = try await site.get("/connexion", as: &phoneLost)
            let fields = [("email", "camille@caph.fr"), ("mot_de_passe", testPassword)]
            let typed = codes[0].uppercased().replacingOccurrences(of: "-", with: " ")
            #expect(try await site.post("/connexion", fields + [("code", typed)], as: &phoneLost).status == 302)
            var again = Browser()
            _ = try await site.get("/connexion", as: &again)
            #expect(try await site.post("/connexion", fields + [("code", codes[0])], as: &again).status == 401)
            #expect(again.cookies["maillage_session"] == nil)
            // ... another serves at a reset, and yet another turns the second factor off
            try await site.account("bruno@caph.fr", [Self.coordinator])
            var bruno = try await site.signIn("bruno@caph.fr")
            let link = try await Self.resetLink(site, by: &bruno, for: camille)
            var holder = Browser()
            _ = try await site.get(link, as: &holder)
            let password = "une toute nouvelle phrase de passe"
            let reset = try await site.post(link, [("nouveau", password), ("confirmation", password), ("code", codes[1])], as: &holder)
            #expect(reset.status == 302)
            #expect(try await site.get("/compte", as: &holder).html.contains("8 codes de secours inutilisés"))
            let off = try await site.post("/compte/second-facteur/desactiver", [("mot_de_passe", password), ("code", codes[2])], as: &holder)
            #expect(off.status == 302)
            #expect(try await site.database.accounts.find(id: camille)?.hasSecondFactor == false)
            // Check: every use and the generation are in the journal
            let journal = try await site.database.audit.events(.init()).map(\.action)
            #expect(journal.filter { $0 == "code de secours utilisé" }.count == 3)
            #expect(journal.contains("codes de secours générés"))
        }
    }

    @Test func newRecoveryCodesAskACodeAndReplaceTheOldOnes() async throws {
        try await TestSite.with { site in
            // Setup
            let camille = try await site.account("camille@caph.fr", [Self.coordinator])
            let old = try await Self.enrol(site, camille)
            var browser = Browser()
            _ = try await site.get("/connexion", as: &browser)
            _ = try await site.post("/connexion", [("email", "camille@caph.fr"), ("mot_de_passe", testPassword), ("code", old[0])], as: &browser)
            _ = try await site.get("/compte", as: &browser)
            let before = try await Self.snapshot(site.database)
            // Act: without a code, then with one
            let refused = try await site.post("/compte/codes-de-secours", [("code", "")], as: &browser)
            let afterRefusal = try await Self.snapshot(site.database)
            let renewed = try await site.post("/compte/codes-de-secours", [("code", AccessTests.code(AccessTests.secret))], as: &browser)
            // Check: refused changes nothing; the new page shows ten new codes, never cached; the old ones are gone
            #expect(refused.status == 401 && afterRefusal == before)
            let codes = renewed.html.matches(of: /<code>([a-z2-9-]{19})<\/code>/).map { String($0.1) }
            #expect(renewed.status == 200 && codes.count == 10 && Set(codes).isDisjoint(with: old))
            #expect(try await site.database.recoveryCodes.remaining(for: camille) == 10)
            #expect(try await !site.database.recoveryCodes.isUnused(old[1], for: camille))
            #expect(try await site.database.recoveryCodes.isUnused(codes[0], for: camille))
            #expect(try await site.database.audit.events(.init()).map(\.action).contains("codes de secours générés"))
        }
    }

    @Test(arguments: [
        "/\t/pirate.example", "/%09/pirate.example", "//pirate.example", "/\\pirate.example", "%2F%2Fpirate.example",
        "/%2F/pirate.example", "/%5Cpirate.example", "/ /pirate.example", "/\n/pirate.example", "https://pirate.example",
        "/\u{FF0F}pirate.example", "/%E3%80%80/pirate.example"
    ])
    func aReturnAddressABrowserCouldReadAsAnotherHostIsRefused(returnTo: String) async throws {
        // Check: the rule alone
        #expect(AccountController.safeReturn(returnTo) == nil)
        #expect(AccountController.safeReturn("/personas?territoire=200042190") == "/personas?territoire=200042190")
        try await TestSite.with { site in
            // Setup
            try await site.account("animatrice@caph.fr", [RoleGrant(role: .animateur, scope: .territory(.caph))!])
            var browser = Browser()
            _ = try await site.get("/connexion", as: &browser)
            // Act: signing in with the return address, as a form field
            let signedIn = try await site.post(
                "/connexion", [("email", "animatrice@caph.fr"), ("mot_de_passe", testPassword), ("retour", returnTo)],
                as: &browser)
            // Check: sent to the account page, never elsewhere
            #expect(signedIn.status == 302 && signedIn.location == "/compte")
        }
    }

    @Test func theLinksGivenAreMadeFromTheConfigurationNeverFromTheRequestsHost() async throws {
        try await TestSite.with(configure: {
            $0.hostname = "maillage.exemple.fr"; $0.port = 8443
        }) { site in
            // Setup
            try await site.account("bruno@caph.fr", [Self.coordinator])
            var bruno = try await site.signIn("bruno@caph.fr")
            // Act: an invitation asked with a forged Host header
            let made = try await site.post(
                "/invitations", [("email", "nouvelle@exemple.fr"), ("role", "participant"), ("territoire", "200042190")],
                as: &bruno, headers: [HTTPField.Name("Host")!: "pirate.example"])
            // Check: the link is the configured address's
            #expect(made.status == 200)
            #expect(made.html.contains("value=\"http://maillage.exemple.fr:8443/invitation/"))
            #expect(!made.html.contains("pirate.example") && !made.html.contains("http://localhost"))
        }
    }

    @Test(arguments: ["<script>alert(1)</script>", "Votre compte est suspendu : appelez le 0899 000 000", "mot-de-passe-change"])
    func theAccountPageShowsOnlyItsOwnMessages(message: String) async throws {
        try await TestSite.with { site in
            // Setup
            try await site.account("animatrice@caph.fr", [RoleGrant(role: .animateur, scope: .territory(.caph))!])
            var browser = try await site.signIn("animatrice@caph.fr")
            // Act
            let page = try await site.get("/compte?message=\(URLQuery.component(message))", as: &browser)
            // Check: a key of the site shows its text; anything else shows nothing
            #expect(page.status == 200)
            #expect(!page.html.contains(message) && !page.html.contains("alert(1)") && !page.html.contains("0899"))
            #expect(page.html.contains("role=\"status\"") == (message == "mot-de-passe-change"))
            #expect(page.html.contains(AccountMessage.passwordChanged.text) == (message == "mot-de-passe-change"))
        }
    }

    @Test func anInvitationCannotChooseThePasswordOfAnAccountThatAwaitsItsOwnLink() async throws {
        try await TestSite.with { site in
            // Setup: an administrator made at the command line, who has not yet followed their link; a coordinator
            // invites that e-mail as a participant (the invitation's link is shown to the coordinator)
            let accounts = site.database.accounts
            try await site.database.transaction { db in
                let admin = try await accounts.create(email: "admin@caph.fr", name: "Administratrice", now: Date(), on: db)
                _ = try await accounts.grant(RoleGrant(role: .administrateur, scope: .instance)!, to: admin.id, now: Date(), on: db)
            }
            try await site.account("coordinatrice@caph.fr", [Self.coordinator])
            var coordinator = try await site.signIn("coordinatrice@caph.fr")
            _ = try await site.get("/invitations", as: &coordinator)
            let made = try await site.post(
                "/invitations", [("email", "admin@caph.fr"), ("role", "participant"), ("territoire", "200042190")],
                as: &coordinator)
            let link = String(try #require(made.html.firstMatch(of: /\/invitation\/([A-Za-z0-9_-]{43})/)).0)
            let before = try await Self.snapshot(site.database)
            // Act: the coordinator follows the invitation to choose the administrator's password
            let form = try await site.get(link, as: &coordinator)
            let taken = try await site.post(link, [("nouveau", testPassword), ("confirmation", testPassword)], as: &coordinator)
            // Check: refused, no session, the database as it was
            #expect(form.status == 403 && taken.status == 403)
            #expect(try await Self.snapshot(site.database) == before)
        }
    }
}
