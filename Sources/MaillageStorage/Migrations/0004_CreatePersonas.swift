import MaillageCore
import SQLKit

/// The workshop's personas, seeded with the default library.
struct CreatePersonas: Migration {
    let name = "0004_personas"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "personas")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("first_name", type: .text, .notNull)
            .column("commune_code", type: .text, .notNull)
            .column("version", type: .bigint, .notNull)
            .column("body", type: .text, .notNull)
            .check(SQLRaw("length(commune_code) = 5 AND version >= 1"), named: nil as String?)
            .run()
        for persona in Persona.defaultLibrary { try await PersonaRepository.insert(persona, on: db) }
    }
}
