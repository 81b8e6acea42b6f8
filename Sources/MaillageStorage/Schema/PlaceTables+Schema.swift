import SQLKit

extension PlaceTables {
    /// Creates the source records' table and its child tables.
    static func createRecordTables(on db: any SQLDatabase) async throws {
        typealias R = Record
        try await PlaceColumns.define(on: db.create(table: R.table)
            .column(R.key, type: .text, .notNull, .unique)
            .column(R.source, type: .text, .notNull)
            .column(R.sourceID, type: .text, .notNull)
            .column(R.placeID, type: .text, .notNull)
            .column(R.provenanceDate, type: .text, .notNull)
            .column(R.blockKey, type: .text, .notNull)
            .column(R.fingerprint, type: .text, .notNull)
            .column(R.readerVersion, type: .int, .notNull)
            .primaryKey(R.source, R.sourceID)
            .check("\(ident: R.key) = \(ident: R.source) || ':' || \(ident: R.sourceID)" as SQLQueryString, named: nil as String?)
            .check("length(\(ident: R.provenanceDate)) = 10" as SQLQueryString, named: nil as String?)
            .check("\(ident: R.readerVersion) >= 1" as SQLQueryString, named: nil as String?), database: db)
            .run()
        try await db.create(index: "source_records_block").on(R.table).column(R.blockKey).run()
        try await records.createChildTables(on: db)
    }

    /// Creates the table of the records merged into each place, tied to both the place and the record.
    static func createPlaceSourcesTable(on db: any SQLDatabase) async throws {
        typealias S = Source
        try await db.create(table: S.table)
            .column(S.placeID, type: .text, .notNull)
            .column(S.position, type: .int, .notNull)
            .column(S.source, type: .text, .notNull)
            .column(S.sourceID, type: .text, .notNull)
            .column(S.dateMaj, type: .text, .notNull)
            .primaryKey(S.placeID, S.position)
            .unique(S.source, S.sourceID)
            .foreignKey([S.placeID], references: Place.table, [Place.id], onDelete: .cascade)
            .foreignKey([S.source, S.sourceID], references: Record.table, [Record.source, Record.sourceID], onDelete: .cascade)
            .check(SQLRaw("length(\(S.dateMaj)) = 10"), named: nil as String?)
            .run()
    }
}
