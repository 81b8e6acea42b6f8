import MaillageCore
import MaillageStorage
import MaillageTestSupport
import Testing

/// Personas on SQLite and, when `MAILLAGE_TEST_POSTGRES_URL` is set, on PostgreSQL.
@Suite("Persona storage", .serialized)
struct PersonaStorageTests {
    @Test(arguments: TestDatabases.available)
    func theDefaultLibraryIsSeededAndAStaleEditIsAConflict(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // Seeded by the migration
            let all = try await db.personas.all()
            #expect(all.map(\.persona.id).sorted() == Persona.defaultLibrary.map(\.id).sorted())
            let karima = try #require(try await db.personas.find(id: "karima"))
            #expect(karima.persona == Persona.defaultLibrary.first { $0.id == "karima" })
            #expect(karima.version == 1)

            // An edit at the read version goes through; a second one quoting the same version is refused
            var edited = karima.persona
            edited.maxMinutes = 60
            let saved = try await db.personas.update(edited, version: 1, by: .commandLine)
            #expect(saved.version == 2)
            var stale = karima.persona
            stale.maxMinutes = 10
            await #expect(throws: PersonaRepository.Conflict.self) { _ = try await db.personas.update(stale, version: 1, by: .commandLine) }
            let afterConflict = try await db.personas.find(id: "karima")
            #expect(afterConflict?.persona.maxMinutes == 60)

            // A new persona named like an existing one gets its own identifier
            let copy = try await db.personas.create(karima.persona, territory: .caph, by: .commandLine)
            #expect(copy.persona.id == "karima-2")
            await #expect(throws: PersonaRepository.Conflict.self) { try await db.personas.delete(id: "karima-2", version: 7, by: .commandLine) }
            try await db.personas.delete(id: "karima-2", version: 1, by: .commandLine)
            let deleted = try await db.personas.find(id: "karima-2")
            #expect(deleted == nil)
        }
    }
}
