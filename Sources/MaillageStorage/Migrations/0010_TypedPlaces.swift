import SQLKit

/// Merged places in typed columns and child tables instead of one JSON body. Places are derived data: the old rows
/// are dropped and every block is marked pending, so that the next merge (`maillage migrate`, an import or the
/// server's start) rebuilds them from the source records. Why each field came from which record is not stored: the
/// place page merges the place's block again to explain it.
struct TypedPlaces: Migration {
    let name = "0010_typed_places"

    private typealias P = PlaceTables.Place
    private typealias S = PlaceTables.Source
    private typealias L = PlaceTables.ListItem
    private typealias U = PlaceTables.Unmapped

    func prepare(on db: any SQLDatabase) async throws {
        try await db.drop(table: "place_sources").run()
        try await db.drop(table: "places").run()
        try await PlaceColumns.define(on: db.create(table: P.table)
            .column(P.id, type: .text, .primaryKey(autoIncrement: false))
            .column(P.blockKey, type: .text, .notNull), database: db)
            .run()
        try await db.create(index: "places_commune").on(P.table).column(PlaceColumns.communeCode).run()
        try await db.create(index: "places_block").on(P.table).column(P.blockKey).run()
        try await db.create(table: S.table)
            .column(S.placeID, type: .text, .notNull)
            .column(S.position, type: .int, .notNull)
            .column(S.source, type: .text, .notNull)
            .column(S.sourceID, type: .text, .notNull)
            .column(S.dateMaj, type: .text, .notNull)
            .primaryKey(S.placeID, S.position)
            .unique(S.source, S.sourceID)
            .foreignKey([S.placeID], references: P.table, [P.id], onDelete: .cascade)
            .foreignKey([S.source, S.sourceID], references: "source_records", ["source", "source_id"], onDelete: .cascade)
            .check(SQLRaw("length(\(S.dateMaj)) = 10"), named: nil as String?)
            .run()
        try await db.create(table: L.table)
            .column(L.placeID, type: .text, .notNull)
            .column(L.field, type: .text, .notNull)
            .column(L.position, type: .int, .notNull)
            .column(L.value, type: .text, .notNull)
            .primaryKey(L.placeID, L.field, L.position)
            .foreignKey([L.placeID], references: P.table, [P.id], onDelete: .cascade)
            .check("\(ident: L.field) IN (\(literals: L.fields, joinedBy: ", "))" as SQLQueryString, named: nil as String?)
            .run()
        try await db.create(table: U.table)
            .column(U.placeID, type: .text, .notNull)
            .column(U.position, type: .int, .notNull)
            .column(U.field, type: .text, .notNull)
            .column(U.value, type: .text, .notNull)
            .primaryKey(U.placeID, U.position)
            .foreignKey([U.placeID], references: P.table, [P.id], onDelete: .cascade)
            .run()
        try await db.raw("""
            INSERT INTO pending_blocks (block_key) SELECT DISTINCT block_key FROM source_records
            WHERE block_key NOT IN (SELECT block_key FROM pending_blocks)
            """).run()
    }
}
