import Foundation
import MaillageCore
@testable import MaillageStorage
import MaillageTestSupport
import SQLKit
import Testing

/// Migrations are explicit, locked, and convert the data of older schemas.
@Suite("Migrations", .serialized)
struct MigrationTests {
    @Test(arguments: TestDatabases.available)
    func anUnmigratedDatabaseIsRefusedAndLeftUntouched(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind, schema: .unchecked) { db in
            // Act
            let status = try await db.schemaStatus()
            let refusal = await #expect(throws: SchemaOutOfDate.self) { try await db.requireCurrentSchema() }
            // Check: every migration pending, the message says what to run, and nothing was created
            #expect(status.pending == AppDatabase.migrationNames)
            #expect(refusal?.description.contains("maillage migrate") == true)
            let after = try await db.schemaStatus()
            #expect(after.pending == AppDatabase.migrationNames)
        }
    }

    @Test(arguments: TestDatabases.available)
    func aSchemaWrittenByANewerVersionIsRefused(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // Setup: a migration this version does not know
            try await db.sql.insert(into: "schema_migrations").columns("name", "applied_at")
                .values(SQLBind("9999_from_the_future"), SQLBind("2030-01-01T00:00:00Z")).run()
            // Act / check
            let refusal = await #expect(throws: SchemaOutOfDate.self) { try await db.requireCurrentSchema() }
            #expect(refusal?.status.unknown == ["9999_from_the_future"])
            #expect(refusal?.description.contains("plus récente") == true)
        }
    }

    @Test(arguments: TestDatabases.available)
    func personasStoredAsJSONByTheOldSchemaAreConvertedWithTheirVersions(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind, schema: .unchecked) { db in
            // Setup: the schema as the previous version left it (its seeded personas as JSON), Karima edited twice
            try await Migrator(database: db).migrate(through: "0005_pending_blocks")
            try await db.sql.update("personas").set("version", to: SQLBind(3)).where("id", .equal, SQLBind("karima")).run()
            // Act
            let applied = try await db.migrate()
            // Check: the same nine personas, field by field, with their versions kept
            #expect(applied == Array(AppDatabase.migrationNames.drop { $0 != "0006_typed_personas" }))
            let stored = try await db.personas.all()
            #expect(stored.map(\.persona).sorted { $0.id < $1.id } == Persona.defaultLibrary.sorted { $0.id < $1.id })
            #expect(stored.first { $0.persona.id == "karima" }?.version == 3)
            #expect(stored.first { $0.persona.id == "marcel" }?.version == 1)
            try await db.requireCurrentSchema()
        }
    }

    @Test(arguments: TestDatabases.available)
    func importReportsStoredAsJSONAreConvertedIntoTheirTables(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind, schema: .unchecked) { db in
            // Setup: a run recorded by the previous schema, its report as JSON
            try await Migrator(database: db).migrate(through: "0008_change_log")
            let body =
                #"{"file":"fs.csv","format":"france-services","rowsRead":3,"accepted":2,"rejections":[{"line":3,"field":"code_postal","value":"ABCDE","expected":"5 chiffres"}],"warnings":[{"line":2,"message":"horaires illisibles"}],"unmapped":{"services: Autre":2},"vocabularyRevision":"2022"}"#
            try await db.sql.insert(into: "import_runs")
                .columns("id", "file", "format", "started_at", "status", "rows_read", "accepted", "rejected", "report")
                .values(
                    SQLBind("run-1"), SQLBind("fs.csv"), SQLBind("france-services"), SQLBind(ISO8601DateFormatter().string(from: Date())),
                    SQLBind("importé"), SQLBind(3), SQLBind(2), SQLBind(1), SQLBind(body)
                ).run()
            // Act
            try await db.migrate()
            // Check: the same report, read from its tables
            let run = try #require(try await db.importRuns.recent().first)
            #expect(run.id == "run-1" && run.status == "importé")
            #expect(run.report.rowsRead == 3 && run.report.accepted == 2 && run.report.rejected == 1)
            #expect(run.report.rejections.first?.description == "ligne 3, champ « code_postal » : valeur « ABCDE » — attendu : 5 chiffres")
            #expect(run.report.warnings.map(\.message) == ["horaires illisibles"])
            #expect(run.report.unmapped == ["services: Autre": 2])
            #expect(run.report.vocabularyRevision == "2022")
        }
    }

    @Test(arguments: TestDatabases.available)
    func listsStoredAsJoinedTextAreReadTheSameFromTheirChildTables(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind, schema: .unchecked) { db in
            // Setup: the schema just before 0025, holding a meeting, a missing place and a structure with their lists as
            // `|`-joined text, and a meeting and a structure with empty lists
            let names = AppDatabase.migrationNames
            let previous = try #require(names.firstIndex(of: "0025_lists_as_child_tables")).advanced(by: -1)
            try await Migrator(database: db).migrate(through: names[previous])
            let now = ISO8601DateFormatter().string(from: Date())
            try await db.sql.insert(into: "cycles").columns("territory", "title", "goal", "created_at")
                .values(SQLBind("200040715"), SQLBind("Cycle 2026"), SQLBind(""), SQLBind(now)).run()
            let cycleID = try #require(try await db.sql.select().column("id").from("cycles").first(decodingColumn: "id", as: Int.self))
            for (venue, communes) in [("Mairie", "38185|38151|38057"), ("Médiathèque", "")] {
                try await db.sql.insert(into: "meetings")
                    .columns("cycle_id", "starts_at", "venue", "focus_communes", "workshop_state", "decisions", "version")
                    .values(SQLBind(cycleID), SQLBind(now), SQLBind(venue), SQLBind(communes), SQLBind("en_preparation"), SQLBind(""), SQLBind(0))
                    .run()
            }
            try await db.sql.insert(into: "missing_places")
                .columns(
                    "territory", "commune_code", "services", "publics", "needs", "justification", "origin", "status", "priority", "created_at",
                    "author_label"
                )
                .values(
                    SQLBind("200040715"), SQLBind("38185"), SQLBind("Loisirs et créations numériques|Aide aux démarches administratives"),
                    SQLBind("Seniors|Jeunes"), SQLBind("samedi|soir|sans_rdv"), SQLBind("Rien le samedi"), SQLBind("saisie"), SQLBind("idee"),
                    SQLBind(2), SQLBind(now), SQLBind("Awa Diallo")
                ).run()
            for (id, communes) in [("structure-ccas", "38151|38185"), ("structure-mairie", "")] {
                try await db.sql.insert(into: "structure_completions").columns("structure_id", "name", "kind", "communes", "updated_at")
                    .values(SQLBind(id), SQLBind("CCAS"), SQLBind("ccas"), SQLBind(communes), SQLBind(now)).run()
            }
            // Act
            let applied = try await Migrator(database: db).migrate()
            // Check: the same lists, in their order, read from the child tables; the joined columns are gone
            #expect(applied.first == "0025_lists_as_child_tables")
            let meetings = try await db.cycles.meetings(cycle: cycleID)
            #expect(meetings.map(\.venue) == ["Mairie", "Médiathèque"])
            #expect(meetings.map { $0.focusCommunes.map(\.rawValue) } == [["38185", "38151", "38057"], []])
            let missing = try #require(try await db.missingPlaces.all(territory: Siren("200040715")!).first)
            #expect(missing.services == [.loisirsCreations, .aideDemarchesAdministratives])
            #expect(missing.publics == [.seniors, .jeunes])
            #expect(missing.needs == [.saturday, .evening, .appointmentFree])
            let structures = try await db.structures.completions()
            #expect(structures.map(\.structureID) == ["structure-ccas", "structure-mairie"])
            #expect(structures.map { $0.communes.map(\.rawValue) } == [["38151", "38185"], []])
            for (table, column) in [("meetings", "focus_communes"), ("missing_places", "services"), ("structure_completions", "communes")] {
                await #expect(throws: (any Error).self) { try await db.sql.select().column(column).from(table).all() }
            }
            try await db.requireCurrentSchema()
        }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, "needs MAILLAGE_TEST_POSTGRES_URL"))
    func twoInstancesMigratingOnePostgreSQLDatabaseTogetherApplyEachMigrationOnce() async throws {
        try await TestDatabases.withFreshPostgres { url in
            // Setup: two instances on the same new database
            let first = try await AppDatabase.open(.postgres(url: url), schema: .unchecked)
            let second = try await AppDatabase.open(.postgres(url: url), schema: .unchecked)
            // Act: both migrate at once
            async let a = first.migrate()
            async let b = second.migrate()
            let (appliedByFirst, appliedBySecond) = try await (a, b)
            // Check: one applied everything, the other waited and found nothing to do; personas seeded once
            #expect((appliedByFirst + appliedBySecond).sorted() == AppDatabase.migrationNames)
            #expect(appliedByFirst.isEmpty || appliedBySecond.isEmpty)
            #expect(try await first.personas.all().count == Persona.defaultLibrary.count)
            try await first.shutdown()
            try await second.shutdown()
        }
    }
}
