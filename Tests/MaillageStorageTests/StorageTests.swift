import Foundation
import MaillageCore
import MaillageImport
import MaillageSources
import MaillageStorage
import MaillageTestSupport
import SQLKit
import Testing

/// The same suite on SQLite and, when `MAILLAGE_TEST_POSTGRES_URL` is set, on PostgreSQL.
@Suite("Storage", .serialized)
struct StorageTests {
    @Test(arguments: TestDatabases.available)
    func migrationsAreAppliedOnceInOrder(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            #expect(try await db.migrate().isEmpty)
            let names = try await db.sql.select().column("name").from("schema_migrations").orderBy("name").all()
                .map { try $0.decode(column: "name", as: String.self) }
            #expect(names == AppDatabase.migrationNames)
        }
    }

    @Test(arguments: TestDatabases.available)
    func theTerritoryRoundTrips(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // setup
            let pack = try TestData.loadPack()
            // act
            try await db.territories.replace(with: pack.territory)
            let loaded = try await db.territories.load()
            // check
            #expect(loaded.communes == pack.territory.communes)
            #expect(loaded.epcis == pack.territory.epcis)
            #expect(loaded.qpvs == pack.territory.qpvs)
            #expect(loaded.fragility == pack.territory.fragility)
            #expect(loaded.adjacency == pack.territory.adjacency)
            #expect(loaded.members(of: .caph).count == 47)
        }
    }

    @Test(arguments: TestDatabases.available)
    func reimportingTheSameRecordsChangesNothing(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // setup
            let pack = try TestData.loadPack()
            let first = try await Importer(database: db).load(pack)
            let placesBefore = try await db.places.all()
            // act
            let second = try await Importer(database: db).importRecords(pack.records)
            // check
            #expect(first.inserted == pack.records.count)
            #expect(second == PlaceRepository.Changes(inserted: 0, updated: 0, unchanged: pack.records.count, conflicts: [], placesRebuilt: 0))
            #expect(try await db.places.all() == placesBefore)
            #expect(try await db.places.recordCount() == pack.records.count)
        }
    }

    @Test(arguments: TestDatabases.available)
    func aDifferentRecordOfTheSameDateIsAConflictAndANewerOneAnUpdate(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // setup
            let pack = try TestData.loadPack()
            _ = try await Importer(database: db).load(pack)
            let original = try #require(pack.records.first { $0.provenance.source == .franceServices })
            var sameDate = original
            sameDate.place.nom = "Nom modifié"
            var newer = original
            newer.place.nom = "Nom plus récent"
            newer.provenance.dateMaj = CalendarDay("2030-01-01")!
            newer.place.dateMaj = newer.provenance.dateMaj
            // act
            let conflict = try await Importer(database: db).importRecords([sameDate])
            let kept = try await db.places.place(id: original.provenance.key.replacingOccurrences(of: ":", with: "-"))
            let update = try await Importer(database: db).importRecords([newer])
            let updated = try await db.places.place(id: original.provenance.key.replacingOccurrences(of: ":", with: "-"))
            // check
            #expect(conflict.conflicts == [original.provenance.key])
            #expect(kept?.place.nom == original.place.nom)
            #expect(update.updated == 1)
            #expect(updated?.place.nom == "Nom plus récent")
        }
    }

    @Test(arguments: TestDatabases.available)
    func aStandardFileWithABadRowImportsItsGoodRowsAndStrictModeRejectsItWhole(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // setup: CAPH loaded, then a standard file whose second row is invalid
            _ = try await Importer(database: db).load(try TestData.loadPack())
            let before = try await db.places.all()
            let example = try TestData.text("lieux/schema-exemple-valide.csv")
            let lines = example.split(separator: "\n").map(String.init)
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("cassé-\(UUID().uuidString).csv")
            try [
                lines[0], lines[1],
                lines[1].replacingOccurrences(of: "\"structure-1\"", with: "\"structure-2\"")
                    .replacingOccurrences(of: "\"51100\"", with: "\"ABCDE\"")
            ].joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: url) }
            // act: strict first, then by default
            let strict = try await Importer(database: db, strict: true).run([url]).files
            let afterStrict = try await db.places.all()
            let strictRun = try await db.importRuns.recent().first?.status
            let lenient = try await Importer(database: db).run([url]).files
            // check: strict leaves everything as it was; by default the good row is stored, the bad one reported
            #expect(strict.count == 1 && strict[0].imported == false && afterStrict == before)
            #expect(strictRun == "rejeté")
            #expect(lenient.count == 1 && lenient[0].imported == true)
            #expect(lenient[0].report?.rejections.first?.line == 3 && lenient[0].report?.rejections.first?.field == "code_postal")
            let after = try await db.places.all()
            #expect(
                after.count == before.count + 1 && after.contains { $0.place.codePostal == "51100" }
                    && !after.contains { $0.place.codePostal == "ABCDE" })
        }
    }

    @Test(arguments: TestDatabases.available)
    func filesStoredOneByOneAndMergedOnceGiveTheSamePlacesAsMergingEachFile(kind: TestDatabases.Kind) async throws {
        // Setup: the Nord and Pas-de-Calais rows of two national files whose places overlap (France services also
        // registered with Aidants Connect).
        let files = ["france-services-2022-12.csv", "aidants-connect-structures-2023-01.json"].map { file in
            TestData.nationalRecords[file]!.records.filter { ["59", "62"].contains($0.place.codeInsee?.department) }
        }
        let mergedEachTime = try await TestDatabases.with(kind) { db in
            for records in files { _ = try await Importer(database: db).importRecords(records) }
            return try await db.places.all()
        }

        // Act: each file stored in its own transaction, merged once, with the records in memory…
        let mergedOnce = try await TestDatabases.with(kind) { db in
            var written: [SourceRecord] = []
            for records in files { written += try await Importer(database: db).stage(records).written }
            #expect(try await db.places.all().isEmpty)  // stored, not merged yet
            let rebuilt = try await Importer(database: db).finishPendingMerge(known: written)
            #expect(try await Importer(database: db).finishPendingMerge() == 0)  // nothing left pending
            return (rebuilt, try await db.places.all())
        }
        // … and merged later from the stored records alone, as after an interrupted import.
        let mergedAfterInterruption = try await TestDatabases.with(kind) { db in
            for records in files { _ = try await Importer(database: db).stage(records) }
            try await Importer(database: db).finishPendingMerge()
            return try await db.places.all()
        }

        // Check
        #expect(mergedEachTime.count > 250)
        #expect(mergedEachTime.count < files.joined().count)  // some records merged into one place
        #expect(mergedOnce.0 == mergedEachTime.count)
        #expect(mergedOnce.1 == mergedEachTime)
        #expect(mergedAfterInterruption == mergedEachTime)
    }

    @Test(arguments: TestDatabases.available)
    func aFailureInsideTheTransactionRollsEverythingBack(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            _ = try await Importer(database: db).load(try TestData.loadPack())
            let before = try await db.places.recordCount()
            await #expect(throws: (any Error).self) {
                try await db.transaction { session in
                    try await session.delete(from: "place_sources").run()
                    try await session.delete(from: "source_records").run()
                    try await session.raw("SELECT * FROM no_such_table").run()
                }
            }
            #expect(try await db.places.recordCount() == before)
        }
    }

    @Test(arguments: TestDatabases.available)
    func theSchemaEnforcesUniquenessAndCodeFormats(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            _ = try await Importer(database: db).load(try TestData.loadPack())
            let record = try await db.sql.select().columns("source", "source_id").from("source_records").first()
            let source = try #require(try record?.decode(column: "source", as: String.self))
            let id = try #require(try record?.decode(column: "source_id", as: String.self))
            let before = try await db.places.records()
            await #expect(throws: (any Error).self) {  // the same (source, source_id) twice
                try await db.sql.raw(
                    "INSERT INTO source_records SELECT * FROM source_records WHERE source = \(bind: source) AND source_id = \(bind: id)"
                ).run()
            }
            await #expect(throws: (any Error).self) {  // a key that is not source:source_id
                try await db.sql.update("source_records").set("record_key", to: SQLBind("\(source):autre")).where("source_id", .equal, SQLBind(id))
                    .run()
            }
            #expect(try await db.places.records() == before)
            await #expect(throws: (any Error).self) {
                try await db.sql.insert(into: "communes").columns("code", "name", "postal_code", "population", "latitude", "longitude")
                    .values(SQLBind("5917"), SQLBind("X"), SQLBind("59220"), SQLBind(1), SQLBind(50.0), SQLBind(3.0)).run()
            }
        }
    }

    @Test(arguments: TestDatabases.available)
    func placesArePagedAndCountedBySource(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            _ = try await Importer(database: db).load(try TestData.loadPack())
            let denain = CommuneCode("59172")!
            let page = try await db.places.page(communes: [denain], limit: 2, offset: 0)
            #expect(page.total >= 2 && page.places.count == 2)
            #expect(page.places.allSatisfy { $0.place.codeInsee == denain })
            let caph = Array(TestData.caphCommunes)
            let bySource = try await db.places.countBySource(communes: caph)
            #expect(bySource[.bibliotheques] == 36)
            #expect(bySource[.franceServices] == 3)
        }
    }
}
