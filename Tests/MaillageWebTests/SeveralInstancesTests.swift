import Foundation
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import Logging
import MaillageCore
import MaillageImport
import MaillageStorage
import MaillageTestSupport
@testable import MaillageWeb
import SQLKit
import Testing

/// Two servers on one PostgreSQL database, as a deployment with several instances runs them.
@Suite("Several instances on PostgreSQL", .serialized)
struct SeveralInstancesTests {
    @Test(.enabled(if: TestDatabases.postgresURL != nil, "needs MAILLAGE_TEST_POSTGRES_URL"))
    func twoServersSeeEachOthersWritesAndOfTwoStaleEditsExactlyOneWins() async throws {
        try await TestDatabases.withFreshPostgres { url in
            // Setup: `maillage migrate`, then two servers on the same database (the first loads the demo pack)
            var logger = Logger(label: "maillage.test")
            logger.logLevel = .warning
            let admin = try await AppDatabase.open(.postgres(url: url), logger: logger, schema: .migrate)
            func server() async throws -> some ApplicationProtocol {
                try await buildApplication(
                    AppConfiguration(database: .postgres(url: url), seedPack: TestData.pack, refreshInterval: .milliseconds(250))
                        .admittingEveryTestRequest(),
                    logger: logger)
            }
            let first = try await server()
            let second = try await server()
            let hash = Bcrypt.hash(testPassword, cost: 4)
            try await admin.transaction { db in
                let account = try await admin.accounts.create(email: "animatrice@caph.fr", name: "Animatrice", now: Date(), on: db)
                try await admin.accounts.setPassword(hash: hash, for: account.id, now: Date(), on: db)
                try await admin.accounts.grant(RoleGrant(role: .animateur, scope: .territory(.caph))!, to: account.id, now: Date(), on: db)
            }
            try await first.test(.live) { one in
                try await second.test(.live) { two in
                    // Setup: signed in on the first server only; the same browser then talks to both (sessions are shared)
                    var browser = try await one.signIn("animatrice@caph.fr")
                    var sameBrowser = browser
                    #expect(try await two.get("/compte", as: &sameBrowser).status == 200)
                    // Act 1: Karima edited on the first server
                    let edited = try await one.post(
                        "/personas/karima/modifier", [("version", "1")] + PersonaPagesTests.form(name: "Karima", commune: "59491"), as: &browser)
                    #expect(edited.status == 302)
                    // Check 1: the second server shows the new version at once (personas are read from the database)
                    let seenByTwo = try await two.execute(uri: "/api/v1/personas/karima", method: .get) {
                        try JSONSerialization.jsonObject(with: Data(buffer: $0.body)) as? [String: Any]
                    }
                    #expect(seenByTwo?["version"] as? Int == 2)
                    #expect(seenByTwo?["commune"] as? String == "59491")

                    // Act 2: both servers receive an edit quoting version 2, at the same time
                    var (browserOne, browserTwo) = (browser, browser)
                    async let viaOne = one.post(
                        "/personas/karima/modifier", [("version", "2")] + PersonaPagesTests.form(name: "Karima", commune: "59172"),
                        as: &browserOne)
                    async let viaTwo = two.post(
                        "/personas/karima/modifier", [("version", "2")] + PersonaPagesTests.form(name: "Karima", commune: "59526"),
                        as: &browserTwo)
                    let statuses = try await [viaOne.status, viaTwo.status].sorted()
                    // Check 2: one saved, one refused; the stored persona is at version 3
                    #expect(statuses == [302, 409])
                    #expect(try await admin.personas.find(id: "karima")?.version == 3)

                    // Act 3: a place of Denain renamed by an import through a third connection
                    let pack = try TestData.loadPack()
                    var record = try #require(
                        pack.records.first { $0.place.codeInsee?.rawValue == "59172" && $0.provenance.source == .bibliotheques })
                    record.place.nom = "Médiathèque renommée par une autre instance"
                    record.provenance.dateMaj = CalendarDay("2030-01-01")!
                    _ = try await Importer(database: admin).importRecords([record])
                    // Check 3: both servers' indexes show it within 2 seconds
                    let id = record.provenance.key.replacingOccurrences(of: ":", with: "-")
                    for client in [one, two] {
                        var seen = false
                        for _ in 0..<20 where !seen {
                            seen = try await client.execute(uri: "/lieux/\(id)", method: .get) { String(buffer: $0.body) }
                                .contains("Médiathèque renommée par une autre instance")
                            if !seen { try await Task.sleep(for: .milliseconds(100)) }
                        }
                        #expect(seen)
                    }
                }
            }
            try await admin.shutdown()
        }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, "needs MAILLAGE_TEST_POSTGRES_URL"))
    func theSameCardSentToBothServersAtOnceIsStoredOnceAndBothAnswersAreTheRedirect() async throws {
        try await TestDatabases.withFreshPostgres { url in
            // Setup: two servers on one database; an open workshop; three phones joined through the first server
            var logger = Logger(label: "maillage.test")
            logger.logLevel = .critical
            let admin = try await AppDatabase.open(.postgres(url: url), logger: logger, schema: .migrate)
            func server() async throws -> some ApplicationProtocol {
                try await buildApplication(
                    AppConfiguration(database: .postgres(url: url), seedPack: TestData.pack).admittingEveryTestRequest(), logger: logger)
            }
            // Closed however the test ends, before the test returns: a pool dropped open traps the whole test process.
            do {
                let first = try await server()
                let second = try await server()
                let cycle = try await admin.cycles.create(Cycle(territory: .caph, title: "Cycle", goal: ""), by: .commandLine)
                let meeting = try await admin.cycles.createMeeting(
                    Meeting(
                        cycleID: cycle.id, territory: .caph, startsAt: Date(), venue: "Raismes",
                        focusCommunes: MeetingCycleTests.tables), by: .commandLine)
                let code = try #require(try await SetWorkshopState(database: admin)(.ouvert, meetingID: meeting.id, by: .commandLine).joinCode)
                // Through each server's router (no HTTP client whose 20 s timeout a busy machine could pass): the race is
                // between the two servers' transactions on the one database.
                try await first.test(.router) { one in
                    try await second.test(.router) { two in
                        var phones: [Browser] = []
                        for number in 0..<2 {
                            var phone = Browser()
                            _ = try await one.get("/rejoindre", as: &phone)
                            #expect(try await one.post("/rejoindre", [("code", code), ("nom", "Tél \(number)")], as: &phone).status == 302)
                            _ = try await one.get("/rencontres/\(meeting.id)/atelier", as: &phone)
                            phones.append(phone)
                        }
                        // Act: 20 cards, each sent to both servers at the same instant, all pairs at once
                        let statuses = try await withThrowingTaskGroup(of: [Int].self) { group in
                            for (number, phone) in phones.enumerated() {
                                for card in 0..<WorkshopCard.maxPerPassPerMinute {
                                    group.addTask {
                                        let fields = [
                                            ("table", "59172"), ("type", "ressource"), ("texte", "Carte \(card) du téléphone \(number)"),
                                            ("cle", "paire-\(number)-\(card)-xxxxxxxx")
                                        ]
                                        var (viaOne, viaTwo) = (phone, phone)
                                        async let a = one.post("/rencontres/\(meeting.id)/atelier", fields, as: &viaOne)
                                        async let b = two.post("/rencontres/\(meeting.id)/atelier", fields, as: &viaTwo)
                                        return try await [a.status, b.status]
                                    }
                                }
                            }
                            return try await group.reduce(into: []) { $0 += $1 }
                        }
                        // Check: every answer is the redirect to the card; each card stored once
                        #expect(statuses.count == 40)
                        #expect(statuses.allSatisfy { $0 == 302 }, "\(statuses.filter { $0 != 302 })")
                        let cards = try await admin.workshop.cards(meetingID: meeting.id)
                        #expect(cards.count == 20 && Set(cards.map(\.clientKey)).count == 20)
                    }
                }
            } catch {
                try? await admin.shutdown()
                throw error
            }
            try await admin.shutdown()
        }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, "needs MAILLAGE_TEST_POSTGRES_URL"))
    func twoServersStartedTogetherOnAnEmptyDatabaseLoadThePackOnce() async throws {
        try await TestDatabases.withFreshPostgres { url in
            // Setup: `maillage migrate` on a fresh database, then two servers built at the same instant
            var logger = Logger(label: "maillage.test")
            logger.logLevel = .warning
            let admin = try await AppDatabase.open(.postgres(url: url), logger: logger, schema: .migrate)
            let configuration = AppConfiguration(database: .postgres(url: url), seedPack: TestData.pack)
            // Act: both start (before, the second failed with an opaque « PSQLError » after loading the pack again)
            async let first = buildApplication(configuration, logger: logger)
            async let second = buildApplication(configuration, logger: logger)
            let (one, two) = try await (first, second)
            // Check: the pack was loaded once (one territory entry in the change log, each source record once)
            let count = { (query: SQLQueryString) in try await admin.sql.raw(query).first()?.decode(column: "n", as: Int.self) ?? -1 }
            #expect(try await count("SELECT COUNT(*) AS n FROM change_log WHERE topic = 'territoire'") == 1)
            let records = try TestData.loadPack().records.count
            #expect(try await count("SELECT COUNT(*) AS n FROM source_records") == records)
            let places = try await count("SELECT COUNT(*) AS n FROM places")
            #expect(places > 0)
            // Check: both serve the loaded places
            for app in [one, two] {
                try await app.test(.router) { client in
                    let total = try await client.execute(uri: "/api/v1/places?per_page=1", method: .get) {
                        let page = try JSONSerialization.jsonObject(with: Data(buffer: $0.body)) as? [String: Any]
                        return (page?["pagination"] as? [String: Any])?["total"] as? Int
                    }
                    #expect(total == places)
                }
            }
            try await admin.shutdown()
        }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, "needs MAILLAGE_TEST_POSTGRES_URL"))
    func aServerRefusesAnOutOfDateSchemaWhenItMayNotMigrate() async throws {
        try await TestDatabases.withFreshPostgres { url in
            // Act: a PostgreSQL database never migrated (the default for PostgreSQL is not to migrate at start)
            let configuration = AppConfiguration(database: .postgres(url: url), seedPack: TestData.pack)
            await #expect(throws: SchemaOutOfDate.self) { _ = try await buildApplication(configuration) }
            // Check: nothing was created
            let database = try await AppDatabase.open(.postgres(url: url), schema: .unchecked)
            #expect(try await database.schemaStatus().pending == AppDatabase.migrationNames)
            try await database.shutdown()
        }
    }
}
