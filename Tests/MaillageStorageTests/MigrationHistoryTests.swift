import Foundation
import MaillageCore
import MaillageImport
import MaillageSources
@testable import MaillageStorage
import MaillageTestSupport
import SQLKit
import Testing

/// Migrations are history: a database made by the first release and filled then reaches, one migration at a time,
/// exactly the schema of a new database, and keeps its data; a new database has the schema committed in `Fixtures/`.
///
/// When a migration is added on purpose, its schema change is written into the snapshots by running this suite once
/// with `MAILLAGE_UPDATE_SCHEMA_SNAPSHOT=1` (and `MAILLAGE_TEST_POSTGRES_URL` for the PostgreSQL one); the diff of
/// `Fixtures/schema-*.txt` then shows, in the commit, what the migration changed.
@Suite("Migration history", .serialized)
struct MigrationHistoryTests {
    @Test(arguments: TestDatabases.available)
    func aFirstReleaseDatabaseMigratedStepByStepHasTheNewSchemaAndKeepsItsData(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind, schema: .unchecked) { db in
            // Setup: the first release's schema, with CAPH's data written by the SQL of that time
            try await Migrator(database: db).migrate(through: FirstReleaseData.lastMigration)
            try await FirstReleaseData.write(on: db.sql)
            // Act: every later migration, one at a time
            var applied: [[String]] = []
            for name in AppDatabase.migrationNames.drop(while: { $0 != FirstReleaseData.lastMigration }).dropFirst() {
                applied.append(try await Migrator(database: db).migrate(through: name))
            }
            let rebuilt = try await Importer(database: db).finishPendingMerge()
            // Check: each step applied its own migration, and the schema is a new database's
            #expect(applied == AppDatabase.migrationNames.drop { $0 != FirstReleaseData.lastMigration }.dropFirst().map { [$0] })
            try await db.requireCurrentSchema()
            let migrated = try await SchemaDescription.of(db)
            let fresh = try await TestDatabases.with(kind) { try await SchemaDescription.of($0) }
            #expect(Self.difference(migrated, fresh).isEmpty, "\(Self.difference(migrated, fresh))")
            // Check: the data written at the start, read by today's repositories
            let pack = try TestData.loadPack()
            try Self.expectTerritory(try await db.territories.load(), as: pack.territory)
            let records = pack.records.filter { ["aidants-connect:10642", "bibliotheques:2490"].contains($0.provenance.key) }
            #expect(records.count == 2)
            #expect(try await db.places.records() == records.sorted { $0.provenance.key < $1.provenance.key })
            #expect(rebuilt == 2)
            #expect(try await db.places.all() == PlaceMerger().merge(records).map(TypedPlacesTests.asStored).sorted { $0.id < $1.id })
            let personas = try await db.personas.all()
            #expect(personas.map(\.persona).sorted { $0.id < $1.id } == Persona.defaultLibrary.sorted { $0.id < $1.id })
            #expect(personas.allSatisfy { $0.territory == .caph && $0.version == ($0.persona.id == "karima" ? 2 : 1) })
            let run = try #require(try await db.importRuns.recent().first)
            #expect(run.id == "run-1" && run.status == "importé" && run.report.format == "aidants-connect")
            #expect(run.report.rowsRead == 3 && run.report.accepted == 2 && run.report.rejected == 1)
            #expect(run.report.rejections.map(\.description) == ["ligne 3, champ « code_postal » : valeur « ABCDE » — attendu : 5 chiffres"])
            #expect(run.report.warnings.map(\.message) == ["horaires illisibles"])
            #expect(run.report.unmapped == ["services: Autre": 2] && run.report.vocabularyRevision == "2022")
        }
    }

    @Test(arguments: TestDatabases.available)
    func aNewDatabaseHasTheCommittedSchema(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // Act
            let schema = try await SchemaDescription.of(db)
            let snapshot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/schema-\(kind.rawValue).txt")
            if ProcessInfo.processInfo.environment["MAILLAGE_UPDATE_SCHEMA_SNAPSHOT"] == "1" {
                try schema.write(to: snapshot, atomically: true, encoding: .utf8)
            }
            // Check: line for line the committed snapshot
            let committed = try String(contentsOf: snapshot, encoding: .utf8)
            #expect(Self.difference(schema, committed).isEmpty, "\(Self.difference(schema, committed))")
            #expect(schema.contains("table places") && schema.contains("table change_log"))
        }
    }

    /// The lines only one of two descriptions has, marked `-` (only the first) or `+` (only the second).
    static func difference(_ first: String, _ second: String) -> [String] {
        let (a, b) = (first.split(separator: "\n"), second.split(separator: "\n"))
        let only = a.filter { !b.contains($0) }.map { "- \($0)" } + b.filter { !a.contains($0) }.map { "+ \($0)" }
        return only.isEmpty && a != b ? ["(the same lines, in another order or repeated)"] : only
    }

    /// The two communes written at the start, as the pack has them (the first release's rows carry no boundary), with
    /// their EPCI, QPV, fragility, broadband and adjacency.
    static func expectTerritory(_ territory: TerritoryData, as pack: TerritoryData) throws {
        let denain = try #require(CommuneCode("59172")), raismes = try #require(CommuneCode("59491"))
        var expected = [denain: try #require(pack.communes[denain]), raismes: try #require(pack.communes[raismes])]
        for code in [denain, raismes] { expected[code]?.boundary = nil }
        #expect(territory.communes == expected)
        #expect(territory.epcis[.caph]?.name == "CA de la Porte du Hainaut" && territory.epcis[.caph]?.members.sorted() == [denain, raismes])
        #expect(territory.qpvs["QP059050"]?.communeNames == pack.qpvs["QP059050"]?.communeNames)
        #expect(territory.fragility[denain] == pack.fragility[denain])
        #expect(territory.broadband[denain] == pack.broadband[denain])
        #expect(territory.adjacency.neighbours(of: denain) == [raismes])
    }
}
