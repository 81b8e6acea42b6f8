import SQLKit

/// Merged places in typed columns and child tables instead of one JSON body. Places are derived data: the old rows
/// are dropped and every block is marked pending, so that the next merge (`maillage migrate`, an import or the
/// server's start) rebuilds them from the source records. Why each field came from which record is not stored: the
/// place page merges the place's block again to explain it.
struct TypedPlaces: Migration {
    let name = "0010_typed_places"

    private typealias P = PlaceTables.Place

    func prepare(on db: any SQLDatabase) async throws {
        try await db.drop(table: "place_sources").run()
        try await db.drop(table: "places").run()
        try await PlaceColumns.define(on: db.create(table: P.table)
            .column(P.id, type: .text, .primaryKey(autoIncrement: false))
            .column(P.blockKey, type: .text, .notNull), database: db)
            .run()
        try await db.create(index: "places_commune").on(P.table).column(PlaceColumns.communeCode).run()
        try await db.create(index: "places_block").on(P.table).column(P.blockKey).run()
        try await PlaceTables.createPlaceSourcesTable(on: db)
        try await PlaceTables.merged.createChildTables(on: db)
        try await db.raw("""
            INSERT INTO pending_blocks (block_key) SELECT DISTINCT block_key FROM source_records
            WHERE block_key NOT IN (SELECT block_key FROM pending_blocks)
            """).run()
    }
}
