import Foundation
import MaillageCore
import MaillageImport
@testable import MaillageStorage
import MaillageTestSupport
import Testing

/// What several writers (or several instances) do to the same rows.
@Suite("Concurrent writes and the change log", .serialized)
struct ConcurrentWritesTests {
    @Test(arguments: TestDatabases.available)
    func ofTwoEditsQuotingTheSameVersionExactlyOneWins(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // Setup: two editors read Karima at version 1
            let karima = try #require(try await db.personas.find(id: "karima"))
            var byFirst = karima.persona
            byFirst.maxMinutes = 60
            var bySecond = karima.persona
            bySecond.maxMinutes = 20
            bySecond.needs.removeLast()
            // Act: both save at once
            func save(_ persona: Persona) async -> Result<PersonaRepository.Stored, any Error> {
                do { return .success(try await db.personas.update(persona, version: karima.version, by: .commandLine)) } catch {
                    return .failure(error)
                }
            }
            async let first = save(byFirst)
            async let second = save(bySecond)
            let outcomes = await [first, second]
            // Check: one saved, the other told it conflicts; the stored persona is the winner's, whole
            let saved = outcomes.compactMap { try? $0.get() }
            #expect(saved.count == 1)
            #expect(outcomes.filter { if case .failure(let error) = $0 { error is PersonaRepository.Conflict } else { false } }.count == 1)
            let stored = try #require(try await db.personas.find(id: "karima"))
            #expect(stored.version == 2)
            #expect(stored.persona == saved.first?.persona)
        }
    }

    @Test(arguments: TestDatabases.available)
    func aStaleDeleteChangesNothing(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // Setup: Marcel edited once (version 2)
            let marcel = try #require(try await db.personas.find(id: "marcel"))
            _ = try await db.personas.update(marcel.persona, version: 1, by: .commandLine)
            let before = try await db.personas.all()
            // Act / check
            await #expect(throws: PersonaRepository.Conflict.self) { try await db.personas.delete(id: "marcel", version: 1, by: .commandLine) }
            #expect(try await db.personas.all() == before)
        }
    }

    @Test(arguments: TestDatabases.available)
    func aRecordReReadByANewerReaderIsAnUpdateNotAConflict(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // Setup: CAPH loaded; a France services record read again, same date, different content
            let pack = try TestData.loadPack()
            _ = try await Importer(database: db).load(pack)
            let original = try #require(pack.records.first { $0.provenance.source == .franceServices })
            var fixed = original
            fixed.place.nom = "Nom corrigé par le lecteur"
            let places = db.places
            func store(readerVersion: Int) async throws -> PlaceRepository.Changes {
                let encoded = PlaceRepository.encode([fixed], readerVersion: { _ in readerVersion })
                return try await db.transaction { session in try await places.stage(encoded, on: session).changes }
            }
            // Act: by the same reader version, then by a newer one
            let sameReader = try await store(readerVersion: 1)
            let newerReader = try await store(readerVersion: 2)
            // Check
            #expect(sameReader.conflicts == [original.provenance.key])
            #expect(newerReader.updated == 1 && newerReader.conflicts.isEmpty)
            try await Importer(database: db).finishPendingMerge()
            let place = try await db.places.place(id: original.provenance.key.replacingOccurrences(of: ":", with: "-"))
            #expect(place?.place.nom == "Nom corrigé par le lecteur")
        }
    }

    @Test(arguments: TestDatabases.available)
    func theChangeLogNamesTheCommunesAnImportRebuilt(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // Setup: CAPH loaded
            let pack = try TestData.loadPack()
            _ = try await Importer(database: db).load(pack)
            let seen = try await db.changes.latest()
            var record = try #require(pack.records.first { $0.place.codeInsee?.rawValue == "59172" })
            record.place.nom = "Nouveau nom"
            record.provenance.dateMaj = CalendarDay("2030-01-01")!
            // Act
            _ = try await Importer(database: db).importRecords([record])
            let changes = try await db.changes.changes(after: seen)
            // Check: only Denain's places, nothing else
            #expect(changes.items == [.places: ["59172"]])
            #expect(changes.latest > seen)
            #expect(try await db.changes.changes(after: changes.latest).items == [:])
        }
    }

    @Test(arguments: TestDatabases.available)
    func everyTopicOfTheChangeLogIsAllowedByTheMigratedSchema(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // Setup
            let seen = try await db.changes.latest()
            // Act: one change of every topic, each in its own transaction
            for topic in ChangeLog.Topic.allCases {
                try await db.transaction { sql in try await ChangeLog.record(topic, keys: ["x"], on: sql, database: db) }
            }
            // Check: every one was logged (a topic the CHECK did not know would have thrown)
            let changes = try await db.changes.changes(after: seen)
            #expect(changes.items.map { Set($0.keys) } == Set(ChangeLog.Topic.allCases))
        }
    }
}
