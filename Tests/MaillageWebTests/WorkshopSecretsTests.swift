import Foundation
import HTTPTypes
import HummingbirdTesting
import MaillageCore
import MaillageStorage
import MaillageTestSupport
@testable import MaillageWeb
import NIOCore
import Testing

/// A live workshop nobody can take over: the join code only for the animateurs and the projection they opened, a new
/// code when they ask, cards limited per pass and per table, the live board only for those who take part.
@Suite("The workshop's secrets and limits", .serialized)
struct WorkshopSecretsTests {
    typealias Cycles = MeetingCycleTests

    /// An open workshop of one meeting; returns the animateur's browser, the meeting and its code.
    static func openWorkshop(_ site: TestSite) async throws -> (animateur: Browser, meeting: Int, code: String) {
        var animateur = try await Cycles.animateur(site)
        let (_, meetings) = try await Cycles.cycle(site, &animateur, meetings: ["2023-02-02T09:30"])
        let code = try await Cycles.open(site, &animateur, meeting: meetings[0])
        return (animateur, meetings[0], code)
    }

    static func passCount(_ site: TestSite) async throws -> Int {
        try await site.database.sql.raw("SELECT COUNT(*) AS n FROM workshop_passes").first(decodingColumn: "n", as: Int.self) ?? -1
    }

    static func card(table: String = "59172", _ key: String) -> [(String, String)] {
        [("table", table), ("type", "ressource"), ("texte", "Carte \(key)"), ("cle", key)]
    }

    /// A stream read to its end (or its lifetime's): status, `Retry-After` and body.
    static func stream(
        _ site: TestSite, _ uri: String, as browser: Browser = Browser()
    ) async throws -> (status: Int, retryAfter: String?, body: String) {
        try await site.client.execute(uri: uri, method: .get, headers: browser.cookies.isEmpty ? [:] : [.cookie: browser.cookieHeader]) {
            (Int($0.status.code), $0.headers[.retryAfter], String(buffer: $0.body))
        }
    }

    @Test func aVisitorWithoutAccountGetsNoCodeFromAnyPageAndCannotJoin() async throws {
        try await TestSite.with { site in
            // Setup: an open workshop; a stranger walks the meeting's public pages by its number
            let (_, meeting, code) = try await Self.openWorkshop(site)
            var stranger = Browser()
            let pages = [
                "/rencontres/\(meeting)/atelier?vue=projection", "/rencontres/\(meeting)/atelier", "/rencontres/\(meeting)",
                "/rencontres/\(meeting)/compte-rendu", "/rencontres/\(meeting)/atelier?vue=projection&jeton=\(String(repeating: "A", count: 43))"
            ]
            var seen: [String] = []
            for page in pages { seen.append(try await site.get(page, as: &stranger).html) }
            // Act: without the code, the stranger tries the usual guesses
            _ = try await site.get("/rejoindre", as: &stranger)
            let guesses = [
                try await site.post("/rejoindre", [("code", "ABCDEF"), ("nom", "Intrus")], as: &stranger).status,
                try await site.post("/rejoindre", [("code", ""), ("nom", "Intrus")], as: &stranger).status
            ]
            let card = try await site.post("/rencontres/\(meeting)/atelier", Self.card("intrus-0001"), as: &stranger)
            // Check: no page shows the code, its link or its QR code, nor offers the live stream; nothing was let in
            for (page, html) in zip(pages, seen) {
                #expect(!html.contains(code) && !html.contains("join-qr") && !html.contains("data-flux"), "\(page) shows the code")
            }
            #expect(seen[0].contains("class=\"board-page projection\""))
            #expect(guesses == [422, 422])
            #expect([401, 403].contains(card.status))
            #expect(try await Self.passCount(site) == 0)
            #expect(try await site.database.workshop.cards(meetingID: meeting).isEmpty)
        }
    }

    @Test func theAnimateursProjectionLinkShowsTheCodeAndARenewedOrRevokedOneNoLonger() async throws {
        try await TestSite.with(configure: { $0.eventStreamLifetime = .milliseconds(400) }) { site in
            // Setup: an open workshop; the animateur's own board shows the code and the projection form
            var (animateur, meeting, code) = try await Self.openWorkshop(site)
            let own = try await site.get("/rencontres/\(meeting)/atelier", as: &animateur)
            #expect(own.html.contains(code) && own.html.contains("Nouvelle adresse secrète de projection"))
            // Act 1: the animateur makes the projection link; the projector's computer (no account) opens it
            let made = try await site.post("/rencontres/\(meeting)/atelier/projection", [("action", "nouveau")], as: &animateur)
            let link = try #require(made.location)
            var projector = Browser()
            let projected = try await site.get(link, as: &projector)
            let token = try #require(link.firstMatch(of: /jeton=([A-Za-z0-9_-]{43})/)?.1)
            let live = try await Self.stream(site, "/rencontres/\(meeting)/atelier/flux?jeton=\(token)")
            // Check 1: the code, its QR code and the live board, with the token; only its hash is stored
            #expect(made.status == 302 && link.hasPrefix("/rencontres/\(meeting)/atelier?vue=projection&jeton="))
            #expect(projected.html.contains(code) && projected.html.contains("join-qr") && projected.html.contains("flux?jeton=\(token)"))
            #expect(live.status == 200 && live.body.contains("event: version"))
            let stored = try await site.database.sql.raw("SELECT projection_token_hash AS h FROM meetings WHERE id = \(bind: meeting)")
                .first(decodingColumn: "h", as: String.self)
            #expect(stored == SecretToken.hash(String(token)))
            // Act 2: a new link is asked for; then it is revoked
            let renewed = try #require(
                try await site.post("/rencontres/\(meeting)/atelier/projection", [("action", "nouveau")], as: &animateur).location)
            let afterRenewal = try await site.get(link, as: &projector)
            let renewedPage = try await site.get(renewed, as: &projector)
            let revoked = try await site.post("/rencontres/\(meeting)/atelier/projection", [("action", "revoquer")], as: &animateur)
            let afterRevocation = try await site.get(renewed, as: &projector)
            let revokedStream = try await Self.stream(site, "/rencontres/\(meeting)/atelier/flux?\(renewed.split(separator: "&").last ?? "")")
            // Check 2: the former link no longer shows the code, the new one did until revoked
            #expect(!afterRenewal.html.contains(code) && !afterRenewal.html.contains("join-qr"))
            #expect(renewedPage.html.contains(code))
            #expect(revoked.status == 302)
            #expect(!afterRevocation.html.contains(code) && afterRevocation.html.contains("class=\"board-page projection\""))
            #expect(revokedStream.status == 403)
            #expect(try await site.database.workshop.hasProjectionToken(meetingID: meeting) == false)
        }
    }

    @Test func aNewOpeningOrANewCodeEndsTheOldCodeAndKeepsThePasses() async throws {
        try await TestSite.with { site in
            // Setup: a phone joined with the first code
            var (animateur, meeting, first) = try await Self.openWorkshop(site)
            var early = try await Cycles.phone(site, code: first, name: "Nadia")
            _ = try await site.get("/rencontres/\(meeting)/atelier", as: &early)
            // Act 1: « Nouveau code »
            let renewed = try await site.post("/rencontres/\(meeting)/atelier/code", [], as: &animateur)
            let second = try #require(try await site.database.cycles.meeting(id: meeting)?.joinCode)
            var late = Browser()
            _ = try await site.get("/rejoindre", as: &late)
            let withOld = try await site.post("/rejoindre", [("code", first), ("nom", "Tardif")], as: &late)
            let earlyCard = try await site.post("/rencontres/\(meeting)/atelier", Self.card("nadia-carte-1"), as: &early)
            // Check 1: the old code no longer lets anyone in; the pass taken with it still works; the new code does
            #expect(renewed.status == 302 && second != first)
            #expect(try await site.get("/rencontres/\(meeting)/atelier", as: &animateur).html.contains(second))
            #expect(withOld.status == 422)
            #expect(earlyCard.status == 302)
            _ = try await Cycles.phone(site, code: second, name: "Karim")
            // Act 2: the workshop closes, then opens again
            _ = try await site.post("/rencontres/\(meeting)/atelier/etat", [("etat", "clos")], as: &animateur)
            let whileClosed = try await site.database.cycles.meeting(id: meeting)?.joinCode
            let third = try await Cycles.open(site, &animateur, meeting: meeting)
            let passes = try await Self.passCount(site)
            let withSecond = try await site.post("/rejoindre", [("code", second), ("nom", "Tardif")], as: &late)
            // Check 2: no code while closed, a new one at the opening; the second code is refused and let nobody in
            #expect(whileClosed == nil)
            #expect(third != second && third != first)
            #expect(withSecond.status == 422)
            #expect(try await Self.passCount(site) == passes)
            // A closed workshop has no code to renew
            _ = try await site.post("/rencontres/\(meeting)/atelier/etat", [("etat", "clos")], as: &animateur)
            #expect(try await site.post("/rencontres/\(meeting)/atelier/code", [], as: &animateur).status == 409)
        }
    }

    @Test(arguments: TestDatabases.available)
    func twoHundredParallelCardsOnOnePassWithinAMinuteKeepExactlyTheAllowance(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup: a stranger's pass; every card is dated the same instant, so that the check does not depend on how
            // fast a busy machine answers
            let (_, meeting, code) = try await Self.openWorkshop(site)
            let flooder = try await Cycles.phone(site, code: code, name: "Intrus")
            let token = try #require(flooder.cookies[Cookies.workshopPass])
            let pass = try #require(try await site.database.workshop.pass(token: token))
            let instant = Date()
            func card(_ key: String) -> WorkshopCard {
                WorkshopCard(
                    meetingID: meeting, table: CommuneCode("59172")!, kind: .ressource, text: "Flot", authorLabel: "Intrus",
                    createdAt: instant, clientKey: key)
            }
            // Act: 200 cards from the one pass at once, then one a minute later
            let outcomes = try await withThrowingTaskGroup(of: Int?.self) { group in
                for number in 0..<200 {
                    group.addTask {
                        do {
                            _ = try await site.database.workshop.add(card("flot-\(number)-xxxxxxxx"), passID: pass.id, now: instant)
                            return nil
                        } catch let rate as CardRateExceeded { return rate.retryAfter }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let afterFiftyNineSeconds = try await #require(throws: CardRateExceeded.self) {
                try await site.database.workshop.add(card("flot-59s"), passID: pass.id, now: instant + 59)
            }
            let aMinuteLater = try await site.database.workshop.add(card("flot-61s"), passID: pass.id, now: instant + 61)
            // Check: exactly the minute's allowance kept, the rest told when to come back; a new minute counts again
            #expect(outcomes.filter { $0 == nil }.count == WorkshopCard.maxPerPassPerMinute)
            #expect(outcomes.compactMap { $0 } == Array(repeating: 60, count: 200 - WorkshopCard.maxPerPassPerMinute))
            #expect(afterFiftyNineSeconds.retryAfter == 1)
            if case .added = aMinuteLater {} else { Issue.record("the card of the next minute was not added") }
            #expect(try await site.database.workshop.cards(meetingID: meeting).count == WorkshopCard.maxPerPassPerMinute + 1)
        }
    }

    @Test func aPassBeyondItsAllowanceIsToldToWaitWithItsCardKeptAndTheOthersStillWrite() async throws {
        try await TestSite.with(.sqlite) { site in
            // Setup: a stranger's pass and a participant's
            let (_, meeting, code) = try await Self.openWorkshop(site)
            var flooder = try await Cycles.phone(site, code: code, name: "Intrus")
            var participant = try await Cycles.phone(site, code: code, name: "Nadia")
            _ = try await site.get("/rencontres/\(meeting)/atelier", as: &flooder)
            _ = try await site.get("/rencontres/\(meeting)/atelier", as: &participant)
            // Act: the minute's allowance, then one more card
            for number in 0..<WorkshopCard.maxPerPassPerMinute {
                #expect(try await site.post("/rencontres/\(meeting)/atelier", Self.card("flot-\(number)-xxxxxxxx"), as: &flooder).status == 302)
            }
            let refused = try await site.client.execute(
                uri: "/rencontres/\(meeting)/atelier", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: flooder.cookieHeader],
                body: ByteBuffer(string: "table=59172&type=ressource&texte=Encore&cle=flot-encore-1&_csrf=\(flooder.csrf ?? "")")
            ) {
                (Int($0.status.code), $0.headers[.retryAfter].flatMap { Int($0) }, String(buffer: $0.body))
            }
            let other = try await site.post("/rencontres/\(meeting)/atelier", Self.card("nadia-carte-1"), as: &participant)
            // Check: told to wait, with the card kept in the form; the others still write
            #expect(refused.0 == 429 && (1...60).contains(refused.1 ?? 0))
            #expect(refused.2.contains("au plus \(WorkshopCard.maxPerPassPerMinute) cartes par minute") && refused.2.contains(">Encore</textarea>"))
            #expect(other.status == 302)
            let cards = try await site.database.workshop.cards(meetingID: meeting)
            #expect(cards.filter { $0.authorLabel == "Intrus" }.count == WorkshopCard.maxPerPassPerMinute)
            #expect(cards.count == WorkshopCard.maxPerPassPerMinute + 1)
        }
    }

    @Test(arguments: TestDatabases.available)
    func aFullTableRefusesCardsByNameAndTheOtherTablesStillTakeThem(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup: Denain's table five cards short of its cap; twenty phones
            let (_, meeting, code) = try await Self.openWorkshop(site)
            for number in 0..<(WorkshopCard.maxPerTable - 5) {
                _ = try await site.database.workshop.add(
                    WorkshopCard(
                        meetingID: meeting, table: Cycles.denain, kind: .ressource, text: "Carte \(number)",
                        authorLabel: "Animatrice", createdAt: Date(), clientKey: "remplie-\(number)-xxxx"))
            }
            var phones: [Browser] = []
            for number in 0..<20 {
                var phone = try await Cycles.phone(site, code: code, name: "Tél \(number)")
                _ = try await site.get("/rencontres/\(meeting)/atelier", as: &phone)
                phones.append(phone)
            }
            // Act: each phone sends 5 cards to Denain at once (100 in all)
            let answers = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for (number, phone) in phones.enumerated() {
                    for card in 0..<5 {
                        group.addTask {
                            var browser = phone
                            let sent = try await site.post("/rencontres/\(meeting)/atelier", Self.card("tel-\(number)-carte-\(card)"), as: &browser)
                            return (sent.status, sent.html)
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            var raismesPhone = phones[0]
            let raismes = try await site.post("/rencontres/\(meeting)/atelier", Self.card(table: "59491", "raismes-carte-1"), as: &raismesPhone)
            // Check: the table filled exactly to its cap; the others refused naming it; Raismes' table still takes cards
            #expect(answers.filter { $0.0 == 302 }.count == 5)
            let refusals = answers.filter { $0.0 != 302 }
            #expect(
                refusals.count == 95 && refusals.allSatisfy { $0.0 == 422 && $0.1.contains("la table de Denain a reçu le nombre maximal de cartes") })
            #expect(raismes.status == 302)
            let cards = try await site.database.workshop.cards(meetingID: meeting)
            #expect(cards.filter { $0.table == Cycles.denain }.count == WorkshopCard.maxPerTable)
            #expect(cards.filter { $0.table == Cycles.raismes }.count == 1)
        }
    }

    @Test func streamsAreOnlyForThoseWhoTakePartWhileOpenWithinTheirCapsAndEndAtTheClose() async throws {
        try await TestSite.with(configure: {
            $0.eventStreamLifetime = .seconds(20)
            $0.eventStreams = EventStreamLimits(total: 100, perAddress: 100, perMeeting: 2, interval: .milliseconds(100))
        }) { site in
            // Setup: two open meetings; a phone on the first
            var animateur = try await Cycles.animateur(site)
            let (_, meetings) = try await Cycles.cycle(site, &animateur, meetings: ["2023-02-02T09:30", "2023-04-15T09:30"])
            let code = try await Cycles.open(site, &animateur, meeting: meetings[0])
            _ = try await Cycles.open(site, &animateur, meeting: meetings[1])
            let phone = try await Cycles.phone(site, code: code, name: "Léa")
            let versions = try await site.database.cycles.version(meetingID: meetings[1])
            // Act 1: a stranger, and the phone on the other meeting
            let stranger = try await Self.stream(site, "/rencontres/\(meetings[0])/atelier/flux")
            let elsewhere = try await Self.stream(site, "/rencontres/\(meetings[1])/atelier/flux", as: phone)
            // Check 1: refused, with a sentence; nothing moved
            #expect(stranger.status == 403 && stranger.body.contains("réservé aux participants de l&#39;atelier"))
            #expect(elsewhere.status == 403)
            #expect(try await site.database.cycles.version(meetingID: meetings[1]) == versions)
            // Act 2: the phone and the animateur listen (the meeting's cap is 2); a third stream; then the workshop closes
            let clock = ContinuousClock(), start = clock.now
            let signedIn = animateur
            async let first = Self.stream(site, "/rencontres/\(meetings[0])/atelier/flux", as: phone)
            async let second = Self.stream(site, "/rencontres/\(meetings[0])/atelier/flux", as: signedIn)
            try await Task.sleep(for: .milliseconds(500))
            let third = try await Self.stream(site, "/rencontres/\(meetings[0])/atelier/flux", as: animateur)
            _ = try await site.post("/rencontres/\(meetings[0])/atelier/etat", [("etat", "clos")], as: &animateur)
            let (one, two) = try await (first, second)
            let elapsed = clock.now - start
            let afterClose = try await Self.stream(site, "/rencontres/\(meetings[0])/atelier/flux", as: animateur)
            // Check 2: the third is told to come back later; the open ones end with the workshop, well before their lifetime
            #expect(
                third.status == 503 && third.retryAfter == "30" && third.body.contains("Trop de tableaux en direct sont ouverts pour cette rencontre")
            )
            #expect(one.status == 200 && two.status == 200 && one.body.contains("event: version"))
            #expect(elapsed < .seconds(5))
            #expect(afterClose.status == 409 && afterClose.body.contains("n&#39;est pas ouvert"))
        }
    }

    /// Counts the reads of a fake database, and says whether the fake workshop is open.
    final class FakeMeetings: @unchecked Sendable {
        private let lock = NSLock()
        private var reads = 0
        private var open = true

        func read() -> CycleRepository.Pulse {
            lock.withLock {
                reads += 1
                return CycleRepository.Pulse(version: 7, isOpen: open)
            }
        }

        var readCount: Int { lock.withLock { reads } }
        func close() { lock.withLock { open = false } }
    }

    @Test func oneWatcherPerMeetingReadsOnceAnIntervalAndTheCapsHold() async throws {
        // Setup: caps of 5 in all, 3 per address, 4 per meeting; reads every 50 ms
        let meetings = FakeMeetings()
        let watchers = WorkshopWatchers(limits: EventStreamLimits(total: 5, perAddress: 3, perMeeting: 4, interval: .milliseconds(50))) { _ in
            meetings.read()
        }
        func refusal(_ meeting: Int, _ address: String) async -> String? {
            do { _ = try await watchers.listen(meetingID: meeting, address: address); return nil } catch {
                return (error as? WorkshopWatchers.Refused)?.reason
            }
        }
        // Act 1: three streams from one address on meeting 1, a fourth from it, one from another address, one more on meeting 1
        var open: [WorkshopWatchers.Subscription] = []
        for _ in 0..<3 { open.append(try await watchers.listen(meetingID: 1, address: "10.0.0.1")) }
        let fourthFromAddress = await refusal(1, "10.0.0.1")
        open.append(try await watchers.listen(meetingID: 1, address: "10.0.0.2"))
        let fifthOnMeeting = await refusal(1, "10.0.0.3")
        open.append(try await watchers.listen(meetingID: 2, address: "10.0.0.3"))
        let beyondTotal = await refusal(3, "10.0.0.4")
        try await Task.sleep(for: .milliseconds(500))
        let reads = meetings.readCount
        // Check 1: each cap met says which; every stream has the version; two meetings read about 10 times each, not 5 streams twice
        #expect(fourthFromAddress == "Trop de tableaux en direct sont ouverts depuis cette adresse")
        #expect(fifthOnMeeting == "Trop de tableaux en direct sont ouverts pour cette rencontre")
        #expect(beyondTotal == "Trop de tableaux en direct sont ouverts sur ce serveur")
        for subscription in open {
            var iterator = subscription.versions.makeAsyncIterator()
            #expect(await iterator.next() == 7)
        }
        #expect((2...26).contains(reads), "\(reads) reads")
        // Act 2: the workshops close
        meetings.close()
        var ended = 0
        for subscription in open {
            for await _ in subscription.versions {}
            ended += 1
        }
        try await Task.sleep(for: .milliseconds(100))
        // Check 2: every stream ended and gave its place back; the watchers stopped reading
        #expect(ended == 5)
        #expect(await watchers.count == 0)
        let readsAfterClose = meetings.readCount
        try await Task.sleep(for: .milliseconds(200))
        #expect(meetings.readCount == readsAfterClose)
        #expect(await refusal(1, "10.0.0.1") == nil)
    }
}
