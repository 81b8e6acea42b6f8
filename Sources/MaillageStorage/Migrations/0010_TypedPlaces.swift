import SQLKit

/// Merged places in typed columns and child tables instead of one JSON body. Places are derived data: the old rows
/// are dropped and every block is marked pending, so that the next merge (`maillage migrate`, an import or the
/// server's start) rebuilds them from the source records. Why each field came from which record is not stored: the
/// place page merges the place's block again to explain it.
struct TypedPlaces: Migration {
    let name = "0010_typed_places"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.drop(table: "place_sources").run()
        try await db.drop(table: "places").run()
        try await TypedPlaceColumnsV1.define(
            on: db.create(table: "places")
                .column("id", type: .text, .primaryKey(autoIncrement: false))
                .column("block_key", type: .text, .notNull), database: db
        )
        .run()
        try await db.create(index: "places_commune").on("places").column("commune_code").run()
        try await db.create(index: "places_block").on("places").column("block_key").run()
        try await TypedPlaceColumnsV1.createPlaceSourcesTable(on: db)
        try await TypedPlaceColumnsV1.createChildTables(
            of: "places", key: "id", listItems: "place_list_items", unmapped: "place_unmapped",
            childKey: "place_id", on: db)
        try await db.raw(
            """
            INSERT INTO pending_blocks (block_key) SELECT DISTINCT block_key FROM source_records
            WHERE block_key NOT IN (SELECT block_key FROM pending_blocks)
            """
        ).run()
    }
}
