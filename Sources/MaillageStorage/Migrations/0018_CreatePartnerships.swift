import SQLKit

/// The network: links between structures, one row per pair and kind (a second identical link is a conflict, not a
/// copy), and the orientation rules with their ordered steps.
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
        typealias R = PartnershipTables.Rule
        typealias S = PartnershipTables.RuleStep
        try await db.create(table: R.table)
            .column(R.id, type: db.sequenceType, .primaryKey(autoIncrement: true))
            .column(R.territory, type: .text, .notNull)
            .column(R.commune, type: .text, .notNull)
            .column(R.need, type: .text, .notNull)
            .column(R.targetPublic, type: .text)
            .column(R.constraint, type: .text)
            .column(R.note, type: .text, .notNull)
            .column(R.updatedAt, type: .text, .notNull)
            .check("\(ident: R.constraint) IS NULL OR \(ident: R.constraint) IN ('sans_equipement', 'sans_internet', 'autre_langue', 'handicap')" as SQLQueryString,
                   named: nil as String?)
            .check("length(\(ident: R.note)) <= 1000 AND length(\(ident: R.commune)) = 5" as SQLQueryString, named: nil as String?)
            .run()
        try await db.create(table: S.table)
            .column(S.ruleID, type: .bigint, .notNull)
            .column(S.position, type: .int, .notNull)
            .column(S.structureID, type: .text, .notNull)
            .column(S.approach, type: .text, .notNull)
            .column(S.contact, type: .text, .notNull)
            .primaryKey(S.ruleID, S.position)
            .foreignKey([S.ruleID], references: R.table, [R.id], onDelete: .cascade)
            .check("\(ident: S.approach) IN ('se_presenter', 'telephoner', 'fiche_prescription', 'rdv_en_ligne') AND length(\(ident: S.contact)) <= 200" as SQLQueryString,
                   named: nil as String?)
            .run()
    }
}
