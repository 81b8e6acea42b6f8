import SQLKit

extension PlaceTableSet {
    /// Creates the two child tables, each row tied to its row of the main table (deleted with it).
    func createChildTables(on db: any SQLDatabase) async throws {
        typealias L = PlaceTables.ListItem
        typealias U = PlaceTables.Unmapped
        try await db.create(table: listItems)
            .column(childKey, type: .text, .notNull)
            .column(L.field, type: .text, .notNull)
            .column(L.position, type: .int, .notNull)
            .column(L.value, type: .text, .notNull)
            .primaryKey(childKey, L.field, L.position)
            .foreignKey([childKey], references: table, [key], onDelete: .cascade)
            .check("\(ident: L.field) IN (\(literals: L.fields, joinedBy: ", "))" as SQLQueryString, named: nil as String?)
            .run()
        try await db.create(table: unmapped)
            .column(childKey, type: .text, .notNull)
            .column(U.position, type: .int, .notNull)
            .column(U.field, type: .text, .notNull)
            .column(U.value, type: .text, .notNull)
            .primaryKey(childKey, U.position)
            .foreignKey([childKey], references: table, [key], onDelete: .cascade)
            .run()
    }
}
