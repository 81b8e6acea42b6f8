import Foundation
import HTTPTypes
import HummingbirdBcrypt
import MaillageCore
import MaillageStorage
import MaillageTestSupport
import NIOCore
@testable import MaillageWeb
import SQLKit
import Testing

/// Guesses sent all at once, as an attacker would: each attempt is counted before its check, so the throttle's
/// allowance holds however many arrive together; the password queue is bounded; error reports are limited.
@Suite("Throttles that cannot be raced", .serialized)
struct ThrottleRaceTests {
    static let animatrice = "animatrice@caph.fr"

    @Test(arguments: TestDatabases.available)
    func twoHundredParallelWrongPasswordsForOneEmailAreCheckedAtMostFiveTimes(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup
            try await site.account(Self.animatrice, [RoleGrant(role: .animateur, scope: .territory(.caph))!])
            let browser = try await Self.signInForm(site)
            // Act: 200 wrong passwords at once
            let statuses = try await Self.parallelSignIns(site, browser, (0..<200).map { (Self.animatrice, "mauvais essai numéro \($0)") })
            // Check: five checked (refused with 401), the others refused before any check; no session
            #expect(statuses.filter { $0 == 401 }.count == 5 && statuses.filter { $0 == 429 }.count == 195, "\(statuses.sorted())")
            #expect(try await Self.refusedSignIns(site) == 5)
            #expect(try await Self.sessionCount(site) == 0)
        }
    }

    @Test(arguments: TestDatabases.available)
    func aBurstOfThirtyGuessesWithTheRightPasswordLastDoesNotSignIn(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup: a hash slow enough that the checks are still running when the last guess arrives
            let id = try await site.account(Self.animatrice, [RoleGrant(role: .animateur, scope: .territory(.caph))!])
            let slowHash = Bcrypt.hash(testPassword, cost: 11)
            let accounts = site.database.accounts
            try await site.database.transaction { db in try await accounts.setPassword(hash: slowHash, for: id, now: Date(), on: db) }
            let browser = try await Self.signInForm(site)
            // Act: 29 wrong guesses at once, the right password a moment later, while they are being checked
            async let wrong = Self.parallelSignIns(site, browser, (0..<29).map { (Self.animatrice, "mauvais essai numéro \($0)") })
            // … once the allowance is counted, whatever the machine's load (the checks themselves take longer)
            let counted = { (sql: any SQLDatabase) in
                try await sql.raw("SELECT MAX(attempts) AS n FROM attempt_counters WHERE counter_key LIKE 'compte:%'").first()?.decode(
                    column: "n", as: Int?.self) ?? 0
            }
            // The fifth was counted after the start of the last reading that saw fewer (none: before the first one).
            let clock = ContinuousClock()
            var fifthCounted: ContinuousClock.Instant?
            for _ in 0..<200 {
                let reading = clock.now
                if try await counted(site.database.sql) >= AttemptThrottle.personRule.free { break }
                fifthCounted = reading
                try await Task.sleep(for: .milliseconds(50))
            }
            var last = browser
            let right = try await site.post("/connexion", [("email", Self.animatrice), ("mot_de_passe", testPassword)], as: &last)
            let rightWithinTheWait = fifthCounted.map { clock.now - $0 < .seconds(AttemptThrottle.personRule.firstWait) } ?? false
            let statuses = try await wrong
            let burstWithinTheWait = fifthCounted.map { clock.now - $0 < .seconds(AttemptThrottle.personRule.firstWait) } ?? false
            // Check: the right password came within the wait that follows the allowance: refused unchecked, no session.
            // (A machine too busy to answer within that wait lets the rule check one more, which is not a race.)
            let sessions = try await Self.sessionCount(site)
            if rightWithinTheWait {
                #expect(right.status == 429 && right.html.contains("Trop de tentatives"))
                #expect(last.cookies["maillage_session"] == nil && sessions == 0)
            }
            let checked = statuses.filter { $0 == 401 }.count
            #expect(burstWithinTheWait ? checked == 5 : (5...6).contains(checked), "\(checked) checked")
        }
    }

    @Test(arguments: TestDatabases.available)
    func twoHundredParallelAttemptsFromOneAddressAreCheckedAtMostFifty(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind, configure: { $0.passwordQueueLimit = 300 }) { site in
            // Setup
            let browser = try await Self.signInForm(site)
            // Act: 200 different e-mails from one address, at once
            let statuses = try await Self.parallelSignIns(site, browser, (0..<200).map { ("personne\($0)@caph.fr", "mauvais essai") })
            // Check: the address's allowance of 50 checks, not one more
            #expect(statuses.filter { $0 == 401 }.count == 50 && statuses.filter { $0 == 429 }.count == 150, "\(statuses.sorted())")
            #expect(try await Self.refusedSignIns(site) == 50)
        }
    }

    @Test func beyondThePasswordQueueASignInGetsA429AndChangesNothing() async throws {
        try await TestSite.with(configure: {
            $0.passwordCost = 12; $0.passwordThreads = 1; $0.passwordQueueLimit = 2
        }) { site in
            // Setup: each check costs a hash at cost 12; one thread, two waiting at most
            let browser = try await Self.signInForm(site)
            // Act: 20 different e-mails at once (each within its own allowance)
            let answers = try await withThrowingTaskGroup(of: (Int, String?, String).self) { group in
                for index in 0..<20 {
                    group.addTask {
                        try await site.client.execute(
                            uri: "/connexion", method: .post, headers: Self.formHeaders(browser),
                            body: ByteBuffer(string: Self.formBody(browser, "personne\(index)@caph.fr", "mauvais essai"))
                        ) {
                            (Int($0.status.code), $0.headers[.retryAfter], String(buffer: $0.body))
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // Check: some were checked, the others told to retry, in French, with nothing recorded for them (the pool's
            // bound itself, three at once, is checked by HashingPoolTests, where no machine's speed can blur it)
            let busy = answers.filter { $0.0 == 429 }
            let checked = answers.filter { $0.0 == 401 }.count
            #expect(checked >= 1 && !busy.isEmpty && busy.count == 20 - checked, "\(answers.map(\.0))")
            #expect(busy.allSatisfy { $0.1 == "5" && $0.2.contains("Le serveur vérifie beaucoup de mots de passe en ce moment") })
            #expect(try await Self.refusedSignIns(site) == checked)
            // the attempts that could not be checked were given back: only the checked ones count
            let counted = try await site.database.sql.raw("SELECT SUM(attempts) AS total FROM attempt_counters WHERE counter_key LIKE 'compte:%'")
                .first()?.decode(column: "total", as: Int?.self)
            #expect((counted ?? 0) == checked)
        }
    }

    @Test func theCurrentPasswordOfTheAccountPageCountsWithTheSignIns() async throws {
        try await TestSite.with { site in
            // Setup
            let id = try await site.account(Self.animatrice, [RoleGrant(role: .animateur, scope: .territory(.caph))!])
            var browser = try await site.signIn(Self.animatrice)
            let before = try await site.database.accounts.passwordHash(of: id)
            // Act: six wrong current passwords, then the right one
            var statuses: [Int] = []
            for attempt in 0..<6 {
                statuses.append(
                    try await site.post(
                        "/compte/mot-de-passe",
                        [
                            ("actuel", "pas le bon \(attempt)"), ("nouveau", "une autre phrase bien longue"),
                            ("confirmation", "une autre phrase bien longue")
                        ], as: &browser
                    ).status)
            }
            let right = try await site.post(
                "/compte/mot-de-passe",
                [
                    ("actuel", testPassword), ("nouveau", "une autre phrase bien longue"),
                    ("confirmation", "une autre phrase bien longue")
                ], as: &browser)
            // Check: five checked, then a wait even for the right one; the password unchanged
            #expect(statuses == [403, 403, 403, 403, 403, 429])
            #expect(right.status == 429 && right.html.contains("Trop de tentatives"))
            #expect(try await site.database.accounts.passwordHash(of: id) == before)
        }
    }

    @Test func twoHundredParallelJoinCodesFromOneAddressAreCheckedAtMostFifty() async throws {
        try await TestSite.with { site in
            // Setup: a phone on the join form
            var phone = Browser()
            _ = try await site.get("/rejoindre", as: &phone)
            let form = phone
            // Act: 200 guessed codes at once
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for attempt in 0..<200 {
                    group.addTask {
                        var copy = form
                        return try await site.post("/rejoindre", [("code", "ABCD\(attempt % 90 + 10)"), ("nom", "X")], as: &copy).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // Check: fifty codes looked up (told wrong), the others refused before; no pass given
            #expect(statuses.filter { $0 == 422 }.count == 50 && statuses.filter { $0 == 429 }.count == 150, "\(statuses.sorted())")
            let passes = try await site.database.sql.raw("SELECT COUNT(*) AS n FROM workshop_passes").first()?.decode(column: "n", as: Int.self)
            #expect(passes == 0)
        }
    }

    @Test(arguments: TestDatabases.available)
    func errorReportsAreLimitedPerAccountEvenSentAllAtOnce(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup: a signed-in participant on a place's report form
            let fixture = try await OfferFixture.denainPlace(site.database)
            try await site.account("participant@caph.fr", [RoleGrant(role: .participant, scope: .territory(.caph))!])
            var browser = try await site.signIn("participant@caph.fr")
            let uri = "/lieux/\(fixture.place.id)/signaler"
            _ = try await site.get(uri, as: &browser)
            let form = browser
            // Act: 40 reports at once
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        var copy = form
                        return try await site.post(uri, [("categorie", "horaires"), ("message", "Signalement \(index)")], as: &copy).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            var last = form
            let refused = try await site.post(uri, [("categorie", "horaires")], as: &last)
            // Check: ten stored, the others refused with a clear word and nothing stored for them
            #expect(statuses.filter { $0 == 200 }.count == 10 && statuses.filter { $0 == 429 }.count == 30)
            #expect(refused.status == 429 && refused.html.contains("Beaucoup de signalements"))
            #expect(try await site.database.declarations.list(.init()).count == 10)
        }
    }

    @Test(arguments: TestDatabases.available)
    func theCountersKeepNeitherAnAddressNorAnEmailInClear(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup
            let throttle = site.database.attemptThrottle, now = Date()
            // Act: a sign-in, a join code and two anonymous reports (one IPv6 network) counted from known addresses, then the
            // sign-in again
            try await throttle.admit(AttemptThrottle.signIn(email: "Animatrice@CAPH.fr", address: "203.0.113.7"), now: now)
            try await throttle.admit(AttemptThrottle.workshopJoin(address: "203.0.113.7"), now: now)
            try await throttle.admit(AttemptThrottle.reports(accountID: nil, address: "2001:db8::1"), now: now)
            try await throttle.admit(AttemptThrottle.reports(accountID: nil, address: "2001:db8::abcd:1"), now: now)
            try await throttle.admit(AttemptThrottle.signIn(email: "animatrice@caph.fr", address: "203.0.113.7"), now: now)
            // Check: four keys, named by their kind only; the same person, and the same network, counted twice on one key
            let rows = try await site.database.sql.raw("SELECT counter_key, attempts FROM attempt_counters").all()
            let keys = try rows.map { try $0.decode(column: "counter_key", as: String.self) }
            #expect(keys.count == 4)
            #expect(keys.allSatisfy { !$0.contains("203.0.113") && !$0.contains("2001:db8") && !$0.lowercased().contains("caph") }, "\(keys)")
            #expect(
                Set(keys.map { $0.split(separator: ":").dropLast().joined(separator: ":") }) == [
                    "compte", "adresse", "adresse:atelier", "signalement:adresse"
                ])
            #expect(try rows.map { try $0.decode(column: "attempts", as: Int.self) }.sorted() == [1, 2, 2, 2])
        }
    }

    // MARK: - Helpers

    /// A visitor's browser holding the sign-in form's cookie and token.
    static func signInForm(_ site: TestSite) async throws -> Browser {
        var browser = Browser()
        _ = try await site.get("/connexion", as: &browser)
        return browser
    }

    /// Sends every (e-mail, password) at once from copies of the browser; returns the statuses.
    static func parallelSignIns(_ site: TestSite, _ browser: Browser, _ guesses: [(String, String)]) async throws -> [Int] {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for (email, password) in guesses {
                group.addTask {
                    var copy = browser
                    return try await site.post("/connexion", [("email", email), ("mot_de_passe", password)], as: &copy).status
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    /// Passwords actually checked and found wrong: each leaves one audit row.
    static func refusedSignIns(_ site: TestSite) async throws -> Int {
        try await site.database.audit.events(.init(limit: 10_000)).filter { $0.action == "connexion refusée" }.count
    }

    static func sessionCount(_ site: TestSite) async throws -> Int {
        try await site.database.sql.raw("SELECT COUNT(*) AS n FROM sessions").first()?.decode(column: "n", as: Int.self) ?? -1
    }

    static func formHeaders(_ browser: Browser) -> HTTPFields {
        [.contentType: "application/x-www-form-urlencoded", .cookie: browser.cookieHeader]
    }

    static func formBody(_ browser: Browser, _ email: String, _ password: String) -> String {
        [("email", email), ("mot_de_passe", password), ("_csrf", browser.csrf ?? "")]
            .map { "\($0.0)=\(q($0.1))" }.joined(separator: "&")
    }
}
