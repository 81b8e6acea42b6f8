import SQLKit

/// The links between structures: one row per pair and kind (a second identical link is a conflict, not a copy).
struct CreatePartnerships: Migration {
    let name = "0018_partnerships"

    private typealias L = PartnershipTables.Link

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: L.table)
            .column(L.id, type: db.sequenceType, .primaryKey(autoIncrement: true))
            .column(L.territory, type: .text, .notNull)
            .column(L.from, type: .text, .notNull)
            .column(L.to, type: .text, .notNull)
            .column(L.kind, type: .text, .notNull)
            .column(L.state, type: .text, .notNull)
            .column(L.meetingID, type: .bigint)
            .column(L.notes, type: .text, .notNull)
            .column(L.confirmed, type: db.booleanType, .notNull)
            .column(L.createdAt, type: .text, .notNull)
            .column(L.updatedAt, type: .text, .notNull)
            .unique(L.from, L.to, L.kind)
            .check("\(ident: L.kind) IN ('oriente_vers', 'recoit_de', 'convention', 'co_animation', 'mutualisation', 'projet_commun', 'autre')" as SQLQueryString,
                   named: nil as String?)
            .check("\(ident: L.state) IN ('envisage', 'existant', 'a_formaliser', 'formalise')" as SQLQueryString, named: nil as String?)
            .check("\(ident: L.from) <> \(ident: L.to) AND length(\(ident: L.notes)) <= 1000 AND length(\(ident: L.territory)) = 9" as SQLQueryString,
                   named: nil as String?)
            .run()
        try await db.create(index: "partnerships_territory").on(L.table).column(L.territory).run()
    }
}
