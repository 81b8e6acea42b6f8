import SQLKit

/// Each territory has its own library of personas: the existing personas (the CAPH workshop's, seeded by 0004) belong
/// to the Communauté d'Agglomération de la Porte du Hainaut.
struct PersonasByTerritory: Migration {
    let name = "0013_personas_by_territory"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            ALTER TABLE \(ident: "personas") ADD COLUMN \(ident: "territory") \
            TEXT NOT NULL DEFAULT '200042190' CHECK (length(\(ident: "territory")) = 9)
            """
        ).run()
        try await db.create(index: "personas_territory").on("personas").column("territory").run()
    }
}
