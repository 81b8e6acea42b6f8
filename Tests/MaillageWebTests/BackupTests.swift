import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MaillageCore
import MaillageStorage
import MaillageTestSupport
@testable import MaillageWeb
import SQLKit
import Testing

/// `maillage backup` and `maillage restore`: a copy taken while the server writes, restored into a fresh instance that
/// serves the same pages; a damaged file or one of another schema version is refused and changes nothing.
@Suite("Backups and restores", .serialized)
struct BackupTests {
    static let pages = [
        "/", "/communes/59172", "/territoires/200042190", "/lieux/bibliotheques-2547", "/lieux/aidants-connect-5817",
        "/personas", "/api/v1/places?per_page=20", "/api/v1/communes/59526", "/plan-du-site"
    ]

    static var logger: Logger {
        var logger = Logger(label: "maillage.test")
        logger.logLevel = .warning
        return logger
    }

    /// A fresh directory, removed afterwards.
    static func withDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await body(directory)
    }

    /// Each page's status, ETag and bytes as the application serves them.
    static func snapshot(_ client: some TestClientProtocol) async throws -> [String: String] {
        var seen: [String: String] = [:]
        for page in pages {
            seen[page] = try await client.execute(uri: page, method: .get) { response in
                "\(response.status.code) \(response.headers[.eTag] ?? "no-etag") \(Data(buffer: response.body).hashValue)"
            }
        }
        return seen
    }

    static func emails(in database: AppDatabase) async throws -> Set<String> { Set(try await database.accounts.all().map(\.email)) }

    @Test func aBackupTakenDuringWritesRestoresIntoAFreshInstanceThatServesTheSamePages() async throws {
        try await Self.withDirectory { directory in
            // Setup: a server on an SQLite file with the demo territory, and 40 accounts written (acknowledged) before the backup
            let live = directory.appendingPathComponent("live.sqlite").path, file = directory.appendingPathComponent("copie.sqlite").path
            let restored = directory.appendingPathComponent("restauree.sqlite").path
            let database = try await AppDatabase.open(.sqlite(path: live), logger: Self.logger, schema: .migrate)
            let app = try await buildApplication(
                AppConfiguration(database: .sqlite(path: live), seedPack: TestData.pack), database: database, logger: Self.logger)
            @Sendable func write(_ n: Int) async throws {
                try await database.transaction { db in
                    _ = try await database.accounts.create(email: "p\(n)@caph.fr", name: "P\(n)", now: Date(), on: db)
                }
            }
            // (the application closes the database when its test ends: everything is written within it)
            let (acknowledged, before, copy, written) = try await app.test(.router) { client in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for n in 0..<40 { group.addTask { try await write(n) } }
                    try await group.waitForAll()
                }
                let acknowledged = try await Self.emails(in: database)
                let before = try await Self.snapshot(client)
                // Act: a backup while 200 more accounts are written in parallel
                async let burst: Void = withThrowingTaskGroup(of: Void.self) { group in
                    for n in 40..<240 { group.addTask { try await write(n) } }
                    try await group.waitForAll()
                }
                let copy = try await DatabaseBackup(configuration: .sqlite(path: live), logger: Self.logger).backup(to: file)
                try await burst
                return (acknowledged, before, copy, try await Self.emails(in: database))
            }
            // Act: restored into a fresh file, and a fresh application started on it
            let restoredCopy = try await DatabaseBackup(configuration: .sqlite(path: restored), logger: Self.logger).restore(from: file)
            let fresh = try await AppDatabase.open(.sqlite(path: restored), logger: Self.logger, schema: .requireCurrent)
            let freshApp = try await buildApplication(
                AppConfiguration(database: .sqlite(path: restored), seedPack: TestData.pack), database: fresh,
                logger: Self.logger)
            let (after, kept) = try await freshApp.test(.router) { client in (try await Self.snapshot(client), try await Self.emails(in: fresh)) }
            // Check: the copy is checked and of this schema; every write acknowledged before the backup is there, and
            // nothing that was never written; the same pages, byte for byte, with the same ETags
            #expect(copy.schemaVersion == AppDatabase.migrationNames.last && restoredCopy.schemaVersion == copy.schemaVersion && copy.bytes > 100_000)
            #expect(acknowledged.isSubset(of: kept) && kept.isSubset(of: written))
            #expect(after == before)
            #expect(before.filter { !$0.value.hasPrefix("200 \"") }.keys.sorted() == [])
        }
    }

    @Test func aDamagedFileABackupOfAnotherVersionAndADatabaseInUseAreRefusedAndChangeNothing() async throws {
        try await Self.withDirectory { directory in
            // Setup: a valid backup of a database with one account, restored into the target
            let source = directory.appendingPathComponent("source.sqlite").path, target = directory.appendingPathComponent("cible.sqlite").path
            let valid = directory.appendingPathComponent("valide.sqlite").path
            let database = try await AppDatabase.open(.sqlite(path: source), logger: Self.logger, schema: .migrate)
            try await database.transaction { db in _ = try await database.accounts.create(email: "a@caph.fr", name: "A", now: Date(), on: db) }
            try await database.shutdown()
            let backup = DatabaseBackup(configuration: .sqlite(path: source), logger: Self.logger)
            _ = try await backup.backup(to: valid)
            let restore = DatabaseBackup(configuration: .sqlite(path: target), logger: Self.logger)
            _ = try await restore.restore(from: valid)
            let original = try Data(contentsOf: URL(fileURLWithPath: target))
            // Setup: a truncated copy, text, a copy from an older version (a migration missing) and from a newer one
            let bytes = try Data(contentsOf: URL(fileURLWithPath: valid))
            let damaged = directory.appendingPathComponent("tronquee.sqlite").path, text = directory.appendingPathComponent("texte.sqlite").path
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: damaged))
            try Data("pas une base".utf8).write(to: URL(fileURLWithPath: text))
            func variant(_ name: String, _ statement: SQLQueryString) async throws -> String {
                let path = directory.appendingPathComponent(name).path
                try FileManager.default.copyItem(atPath: valid, toPath: path)
                let db = try await AppDatabase.open(.sqlite(path: path), logger: Self.logger, schema: .unchecked)
                try await db.sql.raw(statement).run()
                try await db.shutdown()
                return path
            }
            let older = try await variant(
                "ancienne.sqlite", "DELETE FROM schema_migrations WHERE name = \(literal: AppDatabase.migrationNames.last!)")
            let newer = try await variant("future.sqlite", "INSERT INTO schema_migrations (name, applied_at) VALUES ('9999_future', '2030-01-01')")
            // Act and check: each refused with its reason, the target unchanged
            for (file, reason) in [(damaged, "endommagé|lisible"), (text, "lisible"), (older, "plus ancienne"), (newer, "plus récente")] {
                let error = await #expect(throws: BackupError.self) { _ = try await restore.restore(from: file) }
                #expect(error.map { "\($0)".contains(try! Regex(reason)) } == true, "\(file): \(String(describing: error))")
                #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == original)
            }
            // Act and check: a target a server holds open is refused, unchanged
            let running = try await AppDatabase.open(.sqlite(path: target), logger: Self.logger, schema: .requireCurrent)
            await #expect(throws: BackupError.self) { _ = try await restore.restore(from: valid) }
            #expect(try await running.accounts.find(email: "a@caph.fr") != nil)
            try await running.shutdown()
            // Check: no temporary file left beside the target
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }.isEmpty)
        }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, "needs MAILLAGE_TEST_POSTGRES_URL"))
    func aPostgreSQLBackupRestoresIntoAnotherDatabaseThroughPgDumpAndPgRestore() async throws {
        // PostgreSQL's client programs: on PATH, or where Debian installs them
        let tools = PostgresTools(searchPath: PostgresTools().searchPath + ["/usr/lib/postgresql/15/bin"])
        try await Self.withDirectory { directory in
            try await TestDatabases.withFreshPostgres { source in
                try await TestDatabases.withFreshPostgres { target in
                    // Setup: a migrated database with one account
                    let database = try await AppDatabase.open(.postgres(url: source), logger: Self.logger, schema: .migrate)
                    try await database.transaction { db in _ = try await database.accounts.create(email: "a@caph.fr", name: "A", now: Date(), on: db)
                    }
                    try await database.shutdown()
                    let file = directory.appendingPathComponent("maillage.dump").path, junk = directory.appendingPathComponent("junk.dump").path
                    try Data("pas une archive".utf8).write(to: URL(fileURLWithPath: junk))
                    // Act: backed up, a junk file offered, then the backup restored into an empty database
                    let copy = try await DatabaseBackup(configuration: .postgres(url: source), tools: tools, logger: Self.logger).backup(to: file)
                    let restore = DatabaseBackup(configuration: .postgres(url: target), tools: tools, logger: Self.logger)
                    await #expect(throws: BackupError.self) { _ = try await restore.restore(from: junk) }
                    let empty = try await AppDatabase.open(.postgres(url: target), logger: Self.logger, schema: .unchecked)
                    #expect(try await empty.schemaStatus().pending == AppDatabase.migrationNames)
                    try await empty.shutdown()
                    _ = try await restore.restore(from: file)
                    // Check: the copy's schema, and the restored database current with the account in it
                    #expect(copy.schemaVersion == AppDatabase.migrationNames.last)
                    let restored = try await AppDatabase.open(.postgres(url: target), logger: Self.logger, schema: .requireCurrent)
                    #expect(try await restored.accounts.find(email: "a@caph.fr") != nil)
                    try await restored.shutdown()
                }
            }
        }
    }
}
