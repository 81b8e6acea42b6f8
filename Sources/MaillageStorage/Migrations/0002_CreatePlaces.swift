import SQLKit

/// Source records (one per source row, unique by source and id) and the merged places built from them.
struct CreatePlaces: Migration {
    let name = "0002_places"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "source_records")
            .column("source", type: .text, .notNull)
            .column("source_id", type: .text, .notNull)
            .column("date_maj", type: .text, .notNull)
            .column("block_key", type: .text, .notNull)
            .column("fingerprint", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .primaryKey("source", "source_id")
            .check(SQLRaw("length(date_maj) = 10"), named: nil as String?)
            .run()
        try await db.create(index: "source_records_block").on("source_records").column("block_key").run()
        try await db.create(table: "places")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("nom", type: .text, .notNull)
            .column("block_key", type: .text, .notNull)
            .column("commune_code", type: .text)
            .column("code_postal", type: .text, .notNull)
            .column("latitude", type: db.doubleType)
            .column("longitude", type: db.doubleType)
            .column("precision", type: .text, .notNull)
            .column("date_maj", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .check(SQLRaw("precision IN ('adresse', 'commune', 'none')"), named: nil as String?)
            .check(SQLRaw("commune_code IS NULL OR length(commune_code) = 5"), named: nil as String?)
            .run()
        try await db.create(index: "places_commune").on("places").column("commune_code").run()
        try await db.create(index: "places_block").on("places").column("block_key").run()
        try await db.create(table: "place_sources")
            .column("source", type: .text, .notNull)
            .column("source_id", type: .text, .notNull)
            .column("place_id", type: .text, .notNull)
            .primaryKey("source", "source_id")
            .foreignKey(["place_id"], references: "places", ["id"], onDelete: .cascade)
            .foreignKey(["source", "source_id"], references: "source_records", ["source", "source_id"], onDelete: .cascade)
            .run()
        try await db.create(index: "place_sources_place").on("place_sources").column("place_id").run()
    }
}
