import Dispatch
import Foundation
import Hummingbird
import HummingbirdBcrypt
import Logging
import MaillageCore
import MaillageImport
import MaillageStorage
import MaillageTestSupport
@testable import MaillageWeb
import Synchronization
import Testing

/// The use cases of accounts, invitations and sessions (`MaillageImport`), on both databases: each write is whole or
/// not at all, and the command line's `user` commands and the web's pages write the same rows through them.
@Suite("Account use cases", .serialized)
struct AccountUseCaseTests {
    static let participant = RoleGrant(role: .participant, scope: .territory(.caph))!

    @Test(arguments: TestDatabases.available)
    func anInvitationAcceptedWhileThePasswordQueueIsFullChangesNothing(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // Setup: a coordinator's invitation; a hashing pool whose one thread is taken and which queues nothing
            let coordinator = try await Self.actor(db, "coordinatrice@caph.fr", RoleGrant(role: .coordinateur, scope: .territory(.caph))!)
            let pool = HashingPool(threads: 1, queueLimit: 0)
            let useCases = Self.useCases(db, pool: pool)
            let token = try await useCases.invite("nouvelle@exemple.fr", to: Self.participant, by: coordinator)
            let blocker = BlockingWork()
            let held = Task { try await pool.run { blocker.block() } }
            try await blocker.waitUntilStarted()
            // Act
            let refusal = await #expect(throws: HTTPError.self) {
                try await useCases.acceptInvitation(token: token, password: testPassword, name: "Nouvelle")
            }
            // Check: told to retry; no account, no role, the link still usable, the journal holds the invitation only
            #expect(refusal?.status == .tooManyRequests)
            #expect(try await db.accounts.find(email: "nouvelle@exemple.fr") == nil)
            #expect(try await db.links.find(token: token, now: Date()) != nil)
            #expect(try await db.audit.events(.init()).map(\.action) == ["invitation créée"])
            // … and once the queue is free, the same link serves
            blocker.release()
            try await held.value
            _ = try await useCases.acceptInvitation(token: token, password: testPassword, name: "Nouvelle")
            let account = try #require(try await db.accounts.find(email: "nouvelle@exemple.fr"))
            #expect(account.hasPassword && account.grants == [Self.participant])
        }
    }

    @Test(arguments: TestDatabases.available)
    func anInvitationForAnAccountAwaitingItsFirstPasswordIsRefusedAndChangesNothing(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // Setup: the command line made an account (its own link pending); a coordinator then invites the same e-mail
            let coordinator = try await Self.actor(db, "coordinatrice@caph.fr", RoleGrant(role: .coordinateur, scope: .territory(.caph))!)
            let useCases = Self.useCases(db, pool: HashingPool(threads: 1, queueLimit: 4))
            let made = try await useCases.createAccount(email: "attente@exemple.fr", name: "Attente", role: Self.participant, by: .commandLine)
            let animateur = RoleGrant(role: .animateur, scope: .territory(.caph))!
            let token = try await useCases.invite("attente@exemple.fr", to: animateur, by: coordinator)
            let journal = try await db.audit.events(.init()).count
            // Act
            let refusal = await #expect(throws: AccountRefusal.self) {
                try await useCases.acceptInvitation(token: token, password: testPassword, name: nil)
            }
            // Check: refused, the account as it was (no password, no new role, no session), nothing journalled
            #expect(refusal == .awaitingItsOwnLink)
            let account = try #require(try await db.accounts.find(id: made.account.id))
            #expect(!account.hasPassword && account.grants == [Self.participant])
            #expect(try await db.sessions.count(accountID: account.id, now: Date()) == 0)
            #expect(try await db.audit.events(.init()).count == journal)
        }
    }

    @Test(arguments: TestDatabases.available)
    func turningOnASecondFactorAlreadyOnIsRefusedAndKeepsItsKey(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // Setup: a coordinator whose second factor is on
            let coordinator = try await Self.actor(db, "coordinatrice@caph.fr", RoleGrant(role: .coordinateur, scope: .territory(.caph))!)
            let useCases = Self.useCases(db, pool: HashingPool(threads: 1, queueLimit: 4))
            let first = String(repeating: "A", count: 20), second = String(repeating: "B", count: 20)
            let codes = try await useCases.turnSecondFactorOn(secret: first, step: 100, for: coordinator.accountID, by: Author(coordinator))
            let journal = try await db.audit.events(.init()).count
            // Act
            let refusal = await #expect(throws: AccountRefusal.self) {
                try await useCases.turnSecondFactorOn(secret: second, step: 101, for: coordinator.accountID, by: Author(coordinator))
            }
            // Check: the first key and its recovery codes stay, nothing journalled
            #expect(refusal == .secondFactorAlreadyOn)
            #expect(try await db.accounts.secondFactorSecret(of: coordinator.accountID) == first)
            #expect(try await db.recoveryCodes.remaining(for: coordinator.accountID) == codes.count)
            #expect(try await db.audit.events(.init()).count == journal)
        }
    }

    @Test(arguments: TestDatabases.available)
    func aRoleTakenAwayByACoordinatorOfAnotherTerritoryIsRefusedAndChangesNothing(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup: a participant of the CAPH; a coordinator of the neighbouring territory
            let participant = try await site.account("participante@exemple.fr", [Self.participant])
            try await site.account("voisine@exemple.fr", [RoleGrant(role: .coordinateur, scope: .territory(AccessTests.other))!])
            var neighbour = try await site.signIn("voisine@exemple.fr")
            _ = try await site.get("/invitations", as: &neighbour)
            let journal = try await site.database.audit.events(.init()).count
            // Act
            let answer = try await site.post(
                "/comptes/\(participant)/roles/retirer", [("role", "participant"), ("portee", "200042190")], as: &neighbour)
            // Check: forbidden; the role and the journal as they were
            #expect(answer.status == 403)
            #expect(try await site.database.accounts.find(id: participant)?.grants == [Self.participant])
            #expect(try await site.database.audit.events(.init()).count == journal)
        }
    }

    /// The rows an account's creation and the loss of its role leave: its roles after each step, and its journal
    /// entries (who wrote them left out: the command line, or the people of the web).
    struct AccountRows: Equatable, Sendable {
        var rolesAfterCreation: Set<RoleGrant>
        var rolesAfterRemoval: Set<RoleGrant>
        var journal: [[String?]]

        static func journal(_ db: AppDatabase, accountID: Int) async throws -> [[String?]] {
            try await db.audit.events(.init()).filter {
                $0.objectID == String(accountID) && ["compte créé", "rôle donné", "rôle retiré"].contains($0.action)
            }
            .sorted { ($0.id ?? 0) < ($1.id ?? 0) }
            .map { [$0.action, $0.objectKind, $0.territory?.rawValue, $0.before, $0.after] }
        }
    }

    @Test(arguments: TestDatabases.available)
    func theCommandLineAndTheWebCreateAnAccountAndTakeItsRoleAwayWithTheSameRows(kind: TestDatabases.Kind) async throws {
        let email = "nouvelle@exemple.fr"
        // The web: a coordinator invites, the person accepts, the coordinator takes the role away
        let web = Mutex<AccountRows?>(nil)
        try await TestSite.with(kind) { site in
            try await site.account("coordinatrice@caph.fr", [RoleGrant(role: .coordinateur, scope: .territory(.caph))!])
            var coordinator = try await site.signIn("coordinatrice@caph.fr")
            _ = try await site.get("/invitations", as: &coordinator)
            let made = try await site.post("/invitations", [("email", email), ("role", "participant"), ("territoire", "200042190")], as: &coordinator)
            let link = String(try #require(made.html.firstMatch(of: /\/invitation\/([A-Za-z0-9_-]{43})/)).0)
            var invited = Browser()
            _ = try await site.get(link, as: &invited)
            #expect(
                try await site.post(link, [("nom", "Nouvelle"), ("nouveau", testPassword), ("confirmation", testPassword)], as: &invited).status
                    == 302)
            let account = try #require(try await site.database.accounts.find(email: email))
            _ = try await site.get("/invitations", as: &coordinator)
            #expect(
                try await site.post(
                    "/comptes/\(account.id)/roles/retirer", [("role", "participant"), ("portee", "200042190")],
                    as: &coordinator
                ).status == 302)
            let rows = AccountRows(
                rolesAfterCreation: account.grants, rolesAfterRemoval: try await site.database.accounts.find(id: account.id)?.grants ?? [],
                journal: try await AccountRows.journal(site.database, accountID: account.id))
            web.withLock { $0 = rows }
        }
        // The command line: `maillage user create`, then `maillage user role remove`
        let commandLine = try await Self.withCommandLineDatabase(kind) { db, location in
            let created = try Self.maillage([
                "user", "create", "--database", location, "--email", email, "--name", "Nouvelle",
                "--role", "participant", "--territory", "200042190"
            ])
            #expect(created.contains("créé pour \(email)"), "\(created)")
            let account = try #require(try await db.accounts.find(email: email))
            let removed = try Self.maillage([
                "user", "role", "remove", "--database", location, "--email", email, "--role", "participant",
                "--territory", "200042190"
            ])
            #expect(removed.contains("Rôle retiré"), "\(removed)")
            return AccountRows(
                rolesAfterCreation: account.grants, rolesAfterRemoval: try await db.accounts.find(id: account.id)?.grants ?? [],
                journal: try await AccountRows.journal(db, accountID: account.id))
        }
        // Check: the same roles and the same journal entries, each in the role's territory
        #expect(web.withLock { $0 } == commandLine)
        #expect(commandLine.rolesAfterCreation == [Self.participant] && commandLine.rolesAfterRemoval.isEmpty)
        #expect(
            commandLine.journal == [
                ["compte créé", AuditKinds.account, nil, nil, email],
                ["rôle donné", AuditKinds.role, "200042190", nil, Self.participant.description],
                ["rôle retiré", AuditKinds.role, "200042190", Self.participant.description, nil]
            ])
    }

    @Test(arguments: TestDatabases.available)
    func aDisabledAccountLosesItsSessionsAndActsForNobody(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // Setup: a coordinator signed in on two devices
            let coordinator = try await Self.actor(db, "coordinatrice@caph.fr", RoleGrant(role: .coordinateur, scope: .territory(.caph))!)
            let useCases = Self.useCases(db, pool: HashingPool(threads: 1, queueLimit: 4))
            let account = try #require(try await db.accounts.find(id: coordinator.accountID))
            for _ in 0..<2 { _ = try await useCases.signIn.open(for: account, as: coordinator, proof: nil, replacing: nil, keys: []) }
            // Act
            try await useCases.disableAccount(coordinator.accountID, by: .commandLine)
            // Check: no session, no actor, the journal says so
            #expect(try await db.sessions.count(accountID: coordinator.accountID, now: Date()) == 0)
            #expect(try await db.accounts.find(id: coordinator.accountID)?.actor == nil)
            #expect(try await db.audit.events(.init()).first?.action == "compte désactivé")  // the newest first
        }
    }

    // MARK: Helpers

    static func useCases(_ db: AppDatabase, pool: HashingPool) -> AccountUseCases {
        AccountUseCases(database: db, hasher: PasswordHasher(cost: 4, pool: pool), lifetime: .init(), policy: AccessPolicy())
    }

    /// An account with a password and one role, as an actor.
    static func actor(_ db: AppDatabase, _ email: String, _ grant: RoleGrant) async throws -> Actor {
        let accounts = db.accounts
        let id = try await db.transaction { session in
            let account = try await accounts.create(email: email, name: "Coordinatrice", now: Date(), on: session)
            try await accounts.setPassword(hash: Bcrypt.hash(testPassword, cost: 4), for: account.id, now: Date(), on: session)
            try await accounts.grant(grant, to: account.id, now: Date(), on: session)
            return account.id
        }
        return Actor(accountID: id, name: "Coordinatrice", grants: [grant])
    }

    /// A migrated database the `maillage` command opens too (an SQLite file, or a fresh PostgreSQL database), with
    /// its `--database` value.
    static func withCommandLineDatabase<T>(_ kind: TestDatabases.Kind, _ body: (AppDatabase, String) async throws -> T) async throws -> T {
        switch kind {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appending(path: "maillage-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let path = directory.appending(path: "maillage.sqlite").path
            return try await using(
                try await AppDatabase.open(.sqlite(path: path), logger: Logger(label: "maillage.test"), schema: .migrate), path, body)
        case .postgres:
            return try await TestDatabases.withFreshPostgres { url in
                try await using(try await AppDatabase.open(.postgres(url: url), logger: Logger(label: "maillage.test"), schema: .migrate), url, body)
            }
        }
    }

    /// Runs `body` on the open database, then closes it.
    private static func using<T>(_ db: AppDatabase, _ location: String, _ body: (AppDatabase, String) async throws -> T) async throws -> T {
        do {
            let result = try await body(db, location)
            try await db.shutdown()
            return result
        } catch {
            try? await db.shutdown()
            throw error
        }
    }

    /// Runs the built `maillage` command; returns what it printed, or throws when it failed.
    static func maillage(_ arguments: [String]) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let executable = root.appending(path: ".build/debug/maillage")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else { throw CommandFailed(output: "no \(executable.path): build first") }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw CommandFailed(output: text) }
        return text
    }

    struct CommandFailed: Error { var output: String }
}

/// Work that holds a thread until released, and says when it started.
final class BlockingWork: Sendable {
    private let started = Atomic<Bool>(false)
    private let gate = DispatchSemaphore(value: 0)

    func block() {
        started.store(true, ordering: .sequentiallyConsistent)
        gate.wait()
    }

    func release() { gate.signal() }

    func waitUntilStarted() async throws {
        while !started.load(ordering: .sequentiallyConsistent) { try await Task.sleep(for: .milliseconds(10)) }
    }
}
